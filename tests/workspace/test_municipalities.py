"""The municipalities page of a District: see, add, edit, delete, import the official list."""

import pathlib
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from districts.models import Municipality
from tests import factories

pytestmark = pytest.mark.django_db

TEST_FILE = pathlib.Path(__file__).parents[1] / "fixtures/gemeindeverzeichnis/gv-isys-testdaten.csv"


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def url(name, district, *args):
    return reverse(f"workspace:{name}", args=[district.slug, *args])


@pytest.fixture
def testkreis(db):
    # Made-up key 05999 (test data): the GV-ISys test file has two municipalities in it.
    return factories.DistrictFactory(name="Testkreis", slug="testkreis", official_key="05999")


@pytest.fixture
def testkreis_lead(testkreis):
    return factories.MembershipFactory(district=testkreis, role="leitung").user


def test_every_member_sees_the_list_only_ki_staff_the_buttons(
    client, district, municipality, ki_lead, liaison
):
    municipality.ags = district.ags_prefix + "001"
    municipality.population, municipality.population_year = 55123, 2023
    municipality.population_source = "IT.NRW"
    municipality.save()
    client.force_login(liaison)
    page = text(client.get(url("municipalities", district)).content.decode())
    assert "Beispielstadt" in page and municipality.ags in page and "IT.NRW" in page
    assert "Neue Kommune" not in page and "Bearbeiten" not in page
    client.force_login(ki_lead)
    page = text(client.get(url("municipalities", district)).content.decode())
    assert "Neue Kommune" in page and "Amtliche Liste importieren" in page
    assert "55.123" in page and "2023" in page
    municipality.population = municipality.population_year = None
    municipality.save()
    assert "None" not in text(client.get(url("municipalities", district)).content.decode())


def test_the_district_nav_links_the_municipalities(client, district, council_member):
    client.force_login(council_member)
    page = client.get(url("home", district)).content.decode()
    assert f'href="{url("municipalities", district)}">Kommunen</a>' in page


def test_adding_a_municipality_with_its_ags_and_population(client, district, ki_lead):
    client.force_login(ki_lead)
    response = client.post(
        url("municipality_create", district),
        {
            "name": "Neustadt",
            "ags": district.ags_prefix + "042",
            "population": "12345",
            "population_year": "2023",
            "population_source": "IT.NRW",
        },
    )
    assert response.status_code == 302
    stored = Municipality.objects.for_district(district).get(name="Neustadt")
    assert (stored.ags, stored.population, stored.population_year, stored.slug) == (
        district.ags_prefix + "042",
        12345,
        2023,
        "neustadt",
    )


@pytest.mark.parametrize(
    ("ags", "message"),
    [
        ("05158016", "muss mit dem Kreisschlüssel"),  # another Kreis's prefix
        ("0599", "genau 8 Ziffern"),
        ("0590000x", "genau 8 Ziffern"),
    ],
)
def test_an_ags_of_another_kreis_or_without_8_digits_is_refused(
    client, district, ki_lead, ags, message
):
    client.force_login(ki_lead)
    response = client.post(url("municipality_create", district), {"name": "Neustadt", "ags": ags})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Municipality.objects.for_district(district).filter(name="Neustadt").exists()


def test_a_population_year_without_a_population_is_refused(client, district, ki_lead):
    client.force_login(ki_lead)
    response = client.post(
        url("municipality_create", district), {"name": "Neustadt", "population_year": "2023"}
    )
    assert "Bitte die Einwohnerzahl angeben" in response.content.decode()


def test_the_same_name_twice_is_refused_in_german(client, district, municipality, ki_lead):
    client.force_login(ki_lead)
    response = client.post(url("municipality_create", district), {"name": "beispielstadt"})
    assert response.status_code == 200
    assert "Es gibt bereits eine Kommune „beispielstadt“." in response.content.decode()
    assert Municipality.objects.for_district(district).count() == 1


def test_editing_a_municipality(client, district, municipality, ki_staff):
    client.force_login(ki_staff)
    page = client.get(url("municipality_update", district, municipality.pk))
    assert page.status_code == 200
    response = client.post(
        url("municipality_update", district, municipality.pk),
        {"name": "Beispielstadt", "ags": district.ags_prefix + "007", "population": "900"},
    )
    assert response.status_code == 302
    municipality.refresh_from_db()
    assert (municipality.ags, municipality.population) == (district.ags_prefix + "007", 900)


def test_another_districts_municipality_is_404(client, district, other_district, ki_lead):
    foreign = factories.MunicipalityFactory(district=other_district)
    client.force_login(ki_lead)
    for name in ("municipality_update", "municipality_delete"):
        assert client.get(url(name, district, foreign.pk)).status_code == 404
        assert client.post(url(name, district, foreign.pk), {"name": "x"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.name != "x"


def test_the_refusal_counts_in_german(district, municipality):
    factories.MeasureFactory(district=district).municipalities.add(municipality)
    for _ in range(2):
        factories.MeasurementFactory(
            indicator__measure__district=district, municipality=municipality
        )
    assert municipality.deletion_refusal().startswith(
        "„Beispielstadt“ kann nicht gelöscht werden, weil noch 1 Maßnahme und 2 Messwerte auf "
        "die Kommune verweisen."
    )


def test_deleting_an_unreferenced_municipality(client, district, municipality, ki_lead):
    client.force_login(ki_lead)
    assert (
        "gelöscht werden?"
        in client.get(url("municipality_delete", district, municipality.pk)).content.decode()
    )
    response = client.post(url("municipality_delete", district, municipality.pk), follow=True)
    assert "Kommune „Beispielstadt“ gelöscht." in response.content.decode()
    assert not Municipality.objects.filter(pk=municipality.pk).exists()


@pytest.mark.parametrize("reference", ["measure", "measurement", "liaison"])
def test_a_referenced_municipality_is_not_deleted_and_the_page_says_why(
    client, district, municipality, ki_lead, reference
):
    if reference == "measure":
        factories.MeasureFactory(district=district).municipalities.add(municipality)
        label = "1 Maßnahme auf die Kommune verweist"
    elif reference == "measurement":
        factories.MeasurementFactory(
            indicator__measure__district=district, municipality=municipality
        )
        label = "1 Messwert auf die Kommune verweist"
    else:
        factories.MembershipFactory(district=district, role="kommune", municipality=municipality)
        label = "1 Mitgliedschaft auf die Kommune verweist"
    client.force_login(ki_lead)
    page = text(client.get(url("municipality_delete", district, municipality.pk)).content.decode())
    assert "kann nicht gelöscht werden" in page and label in page
    assert "Endgültig löschen" not in page
    response = client.post(url("municipality_delete", district, municipality.pk), follow=True)
    assert "kann nicht gelöscht werden" in response.content.decode()
    assert Municipality.objects.filter(pk=municipality.pk).exists()


# --- Import ---------------------------------------------------------------------------------


def upload(client, district, content: bytes, name="AuszugGV.csv", **fields):
    return client.post(
        url("municipality_import", district),
        {"file": SimpleUploadedFile(name, content), "population_source": "Test", **fields},
    )


def test_the_preview_counts_and_lists_without_saving(client, testkreis, testkreis_lead):
    factories.MunicipalityFactory(district=testkreis, name="Beispielheim", ags="")
    client.force_login(testkreis_lead)
    response = upload(client, testkreis, TEST_FILE.read_bytes(), population_year="2023")
    assert response.status_code == 200
    page = text(response.content.decode())
    assert "1 neu anzulegen" in page
    assert "1 zu ändern" in page
    assert "2 Zeilen anderer Kreise übersprungen" in page
    assert "Testdorf am Bach" in page and "05999001" in page
    assert "AGS – 05999002" in page  # Beispielheim: no AGS yet → the file's
    assert "Einwohnerzahl – 4.321" in page and "Stand – 2023" in page
    assert "Alle Änderungen speichern" in page
    assert Municipality.objects.for_district(testkreis).count() == 1

    payload = response.context["payload"]
    response = client.post(url("municipality_import", testkreis), {"payload": payload}, follow=True)
    assert (
        "Import gespeichert: 1 neu angelegt, 1 geändert, 0 unverändert, 2 Zeilen anderer Kreise "
        "übersprungen." in response.content.decode()
    )
    stored = {m.name: m for m in Municipality.objects.for_district(testkreis)}
    assert stored["Beispielheim"].ags == "05999002"
    assert (stored["Testdorf am Bach"].population, stored["Testdorf am Bach"].population_year) == (
        12345,
        2023,
    )
    assert stored["Testdorf am Bach"].population_source == "Test"


def test_a_file_with_an_error_offers_no_save(client, testkreis, testkreis_lead):
    client.force_login(testkreis_lead)
    content = "AGS;Name;Einwohner;Stand\n05999001;Gut;1;2023\n5999002;Ohne Null;2;2023\n"
    page = text(upload(client, testkreis, content.encode()).content.decode())
    assert "Zeile 3" in page and "die führende 0 fehlt" in page
    assert "Alle Änderungen speichern" not in page


def test_the_save_is_all_or_nothing_when_the_list_changed_after_the_preview(
    client, testkreis, testkreis_lead
):
    client.force_login(testkreis_lead)
    content = "AGS;Name\n05999001;Erste\n05999002;Zweite\n"
    payload = upload(client, testkreis, content.encode()).context["payload"]
    # Meanwhile a colleague gives "Zweite" another AGS by hand.
    factories.MunicipalityFactory(district=testkreis, name="Zweite", ags="05999009")
    response = client.post(url("municipality_import", testkreis), {"payload": payload})
    page = text(response.content.decode())
    assert "Es wurde nichts gespeichert" in page
    assert not Municipality.objects.for_district(testkreis).filter(name="Erste").exists()


def test_a_payload_of_another_district_or_tampered_saves_nothing(
    client, testkreis, testkreis_lead, district, ki_lead
):
    client.force_login(testkreis_lead)
    payload = upload(client, testkreis, b"AGS;Name\n05999001;Erste\n").context["payload"]
    client.force_login(ki_lead)
    for forged in (payload, payload[:-3] + "abc", "Unsinn"):
        response = client.post(
            url("municipality_import", district), {"payload": forged}, follow=True
        )
        assert "Bitte laden Sie die Datei erneut hoch" in response.content.decode()
    assert Municipality.objects.filter(name="Erste").count() == 0


def test_rows_of_other_kreise_only_are_skipped_and_nothing_to_save(
    client, testkreis, testkreis_lead
):
    client.force_login(testkreis_lead)
    page = text(upload(client, testkreis, b"AGS;Name\n05998001;Anderswo\n").content.decode())
    assert "1 Zeile anderer Kreise übersprungen" in page
    assert "Die Datei bringt nichts Neues" in page


def test_a_broken_file_is_a_german_form_error(client, testkreis, testkreis_lead):
    client.force_login(testkreis_lead)
    response = upload(client, testkreis, b"PK\x03\x04kaputt", name="AuszugGV.xlsx")
    assert response.status_code == 200
    assert "nicht als Excel-Arbeitsmappe" in response.content.decode()
