"""``demo.validate``: a content file that cannot load is refused with its file and entry named."""

import datetime

import pytest
import yaml
from django.core.management import call_command

from demo import loader
from demo.loader import CONTENT_DIR, content_files, read_content
from demo.validate import ContentError
from districts.models import District


def _write(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def mettmann():
    return read_content(CONTENT_DIR / "kreis-mettmann.yaml")


def _problems(tmp_path, data, name="kaputt.yaml") -> str:
    with pytest.raises(ContentError) as excinfo:
        read_content(_write(tmp_path / name, data))
    return str(excinfo.value)


def test_four_districts_are_shipped():
    assert [p.name for p in content_files()] == [
        "kreis-coesfeld.yaml",
        "kreis-mettmann.yaml",
        "maerkischer-kreis.yaml",
        "rhein-erft-kreis.yaml",
    ]


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.name)
def test_every_shipped_file_is_valid(path):
    data = read_content(path)
    assert path.name == f"{data['slug']}.yaml"


def test_dates_and_decimals_survive_the_file(mettmann):
    """Dates are YAML dates, decimal values quoted strings (never binary floats)."""
    version = mettmann["concept_versions"][1]
    assert version["decided_on"] == datetime.date(2015, 6, 22)
    values = [
        x["value"]
        for m in mettmann["measures"]
        for ind in m["indicators"]
        for x in ind["measurements"]
    ]
    assert not any(isinstance(v, float) for v in values)
    assert any(isinstance(v, str) and "." in v for v in values)
    assert mettmann["official_key"] == "05158"


def test_missing_required_key_names_file_and_entry(tmp_path, mettmann):
    title = mettmann["measures"][2]["title"]
    del mettmann["measures"][2]["status"]
    message = _problems(tmp_path, mettmann)
    assert f"kaputt.yaml: measures[2] „{title}“.status: Pflichtangabe fehlt" in message


def test_dangling_reference_names_file_and_entry(tmp_path, mettmann):
    title = mettmann["measures"][0]["title"]
    mettmann["measures"][0]["lead"] = "Verein, den es nicht gibt"
    message = _problems(tmp_path, mettmann)
    assert message == (
        f"kaputt.yaml: measures[0] „{title}“.lead: unbekannte(r) Akteur „Verein, den es nicht gibt“"
    )


def test_consultation_needs_a_meeting_of_its_committee(tmp_path, mettmann):
    consultation = mettmann["decision_papers"][0]["consultations"][0]
    consultation["meeting_date"] = datetime.date(2015, 5, 12)
    message = _problems(tmp_path, mettmann)
    assert (
        "decision_papers[0] „50/020/2015“.consultations[0].meeting_date: "
        "„Sozialausschuss“ hat am 2015-05-12 keine Sitzung"
    ) in message


def test_typo_in_a_key_is_not_ignored(tmp_path, mettmann):
    measure = mettmann["measures"][1]
    measure["partner"] = measure.pop("partners")
    message = _problems(tmp_path, mettmann)
    assert f"measures[1] „{measure['title']}“.partner: unbekannter Schlüssel" in message


def test_bad_values_are_all_reported(tmp_path, mettmann):
    indicator = mettmann["measures"][0]["indicators"][0]
    indicator["measurements"][0]["value"] = "12,5"
    mettmann["actors"][0]["type"] = "verein"
    mettmann["concept_versions"][0]["decided_on"] = "17.12.2007"
    message = _problems(tmp_path, mettmann)
    lines = message.splitlines()
    assert len(lines) == 3 and all(line.startswith("kaputt.yaml: ") for line in lines)
    assert ".measurements[0].value: erwartet Zahl" in message
    assert ".type: 'verein' ist keiner der Werte" in message
    assert "concept_versions[0] „Rahmenkonzept Integration 2007“.decided_on: erwartet Datum" in (
        message
    )


def test_duplicate_natural_key_is_refused(tmp_path, mettmann):
    mettmann["actors"].append(dict(mettmann["actors"][0]))
    message = _problems(tmp_path, mettmann)
    assert f"kaputt.yaml: actors: Akteur „{mettmann['actors'][0]['name']}“ kommt 2-mal vor" in (
        message
    )


def test_committee_readers_are_demo_users_named_once(tmp_path, mettmann):
    """Issue 20: a committee gives access to demo users by role prefix (kreistag.<kreis>)."""
    social = next(c for c in mettmann["committees"] if c["name"] == "Sozialausschuss")
    assert social["readers"] == ["kreistag"]
    social["readers"] = ["kreistag", "kommune"]
    message = _problems(tmp_path, mettmann)
    assert "„Sozialausschuss“.readers[1]: 'kommune' ist keiner der Werte" in message
    social["readers"] = ["kreistag", "kreistag"]
    message = _problems(tmp_path, mettmann)
    assert "„Sozialausschuss“.readers: Zugang „kreistag“ kommt 2-mal vor" in message


def test_version_references_use_version_numbers(tmp_path, mettmann):
    mettmann["measures"][3]["in_versions"] = [4]
    message = _problems(tmp_path, mettmann)
    assert ".in_versions: unbekannte(r) Fassung „4“" in message


def test_a_file_that_is_not_a_mapping(tmp_path):
    (tmp_path / "leer.yaml").write_text("- nur eine Liste\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^leer\.yaml: \(Datei\): erwartet eine Zuordnung"):
        read_content(tmp_path / "leer.yaml")


@pytest.mark.django_db
def test_load_demo_checks_every_file_before_writing(tmp_path, monkeypatch, mettmann):
    for path in content_files():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    rhein_erft = read_content(tmp_path / "rhein-erft-kreis.yaml")
    rhein_erft["priority_rounds"][0]["adopted"].append("Option, die es nicht gibt")
    _write(tmp_path / "rhein-erft-kreis.yaml", rhein_erft)
    monkeypatch.setattr(loader, "CONTENT_DIR", tmp_path)
    before = District.objects.get(official_key="05158").municipalities.count()

    with pytest.raises(ContentError, match=r"rhein-erft-kreis\.yaml: priority_rounds\[0\]"):
        call_command("load_demo", verbosity=0)
    # Mettmann comes first alphabetically, but nothing of it was written either.
    assert District.objects.get(official_key="05158").municipalities.count() == before == 0
