"""Reads of the public directory: only what the District published, searchable in Python.

The directory of one District is small (dozens of actors), so the text search folds case and
umlauts in Python instead of relying on database collations (SQLite cannot casefold "Ä").
"""

import unicodedata

from django.db.models import Prefetch, Q, QuerySet

from actors.models import Actor, ContactPerson, Offer

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Case- and umlaut-insensitive form: "Straße", "STRASSE" and "strasse" compare equal."""
    return unicodedata.normalize("NFC", text or "").casefold().translate(_FOLD)


def published_actors(district) -> QuerySet[Actor]:
    """Published actors with only their published offers and consenting contact persons."""
    return (
        district.actors.filter(is_published=True)
        .select_related("municipality", "type")
        .prefetch_related(
            "fields_of_action",
            "target_groups",
            Prefetch(
                "offers",
                queryset=Offer.objects.filter(is_published=True)
                .prefetch_related("municipalities", "target_groups")
                .order_by("title"),
                to_attr="public_offers",
            ),
            Prefetch(
                "contacts",
                queryset=ContactPerson.objects.filter(consents_to_publication=True).order_by(
                    "name"
                ),
                to_attr="public_contacts",
            ),
        )
        .order_by("name")
    )


def filter_actors(actors: QuerySet[Actor], *, municipality=None, field=None, group=None):
    """Narrow by municipality (incl. kreisweit actors), Handlungsfeld and target group."""
    if municipality is not None:
        actors = actors.filter(
            Q(municipality=municipality)
            | Q(municipality__isnull=True)
            | Q(offers__is_published=True, offers__municipalities=municipality)
        )
    if field is not None:
        actors = actors.filter(fields_of_action=field)
    if group is not None:
        actors = actors.filter(
            Q(target_groups=group) | Q(offers__is_published=True, offers__target_groups=group)
        )
    return actors.distinct()


def search_text(actor: Actor) -> str:
    parts = [actor.name, actor.description, actor.address, actor.type.name]
    if actor.municipality:
        parts.append(actor.municipality.name)
    parts += [f.name for f in actor.fields_of_action.all()]
    parts += [g.name for g in actor.target_groups.all()]
    for offer in actor.public_offers:
        parts += [offer.title, offer.description]
    return fold(" ".join(parts))


def search(actors, query: str) -> list[Actor]:
    """Actors whose public texts contain every word of ``query`` (case and umlauts folded)."""
    words = fold(query).split()
    actors = list(actors)
    if not words:
        return actors
    found = []
    for actor in actors:
        text = search_text(actor)
        if all(word in text for word in words):
            found.append(actor)
    return found
