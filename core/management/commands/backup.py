from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sichert Datenbank und MEDIA_ROOT in einen Ordner, mit Zählungen und Prüfsummen."

    def add_arguments(self, parser):
        parser.add_argument("output", help="Ordner, in dem die Sicherung angelegt wird")

    def handle(self, *args, output, **options):
        try:
            target = backup(Path(output), Path(settings.MEDIA_ROOT))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Sicherung geschrieben: {target}")
