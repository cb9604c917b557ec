"""Settings: production passes Django's deploy checks; bad environment values stop the start."""

import datetime
import os
import secrets
import string
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import formats, translation

from kreisintegration.settings import base

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Only what a process needs to run; nothing of the developer's own configuration leaks in.
_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")


def _manage(*args: str, **variables: str) -> subprocess.CompletedProcess:
    env = {key: os.environ[key] for key in _KEEP if key in os.environ}
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def _production(tmp_path: Path, **overrides: str) -> dict[str, str]:
    alphabet = string.ascii_letters + string.digits + "!#%+-_"
    variables = {
        "DJANGO_SETTINGS_MODULE": "kreisintegration.settings.production",
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(60)),
        "ALLOWED_HOSTS": "ki.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
    }
    variables.update(overrides)
    return {key: value for key, value in variables.items() if value is not None}


def test_production_profile_passes_the_deploy_checks(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **_production(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_unparsable_debug_stops_the_start_naming_the_variable():
    # "vielleicht" must not be read as a silent False (or True).
    result = _manage(
        "check", DJANGO_SETTINGS_MODULE="kreisintegration.settings.base", DEBUG="vielleicht"
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stderr
    assert "ungültig" in result.stderr


def test_production_without_secret_key_stops_in_german(tmp_path):
    result = _manage("check", **_production(tmp_path, SECRET_KEY=None))
    assert result.returncode != 0
    assert "SECRET_KEY fehlt" in result.stderr


def test_production_with_a_short_secret_key_stops(tmp_path):
    result = _manage("check", **_production(tmp_path, SECRET_KEY="zu-kurz"))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug(tmp_path):
    result = _manage("check", **_production(tmp_path, DEBUG="true"))
    assert result.returncode != 0
    assert "DEBUG darf im Produktivprofil nicht" in result.stderr


def test_unknown_database_url_fails_loudly():
    result = _manage("check", DATABASE_URL="nonsense://x")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "nonsense" in result.stderr


def test_base_settings_are_german_safe_and_short_lived():
    assert base.LANGUAGE_CODE == "de-de"
    assert base.TIME_ZONE == "Europe/Berlin"
    # A form that fails half-way leaves nothing behind.
    assert base.DATABASES["default"]["ATOMIC_REQUESTS"] is True
    # A working day at most, not weeks.
    assert base.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    # Login throttling.
    assert "axes" in base.INSTALLED_APPS


def test_numbers_and_dates_are_written_the_german_way():
    # Seeds: dates as 31.10.2012; amounts with decimal comma and thousands dot.
    with translation.override("de"):
        assert (
            formats.number_format(Decimal("1234.5"), 1, use_l10n=True, force_grouping=True)
            == "1.234,5"
        )
        assert formats.date_format(datetime.date(2012, 10, 31)) == "31.10.2012"


@pytest.mark.parametrize(
    ("word", "value"),
    [("true", True), ("1", True), ("on", True), ("yes", True)]
    + [("false", False), ("0", False), ("off", False), ("no", False)],
)
def test_ordinary_boolean_words_are_still_understood(monkeypatch, word, value):
    monkeypatch.setenv("KI_TEST_FLAG", word)
    assert base.env.bool("KI_TEST_FLAG", default=not value) is value


def test_a_csrf_failure_is_explained_in_german(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/konto/anmelden/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="de">' in page
    assert "Das Formular konnte nicht gesendet werden" in page
    assert "CSRF verification failed" not in page
