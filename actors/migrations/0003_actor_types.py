"""Actor types with the Kooperationsgebot's mandatory ones (seed 002)."""

from django.db import migrations

from actors.reference import ACTOR_TYPES


def load(apps, schema_editor):
    ActorType = apps.get_model("actors", "ActorType")
    for order, (code, name, mandatory) in enumerate(ACTOR_TYPES):
        ActorType.objects.update_or_create(
            code=code, defaults={"name": name, "is_mandatory": mandatory, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("actors", "0002_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
