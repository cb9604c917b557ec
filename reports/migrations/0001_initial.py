"""The Sachstandsbericht moves here from documents (issue 12). Its table stays
documents_progressreport: only Django's picture of the models changes, no data moves."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("districts", "0002_nrw_districts"),
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ProgressReport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created",
                            models.DateTimeField(auto_now_add=True, verbose_name="angelegt"),
                        ),
                        ("modified", models.DateTimeField(auto_now=True, verbose_name="geändert")),
                        ("title", models.CharField(max_length=200, verbose_name="Titel")),
                        ("period_start", models.DateField(verbose_name="Berichtszeitraum von")),
                        ("period_end", models.DateField(verbose_name="Berichtszeitraum bis")),
                        ("introduction", models.TextField(blank=True, verbose_name="Einleitung")),
                        (
                            "remarks",
                            models.TextField(blank=True, verbose_name="Anmerkungen und Ausblick"),
                        ),
                        ("lock_version", models.PositiveIntegerField(default=0, editable=False)),
                        (
                            "district",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="progress_reports",
                                to="districts.district",
                                verbose_name="Kreis",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "documents_progressreport",
                        "verbose_name": "Sachstandsbericht",
                        "verbose_name_plural": "Sachstandsberichte",
                        "ordering": ["-period_end", "title"],
                    },
                ),
                migrations.AddConstraint(
                    model_name="progressreport",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("period_end__gte", models.F("period_start"))),
                        name="progressreport_period_in_order",
                        violation_error_message="Das Ende des Berichtszeitraums liegt vor seinem Beginn.",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
