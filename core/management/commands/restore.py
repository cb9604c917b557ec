from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Spielt eine Sicherung von `manage.py backup` zurück (Datenbank und MEDIA_ROOT) und "
        "prüft Zählungen und Prüfsummen. Überschreibt die Datenbank!"
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Ordner der Sicherung")
        parser.add_argument("--yes", action="store_true", help="ohne Rückfrage überschreiben")
        parser.add_argument("--database", default="default", help="Ziel-Datenbank (Alias)")

    def handle(self, *args, source, yes, database, **options):
        from django.db import connections

        if not yes:
            raise CommandError("Die Wiederherstellung überschreibt alles: mit --yes bestätigen.")
        try:
            connections[database].close()
            manifest = restore(
                Path(source),
                settings_dict=connections[database].settings_dict,
                media_root=Path(settings.MEDIA_ROOT),
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Wiederhergestellt: {len(manifest['tables'])} Tabellen, "
            f"{sum(manifest['tables'].values())} Zeilen, {len(manifest['media'])} Dateien – "
            "alles wie in der Sicherung."
        )
