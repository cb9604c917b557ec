"""A database made at the previous main migrates to today's head without losing anything.

The fixture was made at commit 7df91cb (before issue 12 moved reporting to papers and the
Sachstandsbericht to reports): `migrate`, `load_demo` (three Districts, Kreis Mettmann's
50/020/2015 released with the concept as Anlage), then sessions and login attempts emptied.
Issue 12: "migrating a database made at the previous main (demo loaded, one paper released)
keeps every row and every released PDF byte for byte".
"""

import gzip
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "main-7df91cb-demo.sqlite3.gz"
# Tables whose rows a migration adds by design (its own record; a new model's content type
# and permissions); they may grow, never shrink.
GROWING = {"django_migrations", "django_content_type", "auth_permission"}
# Stored bytes that must come out unchanged: (table, key column, blob column).
BLOBS = [
    ("reporting_paperrelease", "id", "pdf"),
    ("documents_generateddocument", "id", "pdf"),
]


def snapshot(path: Path) -> dict:
    with sqlite3.connect(path) as db:
        tables = [
            name
            for (name,) in db.execute(
                "select name from sqlite_master where type='table' and name not like 'sqlite_%'"
            )
        ]
        counts = {t: db.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
        blobs = {
            (table, key): hashlib.sha256(bytes(blob)).hexdigest()
            for table, key_column, column in BLOBS
            for key, blob in db.execute(
                f'select "{key_column}", "{column}" from "{table}" where "{column}" is not null'
            )
        }
        content_types = set(db.execute("select app_label, model from django_content_type"))
        # What went out with a release: checksums and the frozen Anlagen (files keep their
        # paths under MEDIA_ROOT, with the checksums OParl publishes).
        released = {
            "releases": db.execute(
                'select id, revision, reference, sha256, sha512, size from "reporting_paperrelease"'
                " order by id"
            ).fetchall(),
            "anlagen": db.execute(
                'select * from "reporting_releasedattachment" order by id'
            ).fetchall(),
        }
    return {
        "counts": counts,
        "blobs": blobs,
        "content_types": content_types,
        "released": released,
    }


def manage(database: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "kreisintegration.settings.test",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    database = tmp_path_factory.mktemp("previous-main") / "db.sqlite3"
    with gzip.open(FIXTURE) as packed, database.open("wb") as out:
        shutil.copyfileobj(packed, out)
    before = snapshot(database)
    result = manage(database, "migrate", "--noinput")
    assert result.returncode == 0, result.stdout + result.stderr
    return database, before, snapshot(database)


def test_every_row_is_kept(migrated):
    _, before, after = migrated
    assert before["counts"]["reporting_paperrelease"] >= 1  # the fixture has a release
    for table, count in before["counts"].items():
        if table in GROWING:
            assert after["counts"][table] >= count, table
            continue
        assert after["counts"].get(table) == count, table


def test_released_and_generated_pdfs_are_byte_for_byte_the_same(migrated):
    _, before, after = migrated
    assert before["blobs"]
    assert after["blobs"] == before["blobs"]


def test_what_went_out_with_a_release_is_unchanged(migrated):
    _, before, after = migrated
    assert before["released"]["anlagen"]  # 50/020/2015 went out with the concept as Anlage
    assert after["released"] == before["released"]


def test_content_types_follow_the_models_instead_of_going_stale(migrated):
    _, before, after = migrated
    assert ("reporting", "paperrelease") in before["content_types"]
    assert not {ct for ct in after["content_types"] if ct[0] == "reporting"}
    assert ("papers", "paperrelease") in after["content_types"]
    assert ("reports", "progressreport") in after["content_types"]
    assert ("documents", "progressreport") not in after["content_types"]


def test_the_migrated_data_reads_through_the_new_apps(migrated):
    database, _, _ = migrated
    script = (
        "import hashlib\n"
        "from papers.models import PaperRelease\n"
        "from reports.models import ProgressReport\n"
        "from documents.models import GeneratedDocument\n"
        "for r in PaperRelease.objects.all():\n"
        "    assert hashlib.sha256(bytes(r.pdf)).hexdigest() == r.sha256, r\n"
        "    print('release', r.paper.reference, r.revision, len(r.attachments.all()))\n"
        "print('reports', ProgressReport.objects.count())\n"
        "print('documents', GeneratedDocument.objects.filter(progress_report__isnull=False).count()"
        " + GeneratedDocument.objects.filter(concept_version__isnull=False).count())\n"
    )
    result = manage(database, "shell", "-c", script)
    assert result.returncode == 0, result.stderr
    assert "release 50/020/2015 1 1" in result.stdout
    assert "reports 1" in result.stdout
