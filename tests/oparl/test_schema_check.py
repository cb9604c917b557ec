"""The schema check of the crawler catches what a real OParl validator would catch.

Without this the crawler could pass because the validator ignores the embedded objects (the
OParl files link them with ``"schema": "File.json"``, not with ``$ref``).
"""

import pytest

from . import schema_check

T = "https://schema.oparl.org/1.1/"
PAPER = {"id": "https://example.org/paper/1", "type": T + "Paper"}
FILE = {
    "id": "https://example.org/file/1",
    "type": T + "File",
    "accessUrl": "https://example.org/file/1/access",
}


def problems(schema, obj) -> str:
    try:
        schema.validate(obj)
    except AssertionError as exc:
        return str(exc)
    return ""


def test_a_valid_paper_passes(oparl_schema):
    paper = {
        **PAPER,
        "date": "2026-05-04",
        "mainFile": FILE,
        "auxiliaryFile": [FILE],
        "consultation": [{"id": "https://example.org/c/1", "type": T + "Consultation"}],
        "modified": "2026-05-05T11:00:00+02:00",
    }
    assert problems(oparl_schema, paper) == ""


@pytest.mark.parametrize(
    ("obj", "complaint"),
    [
        # embedded objects are checked through the converted references
        ({**PAPER, "mainFile": {"id": FILE["id"], "type": FILE["type"]}}, "accessUrl"),
        ({**PAPER, "auxiliaryFile": [{**FILE, "size": "17"}]}, "auxiliaryFile/0/size"),
        ({**PAPER, "consultation": [{**FILE}]}, "consultation/0/type"),
        # required fields, formats and types
        ({"id": "https://example.org/body/1", "type": T + "Body", "name": "x"}, "person"),
        ({**PAPER, "modified": "2026-05-05T11:00:00"}, "modified"),
        ({**PAPER, "date": "04.05.2026"}, "date"),
        ({**PAPER, "id": "/oparl/paper/1"}, "id"),
        ({**PAPER, "underDirectionOf": "https://example.org/o/1"}, "underDirectionOf"),
        ({**PAPER, "type": T + "Drucksache"}, "no schema file"),
    ],
)
def test_mistakes_are_caught(oparl_schema, obj, complaint):
    assert complaint in problems(oparl_schema, obj)


def test_the_schema_source_is_named(oparl_schema):
    assert oparl_schema.source in {"shared", "vendored"}
    assert (oparl_schema.folder / "Paper.json").is_file()


def test_a_fresh_clone_uses_the_vendored_copy(monkeypatch, tmp_path):
    monkeypatch.setattr(schema_check, "SHARED", tmp_path / "fehlt")
    schema = schema_check.load_schema()
    assert schema.source == "vendored"
    assert problems(schema, {**PAPER, "date": "04.05.2026"})


def test_without_schema_files_it_skips_locally_and_fails_in_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(schema_check, "SHARED", tmp_path / "fehlt")
    monkeypatch.setattr(schema_check, "VENDORED", tmp_path / "auch-nicht")
    monkeypatch.delenv("KI_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception):
        schema_check.load_schema()
    monkeypatch.setenv("KI_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="CI"):
        schema_check.load_schema()
