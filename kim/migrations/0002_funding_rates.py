"""The Land's KIM funding rates that a source gives (issue 19; DOMAIN.md, KIM).

Bezirksregierung Arnsberg, page on the Kommunales Integrationsmanagement: Baustein 1 funds
coordination posts with up to 57,000 € a year each and a 0.5 Verwaltungsassistenz with
22,500 € a year. Valid from the Richtlinie "Kommunales Integrationsmanagement NRW", Runderlass
of 12.12.2024, MBl. NRW. 2024 Nr. 43. The Case-Management posts (Baustein 2) and the posts in
the Ausländer- and Einbürgerungsbehörden (Baustein 3) get no row: no source at hand names an
amount, and the page says "nicht hinterlegt" rather than guess. Idempotent.
"""

import datetime
from decimal import Decimal

from django.db import migrations

RICHTLINIE = (
    "Richtlinie „Kommunales Integrationsmanagement NRW“, Runderlass vom 12.12.2024, "
    "MBl. NRW. 2024 Nr. 43; Betrag: Bezirksregierung Arnsberg, Seite zum Kommunalen "
    "Integrationsmanagement"
)
RATES = [
    (
        "koordination",
        Decimal("57000"),
        f"{RICHTLINIE}: „bis zu 57.000 € pro Jahr“ je Koordinationsstelle (Baustein 1).",
    ),
    (
        "assistenz",
        Decimal("45000"),
        f"{RICHTLINIE}: 22.500 € im Jahr für eine 0,5-Stelle Verwaltungsassistenz (Baustein 1), "
        "hier je VZÄ angegeben.",
    ),
]


def load(apps, schema_editor):
    FundingRate = apps.get_model("kim", "FundingRate")
    for kind, amount, source in RATES:
        FundingRate.objects.get_or_create(
            kind=kind,
            valid_from=datetime.date(2024, 12, 12),
            defaults={"amount": amount, "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("kim", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
