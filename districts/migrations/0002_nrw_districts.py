"""Load all 54 KI bodies of NRW with their official keys and the Land's default requirements."""

from django.db import migrations

from districts.reference import all_districts
from core.text import german_slugify


def load(apps, schema_editor):
    District = apps.get_model("districts", "District")
    LandRequirements = apps.get_model("districts", "LandRequirements")
    for key, name, kind in all_districts():
        district, _ = District.objects.get_or_create(
            official_key=key, defaults={"name": name, "kind": kind, "slug": german_slugify(name)}
        )
        LandRequirements.objects.get_or_create(district=district)


class Migration(migrations.Migration):
    dependencies = [("districts", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
