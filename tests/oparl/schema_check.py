"""The OParl 1.1 JSON schema files as jsonschema validators.

The files reference each other not with ``$ref`` but with the OParl-specific keyword
``"schema": "File.json"`` next to ``"type": "object"`` (an embedded object, e.g.
``Paper.mainFile`` or the items of ``Paper.consultation``). A standard validator ignores that
keyword, so it is turned into a ``$ref`` to the named file; ``"schema": "Organization"`` on a
URL string (``Body.mainOrganization``) is a mere annotation and stays as it is. The OParl formats
``url``, ``date-time`` and ``date`` are checked here too (jsonschema knows no ``url`` and checks
``date-time`` only with an optional package).
"""

import datetime
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared" / "oparl-1.1"
VENDORED = Path(__file__).resolve().parent / "schema"
BASE = "https://schema.oparl.org/1.1/"

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _with_refs(node):
    if isinstance(node, list):
        return [_with_refs(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: _with_refs(value) for key, value in node.items()}
    target = converted.get("schema")
    if converted.get("type") == "object" and isinstance(target, str) and target.endswith(".json"):
        converted["$ref"] = target
    return converted


def _format_checker():
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())

    @checker.checks("url")
    def is_url(value) -> bool:
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return parts.scheme in {"http", "https"} and bool(parts.netloc)

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value) -> bool:
        if not isinstance(value, str):
            return True
        # RFC 3339: a time and an offset are mandatory (OParl: "Datum mit Zeit mit Zeitzone").
        return bool(_DATE_TIME.match(value)) and bool(datetime.datetime.fromisoformat(value))

    @checker.checks("date", raises=ValueError)
    def is_date(value) -> bool:
        if not isinstance(value, str):
            return True
        return bool(_DATE.match(value)) and bool(datetime.date.fromisoformat(value))

    return checker


@dataclass
class OParlSchema:
    folder: Path
    source: str  # "shared" or "vendored"
    validators: dict

    def validate(self, obj: dict) -> str:
        """Validate ``obj`` against the schema file of its ``type``; returns the type name."""
        assert isinstance(obj, dict), obj
        kind = obj.get("type", "")
        assert kind.startswith(BASE), f"type {kind!r} is not an OParl 1.1 type ({obj.get('id')})"
        name = kind.removeprefix(BASE)
        assert name in self.validators, f"no schema file for {kind}"
        errors = sorted(self.validators[name].iter_errors(obj), key=lambda e: list(e.path))
        assert not errors, f"{obj.get('id')} is not a valid {name}:\n" + "\n".join(
            f"  {'/'.join(map(str, e.path)) or '(object)'}: {e.message}" for e in errors
        )
        return name


def schema_folder() -> tuple[Path, str] | None:
    """../shared/oparl-1.1 next to the repository if present, else the vendored copy."""
    for folder, source in ((SHARED, "shared"), (VENDORED, "vendored")):
        if (folder / "System.json").is_file():
            return folder, source
    return None


def load_schema() -> OParlSchema:
    """The validators; skips without schema files or jsonschema, but fails in CI
    (KI_REQUIRE_BROWSER=1 is the project's "must run in CI" switch)."""
    required = bool(os.environ.get("KI_REQUIRE_BROWSER"))

    def unavailable(reason: str):
        if required:
            pytest.fail(f"{reason}; in CI (KI_REQUIRE_BROWSER=1) ist die Schema-Prüfung Pflicht")
        pytest.skip(reason)

    try:
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
    except ImportError:
        unavailable("jsonschema fehlt (pip install -e '.[test]')")
    found = schema_folder()
    if found is None:
        unavailable(f"OParl-1.1-Schema fehlt in {SHARED} und in {VENDORED}")
    folder, source = found
    resources = []
    names = []
    for path in sorted(folder.glob("*.json")):
        contents = _with_refs(json.loads(path.read_text(encoding="utf-8")))
        contents["$id"] = BASE + path.name
        resources.append(
            (BASE + path.name, Resource.from_contents(contents, default_specification=DRAFT202012))
        )
        names.append(path.stem)
    registry = Registry().with_resources(resources)
    checker = _format_checker()
    validators = {
        name: Draft202012Validator(
            {"$ref": f"{BASE}{name}.json"}, registry=registry, format_checker=checker
        )
        for name in names
    }
    return OParlSchema(folder=folder, source=source, validators=validators)
