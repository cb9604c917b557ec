"""Reads of the public directory: only what the District published, searched and paged in SQL.

Issue 16: the directory's cost must not grow with the District. The text search compares folded
words (case and umlauts, ``core.text.fold``) with the stored ``Actor.search_text``, and only the
shown page of actors is fetched with its offers and Handlungsfelder.
"""

from django.db.models import Prefetch, Q, QuerySet

from actors import search as actor_search
from actors.models import Actor, ContactPerson, Offer
from core.text import fold

__all__ = ["fold", "published_actors", "listed_actors", "filter_actors", "search"]


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


def listed_actors(district) -> QuerySet[Actor]:
    """Published actors with what the directory list shows: type, municipality, Handlungsfelder
    and the titles of the published offers (no contacts, no offer links)."""
    return (
        district.actors.filter(is_published=True)
        .select_related("municipality", "type")
        .prefetch_related(
            "fields_of_action",
            Prefetch(
                "offers",
                queryset=Offer.objects.filter(is_published=True).order_by("title"),
                to_attr="public_offers",
            ),
        )
        .order_by("name")
    )


def filter_actors(actors: QuerySet[Actor], *, municipality=None, field=None, group=None):
    """Narrow by municipality (incl. kreisweit actors), Handlungsfeld and target group."""
    if municipality is None and field is None and group is None:
        return actors  # no join, no duplicates: DISTINCT would only cost a sort
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


def search(actors: QuerySet[Actor], query: str) -> QuerySet[Actor]:
    """Actors whose public texts contain every word of ``query`` (case and umlauts folded)."""
    return actor_search.search(actors, query)
