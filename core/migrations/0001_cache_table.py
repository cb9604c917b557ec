"""The table of the database cache, the production profile's default cache (issue 16).

Every gunicorn worker and every server of an installation shares it, so a draft PDF is
rendered once per content and the rate limits count across workers. ``migrate`` creates it,
so no deployment step (``createcachetable``) can be forgotten; it exists on every database,
whatever ``CACHE_URL`` says, so switching to it later needs nothing either.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "kreisintegration_cache"  # kreisintegration.settings.production.CACHE_TABLE


def create(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop, elidable=False)]
