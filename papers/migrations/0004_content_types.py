"""The app was called reporting until issue 12: its content types (and with them permissions and
admin log entries) move to the new label instead of being left behind as stale rows."""

from django.db import migrations


def rename_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    rows = content_type.objects.using(schema_editor.connection.alias)
    taken = set(rows.filter(app_label="papers").values_list("model", flat=True))
    rows.filter(app_label="reporting").exclude(model__in=taken).update(app_label="papers")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("papers", "0003_release_attachments"),
    ]

    operations = [migrations.RunPython(rename_content_types, migrations.RunPython.noop)]
