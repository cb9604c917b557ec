"""The folded search text of actors (issue 16: the public directory searches in SQL).

``Actor.search_text`` holds :func:`core.text.fold` of everything the directory lets a visitor
search: the actor's name, description, address, type and municipality, its Handlungsfelder and
Zielgruppen, and the titles and descriptions of its published offers. A search word matches when
it is contained in that text (``search_text__contains``); both sides are folded, so SQLite and
PostgreSQL answer alike.
"""

from django.db.models import Prefetch, QuerySet

from core.text import fold

from .models import Actor, Offer

REFRESH_BATCH = 500


def search_text(actor: Actor) -> str:
    """The folded text of ``actor``; expects ``public_offers`` and the m2m prefetched."""
    parts = [actor.name, actor.description, actor.address, actor.type.name]
    if actor.municipality:
        parts.append(actor.municipality.name)
    parts += [f.name for f in actor.fields_of_action.all()]
    parts += [g.name for g in actor.target_groups.all()]
    for offer in actor.public_offers:
        parts += [offer.title, offer.description]
    return fold(" ".join(parts))


def refresh_search_texts(actors: QuerySet[Actor]) -> int:
    """Recompute ``search_text`` of ``actors``; returns how many changed.

    A few queries per 500 actors, whatever their offers; written with ``bulk_update``, so no
    history row, no ``modified`` bump and no signal (the receivers call this).
    """
    rows = (
        actors.select_related("type", "municipality")
        .prefetch_related(
            "fields_of_action",
            "target_groups",
            Prefetch(
                "offers",
                queryset=Offer.objects.filter(is_published=True).only(
                    "actor", "title", "description"
                ),
                to_attr="public_offers",
            ),
        )
        .order_by("pk")
    )
    changed = []
    count = 0
    for actor in rows.iterator(chunk_size=REFRESH_BATCH):
        text = search_text(actor)
        if text != actor.search_text:
            actor.search_text = text
            changed.append(actor)
        if len(changed) >= REFRESH_BATCH:
            Actor.objects.bulk_update(changed, ["search_text"])
            count += len(changed)
            changed = []
    if changed:
        Actor.objects.bulk_update(changed, ["search_text"])
        count += len(changed)
    return count


def search(actors: QuerySet[Actor], query: str) -> QuerySet[Actor]:
    """``actors`` whose public texts contain every word of ``query`` (case and umlauts folded)."""
    for word in fold(query).split():
        actors = actors.filter(search_text__contains=word)
    return actors
