"""The Sachstandsbericht's content type follows the model from documents to reports."""

from django.db import migrations


def move_content_type(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    rows = content_type.objects.using(schema_editor.connection.alias)
    if not rows.filter(app_label="reports", model="progressreport").exists():
        rows.filter(app_label="documents", model="progressreport").update(app_label="reports")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0002_progress_report_moved"),
        ("reports", "0001_initial"),
    ]

    operations = [migrations.RunPython(move_content_type, migrations.RunPython.noop)]
