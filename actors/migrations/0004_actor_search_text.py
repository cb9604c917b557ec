# Issue 16: the public directory searches a stored, folded text in SQL.

import unicodedata

from django.db import migrations, models
from django.db.models import Prefetch

# Frozen copy of core.text.fold as of this migration, so a later change there cannot alter it.
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _fold(text):
    return unicodedata.normalize("NFC", text or "").casefold().translate(_FOLD)


def fill_search_text(apps, schema_editor):
    """Existing actors get the text actors.search.search_text builds."""
    Actor = apps.get_model("actors", "Actor")
    Offer = apps.get_model("actors", "Offer")
    actors = list(
        Actor.objects.select_related("type", "municipality").prefetch_related(
            "fields_of_action",
            "target_groups",
            Prefetch("offers", queryset=Offer.objects.filter(is_published=True), to_attr="public"),
        )
    )
    for actor in actors:
        parts = [actor.name, actor.description, actor.address, actor.type.name]
        if actor.municipality:
            parts.append(actor.municipality.name)
        parts += [f.name for f in actor.fields_of_action.all()]
        parts += [g.name for g in actor.target_groups.all()]
        for offer in actor.public:
            parts += [offer.title, offer.description]
        actor.search_text = _fold(" ".join(parts))
    Actor.objects.bulk_update(actors, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("actors", "0003_actor_types"),
    ]

    operations = [
        migrations.AddField(
            model_name="actor",
            name="search_text",
            field=models.TextField(blank=True, editable=False, verbose_name="Suchtext"),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
