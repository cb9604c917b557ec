"""Backup and restore of the whole installation: database and MEDIA_ROOT, with a manifest.

Issue 15: the README's restore command failed on a fresh database, and nothing checked that a
backup can be restored. ``manage.py backup`` writes one folder with the database (PostgreSQL:
``pg_dump --format=custom``; SQLite: the sqlite3 backup API), the media files as a tar archive,
and ``manifest.json`` with the row count of every table and the SHA-256 of every media file.
``manage.py restore`` puts both back (``pg_restore --clean --if-exists --no-owner``) and checks
the restored counts and checksums against the manifest; a difference is an error.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.db import connection

MANIFEST = "manifest.json"
# The database cache (core/migrations/0001_cache_table.py); not part of what a backup keeps.
CACHE_TABLE = "kreisintegration_cache"


class BackupError(RuntimeError):
    """A German message for the operator."""


def _pg_args(settings_dict: dict) -> tuple[list[str], dict]:
    args = ["--host", settings_dict.get("HOST") or "localhost"]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return args, env


def table_counts(conn) -> dict[str, int]:
    """Rows per table of the project (every table Django knows).

    The cache table is left out: its rows come and go while the backup runs (issue 16).
    """
    with conn.cursor() as cursor:
        tables = sorted(set(conn.introspection.table_names(cursor)) - {CACHE_TABLE})
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {conn.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def media_checksums(media_root: Path) -> dict[str, str]:
    checksums = {}
    if media_root.exists():
        for path in sorted(media_root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                checksums[str(path.relative_to(media_root))] = hashlib.sha256(
                    path.read_bytes()
                ).hexdigest()
    return checksums


def backup(output: Path, media_root: Path) -> Path:
    """Write a backup folder below ``output``; returns it."""
    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    target = output / f"kreisintegration-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    vendor = connection.vendor
    if vendor == "postgresql":
        args, env = _pg_args(connection.settings_dict)
        result = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", *args,
             "--file", str(target / "database.dump"), connection.settings_dict["NAME"]],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            raise BackupError(f"pg_dump ist fehlgeschlagen: {result.stderr.strip()}")
    elif vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / "database.sqlite3") as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"Datenbank „{vendor}“ wird nicht unterstützt.")
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    manifest = {
        "created": stamp,
        "database": vendor,
        "tables": table_counts(connection),
        "media": media_checksums(media_root),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return target


def _raw_counts(vendor: str, settings_dict: dict, tables: list[str]) -> dict[str, int]:
    """Row counts read with a plain DB-API connection to the restored database."""
    if vendor == "postgresql":
        import psycopg2

        raw = psycopg2.connect(
            dbname=settings_dict["NAME"],
            host=settings_dict.get("HOST") or "localhost",
            port=settings_dict.get("PORT") or 5432,
            user=settings_dict.get("USER") or None,
            password=settings_dict.get("PASSWORD") or None,
        )
        quote = '"{}"'.format
    else:
        raw = sqlite3.connect(settings_dict["NAME"])
        quote = '"{}"'.format
    try:
        cursor = raw.cursor()
        counts = {}
        for table in tables:
            try:
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608
                counts[table] = cursor.fetchone()[0]
            except Exception:
                counts[table] = None
                if vendor == "postgresql":
                    raw.rollback()
        return counts
    finally:
        raw.close()


def restore(source: Path, *, settings_dict: dict, media_root: Path) -> dict:
    """Restore the backup folder ``source`` into the database of ``settings_dict`` and into
    ``media_root``; compare with the manifest and return it. ``BackupError`` on any difference.
    Close Django's connections to that database before."""
    manifest = json.loads((source / MANIFEST).read_text())
    vendor = "postgresql" if "postgresql" in settings_dict["ENGINE"] else "sqlite"
    if vendor != manifest["database"]:
        raise BackupError(f"Die Sicherung ist von {manifest['database']}, das Ziel ist {vendor}.")
    if vendor == "postgresql":
        args, env = _pg_args(settings_dict)
        result = subprocess.run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", *args,
             "--dbname", settings_dict["NAME"], str(source / "database.dump")],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            raise BackupError(f"pg_restore ist fehlgeschlagen: {result.stderr.strip()[:2000]}")
    else:
        shutil.copyfile(source / "database.sqlite3", settings_dict["NAME"])
    if media_root.exists():
        shutil.rmtree(media_root)
    media_root.mkdir(parents=True)
    with tarfile.open(source / "media.tar.gz", "r:gz") as archive:
        for member in archive.getmembers():
            if not member.name.startswith("media"):
                continue
            member.name = member.name.removeprefix("media").lstrip("/")
            if member.name:
                archive.extract(member, media_root, filter="data")
    differences = []
    counts = _raw_counts(vendor, settings_dict, list(manifest["tables"]))
    for table, count in manifest["tables"].items():
        if counts.get(table) != count:
            differences.append(f"Tabelle {table}: {counts.get(table)} statt {count} Zeilen")
    if media_checksums(media_root) != manifest["media"]:
        differences.append("Die Dateien in MEDIA_ROOT weichen von der Sicherung ab.")
    if differences:
        raise BackupError("Wiederherstellung unvollständig: " + "; ".join(differences))
    return manifest
