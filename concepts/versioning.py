"""Services for concept versions and their sections: Fortschreibung, lifecycle, frozen adoption.

The lifecycle follows what happens (seeds 003, 004): a draft goes into consultation
(in Abstimmung) and deliberation (in Beratung); the Kreistag adopts it on a date; a later
adoption supersedes it. Submission to the Land is its own dated event and may come before the
adoption (the draft went to the ministry first, the Kreistag decision followed).
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch

from .models import ConceptSection, ConceptVersion

Status = ConceptVersion.Status

FROZEN_MESSAGE = (
    "Diese Fassung ist beschlossen und kann nicht mehr geändert werden. "
    "Legen Sie eine Fortschreibung an."
)


def _ensure_editable(version: ConceptVersion) -> None:
    if version.is_adopted:
        raise ValidationError(FROZEN_MESSAGE, code="frozen")


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def measure_state(measure) -> dict:
    """What a version says about one measure; the same shape for live data and snapshots."""
    municipalities = [m.name for m in measure.municipalities.all()]
    return {
        "id": measure.pk,
        "title": measure.title,
        "focus_area": measure.focus_area.name,
        "field_of_action": measure.field_of_action.name if measure.field_of_action else "",
        "status": measure.get_status_display(),
        "goal": measure.goal,
        "effect": measure.effect,
        "target_groups": sorted(t.name for t in measure.target_groups.all()),
        "municipalities": sorted(municipalities) or ["kreisweit"],
        "start": measure.start.isoformat() if measure.start else None,
        "end": measure.end.isoformat() if measure.end else None,
        "indicators": [
            {
                "name": i.name,
                "unit": i.unit,
                "baseline": _number(i.baseline),
                "target": _number(i.target),
                "direction": i.get_direction_display(),
            }
            for i in measure.indicators.all()
        ],
    }


def _live_measures(version: ConceptVersion):
    # Measures point at concept versions, never the other way round (README "Aufbau"): their
    # models are reached through the reverse relations, not imported.
    indicator_model = ConceptVersion.measures.rel.related_model.indicators.rel.related_model
    return (
        version.measures.select_related("focus_area", "field_of_action")
        .prefetch_related(
            "municipalities",
            "target_groups",
            Prefetch("indicators", queryset=indicator_model.objects.order_by("name")),
        )
        .order_by("focus_area__order", "title")
    )


def version_contents(version: ConceptVersion) -> dict:
    """Measures, Handlungsfelder and priorities of a version: as adopted, or live for drafts."""
    if version.adopted_snapshot:
        return version.adopted_snapshot
    return {
        "measures": [measure_state(m) for m in _live_measures(version)],
        "fields_of_action": [f.name for f in version.fields_of_action.all()],
        "priorities": [
            {"title": p.title, "focus_area": p.focus_area.name, "period": p.work_period.label}
            for p in version.priorities.select_related("focus_area", "work_period").order_by(
                "work_period__start", "focus_area__order", "order", "title"
            )
        ],
    }


@transaction.atomic
def version_continue(*, version: ConceptVersion, title: str, user) -> ConceptVersion:
    """Fortschreibung anlegen: a new draft copying sections, Handlungsfelder, priorities and
    the measures (the same objects, so their indicators and measurements carry on)."""
    concept = version.concept
    number = (concept.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    new = ConceptVersion.objects.create(
        concept=concept,
        number=number,
        title=title,
        status=Status.DRAFT,
        deadline=None,
        based_on=version,
    )
    ConceptSection.objects.bulk_create(
        ConceptSection(version=new, order=s.order, title=s.title, body=s.body)
        for s in version.sections.all()
    )
    new.fields_of_action.set(version.fields_of_action.all())
    new.priorities.set(version.priorities.all())
    new.measures.set(version.measures.all())
    return new


@transaction.atomic
def version_update(*, version: ConceptVersion, title: str, deadline, user) -> ConceptVersion:
    """Title and deadline; allowed for drafts only."""
    _ensure_editable(version)
    version.title = title
    version.deadline = deadline
    version.save(update_fields=["title", "deadline", "modified"])
    return version


# Moves that are allowed before the adoption; adoption has its own service.
STATUS_MOVES = {
    Status.DRAFT: {Status.IN_CONSULTATION},
    Status.IN_CONSULTATION: {Status.DRAFT, Status.IN_DELIBERATION},
    Status.IN_DELIBERATION: {Status.IN_CONSULTATION, Status.DRAFT},
}


@transaction.atomic
def version_set_status(*, version: ConceptVersion, status: str, user) -> ConceptVersion:
    """Entwurf ⇄ in Abstimmung ⇄ in Beratung."""
    if status not in STATUS_MOVES.get(version.status, set()):
        raise ValidationError(
            f"Von „{version.get_status_display()}“ geht es nicht nach „{Status(status).label}“.",
            code="status",
        )
    version.status = status
    version.save(update_fields=["status", "modified"])
    return version


@transaction.atomic
def version_adopt(*, version: ConceptVersion, decided_on: datetime.date, user) -> ConceptVersion:
    """Record the Kreistag's decision: freeze what the version says about its measures and
    supersede the previously adopted version(s)."""
    _ensure_editable(version)
    version.adopted_snapshot = None  # compute from live data
    version.adopted_snapshot = version_contents(version)
    version.status = Status.ADOPTED
    version.decided_on = decided_on
    version.save(update_fields=["adopted_snapshot", "status", "decided_on", "modified"])
    version.concept.versions.filter(status=Status.ADOPTED).exclude(pk=version.pk).filter(
        decided_on__lte=decided_on
    ).update(status=Status.SUPERSEDED)
    return version


@transaction.atomic
def version_record_submission(
    *, version: ConceptVersion, submitted_on: datetime.date, user
) -> ConceptVersion:
    """Submission to the Land: its own event, allowed before or after the adoption."""
    version.submitted_on = submitted_on
    version.save(update_fields=["submitted_on", "modified"])
    return version


@transaction.atomic
def section_create(*, version: ConceptVersion, title: str, body: str, user) -> ConceptSection:
    _ensure_editable(version)
    order = (version.sections.aggregate(n=Max("order"))["n"] or 0) + 1
    return ConceptSection.objects.create(version=version, order=order, title=title, body=body)


@transaction.atomic
def section_update(*, section: ConceptSection, title: str, body: str, user) -> ConceptSection:
    """Save a section of a version that is not adopted yet; stale saves are refused before
    (``core.locking``)."""
    _ensure_editable(section.version)
    section.title = title
    section.body = body
    section.save()
    return section


@transaction.atomic
def section_delete(*, section: ConceptSection, user) -> None:
    _ensure_editable(section.version)
    section.delete()


@transaction.atomic
def section_move(*, section: ConceptSection, direction: int, user) -> None:
    """Swap a section with its neighbour above (-1) or below (+1)."""
    _ensure_editable(section.version)
    siblings = list(section.version.sections.order_by("order"))
    index = next(i for i, s in enumerate(siblings) if s.pk == section.pk)
    other_index = index + direction
    if not 0 <= other_index < len(siblings):
        return
    other = siblings[other_index]
    a, b = section.order, other.order
    # Through a free slot: (version, order) is unique.
    free = max(s.order for s in siblings) + 1
    ConceptSection.objects.filter(pk=section.pk).update(order=free)
    ConceptSection.objects.filter(pk=other.pk).update(order=a)
    ConceptSection.objects.filter(pk=section.pk).update(order=b)
