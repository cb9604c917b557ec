"""Issue 17: the numbers left the per-District row; they live in the Land's RequirementSet
(0008) and where a District had its own, in ``former_values`` (0009)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0009_requirement_set_2012"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="landrequirements",
            name="guideline",
        ),
        migrations.RemoveField(
            model_name="landrequirements",
            name="max_fte_administration",
        ),
        migrations.RemoveField(
            model_name="landrequirements",
            name="max_fte_assistance",
        ),
        migrations.RemoveField(
            model_name="landrequirements",
            name="max_fte_education",
        ),
        migrations.RemoveField(
            model_name="landrequirements",
            name="review_interval_years",
        ),
        migrations.RemoveField(
            model_name="landrequirements",
            name="teacher_fte_required",
        ),
        migrations.RemoveField(
            model_name="landrequirements",
            name="work_period_years",
        ),
    ]
