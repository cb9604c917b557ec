"""Issue 14: each default of the Land's requirements names its source; a staff post records its
employer and its funding source as two facts.

Data decisions:
- review_interval_years: the old default 5 had no source; the LaKI's page on the
  Förderrichtlinie 2012 says "nicht älter als 3 Jahre". Rows still holding 5 carry the unsourced
  default (nobody can tell a deliberate 5 from it) and become 3; every other value was entered by
  the KI and is kept.
- StaffPost: the single field ``funding`` ("land" = Land, abgeordnete Lehrkraft; "kreis" =
  Kreis / kreisfreie Stadt) named the employer. It becomes ``employer`` with the same value. The
  funding source of every existing post is "vom Land gefördert": the staffing plan listed the
  KI's posts that the Eckpunktepapier describes – the seconded teachers and the "bis zu 3,5 vom
  Land geförderten Stellen" – and every one of them counted against the Land's caps until now,
  so the checklist gives the same answer as before the migration.
"""

import django.core.validators
from decimal import Decimal
from django.db import migrations, models

OLD_UNSOURCED_REVIEW_INTERVAL = 5
REVIEW_INTERVAL = 3


def forwards(apps, schema_editor):
    StaffPost = apps.get_model("districts", "StaffPost")
    for post in StaffPost.objects.all():
        post.employer = "land" if post.funding == "land" else "kreis"
        post.funding = "land"
        post.save(update_fields=["employer", "funding"])
    LandRequirements = apps.get_model("districts", "LandRequirements")
    LandRequirements.objects.filter(review_interval_years=OLD_UNSOURCED_REVIEW_INTERVAL).update(
        review_interval_years=REVIEW_INTERVAL
    )


def backwards(apps, schema_editor):
    # The old single field named the employer; own-funded posts become "kreis" again.
    StaffPost = apps.get_model("districts", "StaffPost")
    for post in StaffPost.objects.all():
        post.funding = "land" if post.employer == "land" else "kreis"
        post.save(update_fields=["funding"])


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0006_land_requirements_help_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="staffpost",
            name="employer",
            field=models.CharField(
                choices=[
                    ("land", "Land NRW (abgeordnete Lehrkraft)"),
                    ("kreis", "Kreis / kreisfreie Stadt"),
                    ("andere", "anderer Arbeitgeber"),
                ],
                default="kreis",
                max_length=6,
                verbose_name="Arbeitgeber",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="staffpost",
            name="employer_name",
            field=models.CharField(
                blank=True,
                help_text="freiwillig, z. B. bei einem anderen Arbeitgeber",
                max_length=120,
                verbose_name="Arbeitgeber (Name)",
            ),
        ),
        migrations.AlterField(
            model_name="landrequirements",
            name="max_fte_administration",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("1.00"),
                help_text="Vorgabe: 1 VZÄ – Eckpunktepapier zur Umsetzung des Teilhabe- und Integrationsgesetzes: Konzept der Kommunalen Integrationszentren (Stand: 29.02.2012), „Personal“: „bis zu 3,5 vom Land geförderten Stellen kommunalen Bedienstete (2 außerschulische pädagogische Fachkräfte, 1 Verwaltungsfachkraft, ½ Assistenzkraft)“",
                max_digits=4,
                validators=[django.core.validators.MinValueValidator(0)],
                verbose_name="höchstens Stellen Verwaltungsfachkraft (VZÄ)",
            ),
        ),
        migrations.AlterField(
            model_name="landrequirements",
            name="max_fte_assistance",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("0.50"),
                help_text="Vorgabe: 0,5 VZÄ – Eckpunktepapier zur Umsetzung des Teilhabe- und Integrationsgesetzes: Konzept der Kommunalen Integrationszentren (Stand: 29.02.2012), „Personal“: „bis zu 3,5 vom Land geförderten Stellen kommunalen Bedienstete (2 außerschulische pädagogische Fachkräfte, 1 Verwaltungsfachkraft, ½ Assistenzkraft)“",
                max_digits=4,
                validators=[django.core.validators.MinValueValidator(0)],
                verbose_name="höchstens Stellen Assistenzkraft (VZÄ)",
            ),
        ),
        migrations.AlterField(
            model_name="landrequirements",
            name="max_fte_education",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("2.00"),
                help_text="Vorgabe: 2 VZÄ – Eckpunktepapier zur Umsetzung des Teilhabe- und Integrationsgesetzes: Konzept der Kommunalen Integrationszentren (Stand: 29.02.2012), „Personal“: „bis zu 3,5 vom Land geförderten Stellen kommunalen Bedienstete (2 außerschulische pädagogische Fachkräfte, 1 Verwaltungsfachkraft, ½ Assistenzkraft)“",
                max_digits=4,
                validators=[django.core.validators.MinValueValidator(0)],
                verbose_name="höchstens Stellen pädagogische Fachkräfte (VZÄ)",
            ),
        ),
        migrations.AlterField(
            model_name="landrequirements",
            name="review_interval_years",
            field=models.PositiveSmallIntegerField(
                default=3,
                help_text="Vorgabe: 3 Jahre – Landesweite Koordinierungsstelle (LaKI), Seite „Rahmenbedingungen“ (kommunale-integrationszentren-nrw.de) zur Förderrichtlinie 2012 (MBl. NRW. 2012 Nr. 19): „ein vom Rat der Stadt bzw. Kreistag beschlossenes Integrationskonzept, das nicht älter als 3 Jahre sein sollte“",
                verbose_name="Konzept höchstens so viele Jahre alt",
            ),
        ),
        migrations.AlterField(
            model_name="landrequirements",
            name="submission_deadline",
            field=models.DateField(
                blank=True,
                help_text="Keine Vorgabe: einzutragen, wenn das Land eine Frist setzt.",
                null=True,
                verbose_name="Frist für die Vorlage beim Land",
            ),
        ),
        migrations.AlterField(
            model_name="landrequirements",
            name="teacher_fte_required",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal("2.00"),
                help_text="Vorgabe: 2 VZÄ – Eckpunktepapier zur Umsetzung des Teilhabe- und Integrationsgesetzes: Konzept der Kommunalen Integrationszentren (Stand: 29.02.2012), „Personal“: „auf 2 Vollzeitstellen jeweils mindestens 2 vom Land frei gestellte Lehrkräfte“",
                max_digits=4,
                validators=[django.core.validators.MinValueValidator(0)],
                verbose_name="geforderte Stellen Lehrkräfte (VZÄ)",
            ),
        ),
        migrations.AlterField(
            model_name="landrequirements",
            name="work_period_years",
            field=models.PositiveSmallIntegerField(
                default=2,
                help_text="Vorgabe: 2 Jahre – Integrationskonzept eines Kreises (Beschluss des Kreistags vom 31.10.2012): Arbeitsschwerpunkte werden im Benehmen mit den örtlichen Partnern für zwei Jahre festgelegt",
                verbose_name="Dauer einer Arbeitsperiode (Jahre)",
            ),
        ),
        migrations.AlterField(
            model_name="staffpost",
            name="funding",
            field=models.CharField(
                choices=[
                    ("land", "vom Land gefördert"),
                    ("eigen", "Eigenmittel"),
                    ("programm", "anderes Förderprogramm"),
                ],
                help_text="Nur vom Land geförderte Stellen zählen für die Vorgaben des Landes.",
                max_length=8,
                verbose_name="Finanzierung",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
