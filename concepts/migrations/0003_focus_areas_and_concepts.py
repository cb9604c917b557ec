"""The two mandatory Schwerpunkte (Eckpunktepapier, seed 002) and one concept per District."""

from django.db import migrations

FOCUS_AREAS = [
    (
        "bildung",
        "Integration durch Bildung",
        "Entlang der gesamten Bildungskette: frühe Bildung, Schule, Übergang Schule – Beruf "
        "bzw. Studium.",
        1,
    ),
    (
        "querschnitt",
        "Integration als kommunale Querschnittsaufgabe",
        "Interkulturelle Öffnung der Verwaltung, Koordinierung der Angebote kommunaler und "
        "freier Träger, Vernetzung der Akteure und des bürgerschaftlichen Engagements.",
        2,
    ),
]


def load(apps, schema_editor):
    FocusArea = apps.get_model("concepts", "FocusArea")
    Concept = apps.get_model("concepts", "Concept")
    District = apps.get_model("districts", "District")
    for code, name, description, order in FOCUS_AREAS:
        FocusArea.objects.update_or_create(
            code=code, defaults={"name": name, "description": description, "order": order}
        )
    for district in District.objects.all():
        Concept.objects.get_or_create(
            district=district, defaults={"title": f"Integrationskonzept {district.name}"}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("concepts", "0002_initial"),
        ("districts", "0002_nrw_districts"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
