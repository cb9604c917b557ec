"""``manage.py load_demo``: demo content for three Kreise and the demo users (``make run``)."""

import time

from django.core.management.base import BaseCommand

from accounts.models import User
from demo.loader import DEMO_PASSWORD, LoadStats, demo_districts, load_demo
from measures.models import Indicator, Measure, Measurement


class Command(BaseCommand):
    help = (
        "Lädt die Demodaten (Märkischer Kreis, Kreis Mettmann, Rhein-Erft-Kreis) mit "
        "Konzeptfassungen, Arbeitsperioden, Akteuren, Gremien, Maßnahmen, Kennzahlen und "
        f"Vorlagen sowie die Demo-Zugänge (Passwort „{DEMO_PASSWORD}“). Kann beliebig oft "
        "laufen: Vorhandenes wird nur geändert, wenn die Demodaten davon abweichen."
    )

    def handle(self, *args, **options):
        began = time.monotonic()
        stats = LoadStats()
        load_demo(stats)
        districts = demo_districts()
        measures = Measure.objects.filter(district__in=districts)
        summary = (
            f"Demodaten: {districts.count()} Kreise "
            f"({', '.join(d.name for d in districts)}), "
            f"{sum(d.municipalities.count() for d in districts)} Kommunen, "
            f"{measures.count()} Maßnahmen, "
            f"{Indicator.objects.filter(measure__in=measures).count()} Kennzahlen, "
            f"{Measurement.objects.filter(indicator__measure__in=measures).count()} Messwerte, "
            f"{User.objects.count()} Benutzer/innen (Passwort „{DEMO_PASSWORD}“)."
        )
        self.stdout.write(summary)
        created = sum(stats.created.values())
        updated = sum(stats.updated.values())
        seconds = time.monotonic() - began
        if stats.changes:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{created} Objekte neu angelegt, {updated} geändert ({seconds:.1f} s)."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(f"Alles aktuell, nichts geändert ({seconds:.1f} s).")
            )
        if options["verbosity"] > 1:
            for label, count in sorted(stats.created.items()):
                self.stdout.write(f"  neu – {label}: {count}")
            for label, count in sorted(stats.updated.items()):
                self.stdout.write(f"  geändert – {label}: {count}")
