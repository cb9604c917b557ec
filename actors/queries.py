"""Reads about actors that several pages share (actor list, compliance checklist)."""

from django.db.models import Count, Q, QuerySet

from .models import ActorType


def mandatory_types(district) -> QuerySet[ActorType]:
    """The Kooperationsgebot's mandatory actor types, each annotated with ``actor_count``: how
    many actors of ``district`` are of that type.

    Eckpunktepapier (seed 002): the applicant "beteiligt von Anfang an die untere Schulaufsicht,
    die örtliche Schulverwaltung, die Jugendhilfe, die Wohlfahrtsverbände, den
    Integrationsrat/Integrationsausschuss" and cooperates with the Land-funded integration
    structures and Migrantenselbstorganisationen. Which types are mandatory is data
    (``ActorType.is_mandatory``), not code.
    """
    return ActorType.objects.filter(is_mandatory=True).annotate(
        actor_count=Count("actors", filter=Q(actors__district=district))
    )


def missing_mandatory_types(district) -> QuerySet[ActorType]:
    """Mandatory actor types (Kooperationsgebot) that no actor of ``district`` has yet."""
    return mandatory_types(district).filter(actor_count=0)


def mandatory_type_coverage(district) -> tuple[list[ActorType], list[ActorType]]:
    """``(present, missing)`` mandatory actor types of ``district``, in one query."""
    present, missing = [], []
    for actor_type in mandatory_types(district):
        (present if actor_type.actor_count else missing).append(actor_type)
    return present, missing
