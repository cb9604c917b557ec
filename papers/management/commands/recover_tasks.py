"""Queue again or fail background work whose worker died (issue 15, papers/recovery.py).

`manage.py worker` does this at start and with every heartbeat; this command is for an
operator (or a cron job) when the worker ran as plain `db_worker` or not at all.
"""

from django.core.management.base import BaseCommand

from papers.recovery import recover_all


class Command(BaseCommand):
    help = "Unterbrochene Hintergrundarbeit (Dokumente, Freigaben) erneut einreihen oder beenden."

    def handle(self, *args, **options):
        outcome = recover_all()
        for label, (again, failed) in (
            ("Dokumente", outcome["documents"]),
            ("Freigaben", outcome["releases"]),
        ):
            self.stdout.write(f"{label}: {again} erneut eingereiht, {failed} als fehlgeschlagen")
