"""Backup and restore round trip (issue 15): database and media back, every table's count and
every file's checksum equal, released PDFs byte for byte."""

import hashlib
import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from core.backup import BackupError, backup, restore, table_counts
from papers.models import PaperRelease
from tests import factories

# serialized_rollback: the flush after a transactional test would wipe what migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _target(tmp_path) -> dict:
    """A fresh, empty database of the same kind as the test database."""
    target = dict(connection.settings_dict)
    if connection.vendor == "postgresql":
        target["NAME"] = connection.settings_dict["NAME"] + "_restore"
        host = ["-h", target.get("HOST") or "localhost", "-U", target.get("USER") or "postgres"]
        subprocess.run(["dropdb", "--if-exists", *host, target["NAME"]], check=True)
        subprocess.run(["createdb", *host, target["NAME"]], check=True)
    else:
        target["NAME"] = str(tmp_path / "restored.sqlite3")
    return target


def _drop(target):
    if connection.vendor == "postgresql":
        host = ["-h", target.get("HOST") or "localhost", "-U", target.get("USER") or "postgres"]
        subprocess.run(["dropdb", "--if-exists", *host, target["NAME"]], check=False)


def test_backup_and_restore_give_back_every_row_and_file(tmp_path, district):
    release = factories.PaperReleaseFactory(paper__district=district)
    media = Path(settings.MEDIA_ROOT)
    (media / "bilder" / district.slug).mkdir(parents=True)
    (media / "bilder" / district.slug / "karte.png").write_bytes(b"\x89PNG bild")
    (media / "freigaben" / "2026").mkdir(parents=True)
    (media / "freigaben" / "2026" / "anlage.pdf").write_bytes(b"%PDF-1.7 anlage")
    counts = table_counts(connection)

    folder = backup(tmp_path / "sicherung", media)
    assert "manifest.json" in os.listdir(folder)
    target = _target(tmp_path)
    restored_media = tmp_path / "media-zurueck"
    try:
        manifest = restore(folder, settings_dict=target, media_root=restored_media)
        assert manifest["tables"] == counts
        assert manifest["tables"]["reporting_paperrelease"] == 1
        assert (restored_media / "bilder" / district.slug / "karte.png").read_bytes() == (
            b"\x89PNG bild"
        )
        # The released PDF comes back byte for byte (it is stored in the database).
        if connection.vendor == "postgresql":
            import psycopg2

            raw = psycopg2.connect(
                dbname=target["NAME"],
                host=target.get("HOST") or "localhost",
                user=target.get("USER") or None,
            )
        else:
            import sqlite3

            raw = sqlite3.connect(target["NAME"])
        cursor = raw.cursor()
        cursor.execute("SELECT pdf FROM reporting_paperrelease")
        pdf = bytes(cursor.fetchone()[0])
        raw.close()
        assert hashlib.sha256(pdf).hexdigest() == release.sha256 or pdf == bytes(release.pdf)
        assert pdf == bytes(PaperRelease.objects.get().pdf)
    finally:
        _drop(target)


def test_a_damaged_backup_is_reported_not_silently_restored(tmp_path, district):
    factories.DecisionPaperFactory(district=district)
    folder = backup(tmp_path / "sicherung", Path(settings.MEDIA_ROOT))
    manifest = folder / "manifest.json"
    manifest.write_text(
        manifest.read_text().replace('"reporting_decisionpaper": 1', '"reporting_decisionpaper": 2')
    )
    target = _target(tmp_path)
    try:
        with pytest.raises(BackupError, match="reporting_decisionpaper: 1 statt 2 Zeilen"):
            restore(folder, settings_dict=target, media_root=tmp_path / "m")
    finally:
        _drop(target)


def test_restore_asks_for_confirmation(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="mit --yes bestätigen"):
        call_command("restore", str(tmp_path))
