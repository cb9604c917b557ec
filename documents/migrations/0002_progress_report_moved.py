"""The Sachstandsbericht now belongs to reports (issue 12): the link from a generated document
points there, and documents forgets the model. The table is untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="generateddocument",
                    name="progress_report",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="generated_documents",
                        to="reports.progressreport",
                        verbose_name="Sachstandsbericht",
                    ),
                ),
                migrations.DeleteModel(name="ProgressReport"),
            ],
            database_operations=[],
        ),
    ]
