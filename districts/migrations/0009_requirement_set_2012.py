"""Issue 17: the Land's 2012 set, for Kreise and kreisfreie Städte, from the sources the
per-District defaults named (seed 002 and the LaKI's page on the Förderrichtlinie 2012); and
the numbers a District had entered itself kept as ``former_values`` where they differ from it.

Our choice: a District's own numbers are no longer applied (the Land owns the requirements),
but they are not dropped either — its requirements page and the Land's list of sets show them.
The texts are frozen here as they stood when the migration was written.
"""

import datetime
from decimal import Decimal

from django.db import migrations

ECKPUNKTEPAPIER = (
    "Eckpunktepapier zur Umsetzung des Teilhabe- und Integrationsgesetzes: Konzept der "
    "Kommunalen Integrationszentren (Stand: 29.02.2012), „Personal“"
)
STAFFING_SOURCE = (
    f"{ECKPUNKTEPAPIER}: „auf 2 Vollzeitstellen jeweils mindestens 2 vom Land frei gestellte "
    "Lehrkräfte“; „bis zu 3,5 vom Land geförderten Stellen kommunalen Bedienstete (2 "
    "außerschulische pädagogische Fachkräfte, 1 Verwaltungsfachkraft, ½ Assistenzkraft)“"
)
REVIEW_SOURCE = (
    "Landesweite Koordinierungsstelle (LaKI), Seite „Rahmenbedingungen“ "
    "(kommunale-integrationszentren-nrw.de) zur Förderrichtlinie 2012 (MBl. NRW. 2012 Nr. 19): "
    "„ein vom Rat der Stadt bzw. Kreistag beschlossenes Integrationskonzept, das nicht älter "
    "als 3 Jahre sein sollte“"
)
PERIOD_SOURCE = (
    "Integrationskonzept eines Kreises (Beschluss des Kreistags vom 31.10.2012): "
    "Arbeitsschwerpunkte werden im Benehmen mit den örtlichen Partnern für zwei Jahre festgelegt"
)
SET_SOURCE = (
    f"{ECKPUNKTEPAPIER}; Förderrichtlinie 2012 (MBl. NRW. 2012 Nr. 19) nach der Seite "
    "„Rahmenbedingungen“ der Landesweiten Koordinierungsstelle; Dauer der Arbeitsperiode nach "
    "dem Integrationskonzept eines Kreises (Beschluss vom 31.10.2012). Gültig ab dem Stand des "
    "Eckpunktepapiers (29.02.2012); ein Ende nennt keine der Quellen."
)
VALUES = {
    "teacher_fte_required": Decimal("2.00"),
    "max_fte_education": Decimal("2.00"),
    "max_fte_administration": Decimal("1.00"),
    "max_fte_assistance": Decimal("0.50"),
    "review_interval_years": 3,
    "work_period_years": 2,
}
OLD_GUIDELINE = "Eckpunktepapier (TIntG 2012)"
# The start is the Eckpunktepapier's "Stand"; no source names another (our choice, issue 17).
VALID_FROM = datetime.date(2012, 2, 29)


def create_2012_set(apps, schema_editor):
    RequirementSet = apps.get_model("districts", "RequirementSet")
    LandRequirements = apps.get_model("districts", "LandRequirements")
    for variant in ("kreis", "kreisfreie_stadt"):
        if RequirementSet.objects.filter(variant=variant, valid_from=VALID_FROM).exists():
            continue
        RequirementSet.objects.create(
            name="Eckpunktepapier 2012",
            variant=variant,
            source=SET_SOURCE,
            valid_from=VALID_FROM,
            valid_until=None,
            staffing_source=STAFFING_SOURCE,
            review_interval_source=REVIEW_SOURCE,
            work_period_source=PERIOD_SOURCE,
            **VALUES,
        )
    for row in LandRequirements.objects.all():
        former = {
            name: str(getattr(row, name))
            for name, value in VALUES.items()
            if getattr(row, name) != value
        }
        if row.guideline and row.guideline != OLD_GUIDELINE:
            former["guideline"] = row.guideline
        if former:
            row.former_values = former
            row.save(update_fields=["former_values"])


def restore_former_values(apps, schema_editor):
    LandRequirements = apps.get_model("districts", "LandRequirements")
    for row in LandRequirements.objects.exclude(former_values={}):
        for name, value in row.former_values.items():
            setattr(row, name, value)
        row.save()


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0008_requirement_sets"),
    ]

    operations = [
        migrations.RunPython(create_2012_set, restore_former_values),
    ]
