"""``manage.py send_reminders``: the daily reminder e-mails (issue 17, README "Erinnerungen")."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from core.due import berlin_today
from land.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Sendet die täglichen Erinnerungen an die KI-Leitungen und die Übersicht überschrittener "
        "Fristen an das Land (einmal täglich ausführen)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Stichtag JJJJ-MM-TT statt heute (Europe/Berlin), zum Testen oder Nachholen",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="nur anzeigen, was gesendet würde; nichts senden, nichts vermerken",
        )
        parser.add_argument(
            "--base-url",
            default="",
            help="Adresse der Anwendung für die Links, z. B. https://ki.example.nrw",
        )

    def handle(self, *args, date=None, dry_run=False, base_url="", **options):
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"Ungültiges Datum „{date}“, erwartet JJJJ-MM-TT.") from error
        else:
            today = berlin_today()
        report = send_reminders(today=today, dry_run=dry_run, base_url=base_url)
        verb = "würde senden" if dry_run else "gesendet"
        for mail in report.mails:
            self.stdout.write(f"{verb}: {mail.subject} an {', '.join(mail.to)}")
            if dry_run:
                self.stdout.write(mail.body)
        for name in report.without_recipient:
            self.stdout.write(f"{name}: fällige Punkte, aber keine KI-Leitung mit E-Mail-Adresse")
        self.stdout.write(f"{len(report.mails)} E-Mail(s) {verb} ({today:%d.%m.%Y}).")
