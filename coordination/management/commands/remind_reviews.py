"""``manage.py remind_reviews``: the reminder before the end of a Beteiligung (issue 18), once
per Beteiligung, to everyone it invites. Run daily, like ``send_reminders``."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from coordination.models import DraftReview
from coordination.review_mail import remind
from core.due import berlin_today

# Not from a law or a seed: the product's choice, overridable with --tage. Three days leave a
# liaison a working day to take a comment through their Fachbereich.
DAYS_BEFORE_END = 3


class Command(BaseCommand):
    help = "Erinnert die Teilnehmenden laufender Beteiligungen kurz vor deren Ende (täglich)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tage",
            type=int,
            default=DAYS_BEFORE_END,
            help=f"so viele Tage vor dem Ende erinnern (Standard {DAYS_BEFORE_END})",
        )
        parser.add_argument("--date", help="Stichtag JJJJ-MM-TT statt heute (Europe/Berlin)")
        parser.add_argument(
            "--base-url",
            default="",
            help="Adresse der Anwendung für die Links, z. B. https://ki.example.nrw",
        )

    def handle(self, *args, tage, date=None, base_url="", **options):
        if tage < 0:
            raise CommandError("--tage darf nicht negativ sein.")
        try:
            today = datetime.date.fromisoformat(date) if date else berlin_today()
        except ValueError as error:
            raise CommandError(f"Ungültiges Datum „{date}“, erwartet JJJJ-MM-TT.") from error
        due = DraftReview.objects.filter(
            reminded_at__isnull=True,
            published_at__isnull=True,
            opens_on__lte=today,
            closes_on__gte=today,
            closes_on__lte=today + datetime.timedelta(days=tage),
        ).select_related("version__concept__district")
        total = 0
        for review in due:
            count = remind(review, base_url=base_url, today=today)
            total += count
            self.stdout.write(f"{review.title}: Erinnerung an {count} Teilnehmende")
        self.stdout.write(f"{total} E-Mail(s) gesendet ({today:%d.%m.%Y}).")
