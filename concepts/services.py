"""Writes of the concept: versions and their sections, work periods, Arbeitsschwerpunkte,
Handlungsfelder and target groups. Each takes the District first and refuses another
District's object (``core.models.check_district``).

The lifecycle of a version follows what happens (seeds 003, 004): a draft goes into
consultation (in Abstimmung) and deliberation (in Beratung); the Kreistag adopts it on a date; a
later adoption supersedes it. Submission to the Land is its own dated event and may come before
the adoption (the draft went to the ministry first, the Kreistag decision followed).
"""

import datetime
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from accounts.models import User
from core.models import check_district
from districts.models import District

from .models import (
    ConceptSection,
    ConceptVersion,
    FieldOfAction,
    TargetGroup,
    WorkPeriod,
    WorkPriority,
)
from .rendering import check_images, upload_prefix
from .versioning import version_contents

Status = ConceptVersion.Status

FROZEN_MESSAGE = (
    "Diese Fassung ist beschlossen und kann nicht mehr geändert werden. "
    "Legen Sie eine Fortschreibung an."
)


def ensure_editable(version: ConceptVersion) -> None:
    """ValidationError (German) if ``version`` is adopted: it stays as the Kreistag decided."""
    if version.is_adopted:
        raise ValidationError(FROZEN_MESSAGE, code="frozen")


# --- Work periods ---------------------------------------------------------------------------


def _place_period(period: WorkPeriod, *, kind: str, start_year: int, years: int) -> WorkPeriod:
    period.kind = kind
    period.start, period.end = WorkPeriod.span(kind, start_year, years)
    # The model's clean() holds the rules (seed 000: two years; no overlap); it raises German
    # messages with the codes "not_two_years" and "overlap" before anything is written.
    period.full_clean()
    period.save()
    return period


def work_period_create(
    *, district: District, kind: str, start_year: int, years: int, user: User
) -> WorkPeriod:
    """Create a work period of ``years`` years from ``start_year``; ValidationError if it breaks
    the Land's length or overlaps another period of the District."""
    with transaction.atomic():
        return _place_period(
            WorkPeriod(district=district), kind=kind, start_year=start_year, years=years
        )


def work_period_update(
    *, district: District, period: WorkPeriod, kind: str, start_year: int, years: int, user: User
) -> WorkPeriod:
    """Move or change a work period; same rules as ``work_period_create``."""
    check_district(district, period)
    with transaction.atomic():
        return _place_period(period, kind=kind, start_year=start_year, years=years)


def work_period_delete_blockers(period: WorkPeriod) -> list[str]:
    """Why the period cannot be deleted (German), or an empty list."""
    blockers = []
    priorities = period.priorities.count()
    if priorities:
        blockers.append(
            f"{priorities} Arbeitsschwerpunkt{'e' if priorities != 1 else ''} "
            f"{'sind' if priorities != 1 else 'ist'} ihr zugeordnet"
        )
    rounds = period.priority_rounds.count()
    if rounds:
        blockers.append(
            f"{rounds} Abstimmungsrunde{'n' if rounds != 1 else ''} "
            f"{'beziehen' if rounds != 1 else 'bezieht'} sich auf sie"
        )
    return blockers


def work_period_delete(*, district: District, period: WorkPeriod, user: User) -> None:
    """Delete a period nothing refers to; ValidationError (German) while priorities or rounds do.

    Priorities belong to their period (the actors commit to them for those years, seed 000), so
    a period is never deleted together with them by accident.
    """
    check_district(district, period)
    with transaction.atomic():
        blockers = work_period_delete_blockers(period)
        if blockers:
            raise ValidationError(
                f"Die Arbeitsperiode {period.label} kann nicht gelöscht werden: "
                + " und ".join(blockers)
                + ".",
                code="in_use",
            )
        period.delete()


# --- Arbeitsschwerpunkte --------------------------------------------------------------------


def work_priority_create(
    *, district: District, period: WorkPeriod, data: dict, user: User
) -> WorkPriority:
    """Fix a new Arbeitsschwerpunkt for ``period`` from the form's cleaned data."""
    check_district(district, period)
    with transaction.atomic():
        priority = WorkPriority(work_period=period, **data)
        priority.full_clean()
        priority.save()
        return priority


def work_priority_update(
    *, district: District, priority: WorkPriority, data: dict, user: User
) -> WorkPriority:
    """Change an Arbeitsschwerpunkt from the form's cleaned data."""
    check_district(district, priority)
    with transaction.atomic():
        for name, value in data.items():
            setattr(priority, name, value)
        priority.full_clean()
        priority.save()
        return priority


def work_priority_delete(*, district: District, priority: WorkPriority, user: User) -> None:
    """Delete an Arbeitsschwerpunkt; measures serving it lose only that link."""
    check_district(district, priority)
    with transaction.atomic():
        priority.delete()


# --- Handlungsfelder and target groups ------------------------------------------------------


def field_of_action_save(
    *, district: District, data: dict, user: User, field: FieldOfAction | None = None
) -> FieldOfAction:
    """Create (``field`` None) or change a Handlungsfeld of ``district``."""
    if field is not None:
        check_district(district, field)
    with transaction.atomic():
        field = field or FieldOfAction(district=district)
        for name, value in data.items():
            setattr(field, name, value)
        field.full_clean()
        field.save()
        return field


def field_of_action_delete(*, district: District, field: FieldOfAction, user: User) -> None:
    """Delete a Handlungsfeld; ValidationError (German) while measures still belong to it."""
    check_district(district, field)
    with transaction.atomic():
        count = field.measures.count()
        if count:
            raise ValidationError(
                f"Das Handlungsfeld „{field.name}“ kann nicht gelöscht werden, weil ihm noch "
                f"{count} Maßnahme{'n' if count != 1 else ''} zugeordnet "
                f"{'sind' if count != 1 else 'ist'}.",
                code="in_use",
            )
        field.delete()


def target_group_save(
    *, district: District, data: dict, user: User, group: TargetGroup | None = None
) -> TargetGroup:
    """Create (``group`` None) or change a target group of ``district``."""
    if group is not None:
        check_district(district, group)
    with transaction.atomic():
        group = group or TargetGroup(district=district)
        for name, value in data.items():
            setattr(group, name, value)
        group.full_clean()
        group.save()
        return group


def target_group_delete(*, district: District, group: TargetGroup, user: User) -> None:
    """Delete a target group; measures, actors and offers only lose the link."""
    check_district(district, group)
    with transaction.atomic():
        group.delete()


# --- Versions and sections ------------------------------------------------------------------


# The sections a concept of the seeds has: the Märkischer Kreis concept (seed 000: Grundsätzliche
# Überlegungen, Abstimmung und Zusammenarbeit, Arbeitsschwerpunkte, Aufgaben und Arbeitsweisen,
# Evaluation und Berichtswesen) and the Eckpunktepapier (seed 002: both Schwerpunkte, Controlling),
# named as issue 13 lists them. Each body says what belongs there; the KI replaces it.
SECTION_OUTLINE: tuple[tuple[str, str], ...] = (
    ("Ausgangslage", "Bevölkerung, Zuwanderung und Lage in den Kommunen des Kreises."),
    ("Leitlinien", "Grundsätzliche Überlegungen: Integration als Querschnittsaufgabe."),
    (
        "Schwerpunkte",
        "Die beiden Schwerpunkte des Landes: Integration durch Bildung und Integration als "
        "Querschnittsaufgabe, mit den Arbeitsschwerpunkten der Arbeitsperiode.",
    ),
    ("Handlungsfelder", "Die Handlungsfelder des Kreises und warum gerade diese."),
    ("Maßnahmen", "Die Maßnahmen mit Zielen, Zielgruppen und Kennzahlen."),
    (
        "Steuerung und Beteiligung",
        "Abstimmung und Zusammenarbeit mit den Kommunen, Gremien und Trägern.",
    ),
    ("Controlling", "Evaluation und Berichtswesen: wie und wann der Stand berichtet wird."),
)


@transaction.atomic
def version_create(*, district: District, title: str, structured: bool, user) -> ConceptVersion:
    """A new draft of the District's concept: empty, or with the sections of ``SECTION_OUTLINE``.

    A copy of an earlier version is ``version_continue`` (Fortschreibung).
    """
    concept = district.concept
    number = (concept.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ConceptVersion.objects.create(
        concept=concept, number=number, title=title, status=Status.DRAFT
    )
    if structured:
        ConceptSection.objects.bulk_create(
            ConceptSection(version=version, order=order, title=heading, body=body)
            for order, (heading, body) in enumerate(SECTION_OUTLINE, start=1)
        )
    # Issue 13: a new Fassung holds the District's current Handlungsfelder, Arbeitsschwerpunkte
    # and measures until the KI chooses otherwise on its page.
    version_set_contents(
        district=district, version=version, user=user, **version_defaults(district=district)
    )
    return version


@transaction.atomic
def version_continue(
    *, district: District, version: ConceptVersion, title: str, user
) -> ConceptVersion:
    """Fortschreibung anlegen: a new draft copying sections, Handlungsfelder, priorities and
    the measures (the same objects, so their indicators and measurements carry on)."""
    check_district(district, version)
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


def version_defaults(*, district: District, today: datetime.date | None = None) -> dict:
    """What a new Fassung made in the app holds at first: the District's current ones.

    All its Handlungsfelder, the Arbeitsschwerpunkte of the work period running ``today`` (seed
    000: they are annexed to the concept) and its measures that are not archived. A
    Fortschreibung (``version_continue``) copies its base version's choice instead. Returns the
    keyword arguments of ``version_set_contents``; whoever creates a version calls both.
    """
    today = today or timezone.localdate()
    period = district.work_periods.filter(start__lte=today, end__gte=today).first()
    return {
        "fields_of_action": list(district.fields_of_action.all()),
        "priorities": list(period.priorities.all()) if period is not None else [],
        "measures": list(district.measures.filter(is_archived=False)),
    }


def _owned(district: District, queryset, items) -> list:
    """``items`` if every one of them is in ``queryset`` (the District's), else PermissionDenied."""
    items = list(items)
    wanted = {item.pk for item in items}
    if len(queryset.filter(pk__in=wanted)) != len(wanted):
        raise PermissionDenied("Das Objekt gehört zu einem anderen Kreis.")
    return items


@transaction.atomic
def version_set_contents(
    *,
    district: District,
    version: ConceptVersion,
    fields_of_action,
    priorities,
    measures,
    user,
) -> ConceptVersion:
    """Choose the Handlungsfelder, Arbeitsschwerpunkte and measures a Fassung holds; drafts only
    (an adopted Fassung keeps what the Kreistag decided). Another District's object is refused.

    Measures are linked through their own relation to the versions (measures point at concepts,
    README "Aufbau"), reached here as ``version.measures``.
    """
    check_district(district, version)
    ensure_editable(version)
    version.fields_of_action.set(_owned(district, district.fields_of_action, fields_of_action))
    version.priorities.set(
        _owned(district, WorkPriority.objects.for_district(district), priorities)
    )
    version.measures.set(_owned(district, district.measures, measures))
    version.save(update_fields=["modified"])
    return version


@transaction.atomic
def version_update(
    *, district: District, version: ConceptVersion, title: str, deadline, user
) -> ConceptVersion:
    """Title and deadline; allowed for drafts only."""
    check_district(district, version)
    ensure_editable(version)
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
def version_set_status(
    *, district: District, version: ConceptVersion, status: str, user
) -> ConceptVersion:
    """Entwurf ⇄ in Abstimmung ⇄ in Beratung."""
    check_district(district, version)
    if status not in STATUS_MOVES.get(version.status, set()):
        raise ValidationError(
            f"Von „{version.get_status_display()}“ geht es nicht nach „{Status(status).label}“.",
            code="status",
        )
    version.status = status
    version.save(update_fields=["status", "modified"])
    return version


@transaction.atomic
def version_adopt(
    *,
    district: District,
    version: ConceptVersion,
    decided_on: datetime.date,
    user,
    without_paper: bool = False,
    body: str = "",
    note: str = "",
) -> ConceptVersion:
    """Record the Kreistag's decision: freeze what the version says about its measures and
    supersede the previously adopted version(s).

    The caller checks that the decision was taken (papers: the deciding step's result; or a
    historic decision recorded ``without_paper``, with the ``body`` that decided and a ``note``,
    issue 14).
    """
    check_district(district, version)
    ensure_editable(version)
    version.adopted_snapshot = None  # compute from live data
    version.adopted_snapshot = version_contents(version)
    version.status = Status.ADOPTED
    version.decided_on = decided_on
    version.decision_recorded_without_paper = without_paper
    version.decision_body = body
    version.decision_note = note
    version.save(
        update_fields=[
            "adopted_snapshot",
            "status",
            "decided_on",
            "decision_recorded_without_paper",
            "decision_body",
            "decision_note",
            "modified",
        ]
    )
    # The adopted version with the latest decision is in force; the others are abgelöst (a
    # historic decision recorded later may be older than the one in force).
    _restore_in_force(version.concept)
    version.refresh_from_db(fields=["status"])
    return version


def _restore_in_force(concept) -> None:
    """After a decision was withdrawn or moved: the adopted version with the latest decision is
    in force (beschlossen), every other adopted one is abgelöst — what ``version_adopt`` would
    have left had the decisions been recorded right the first time."""
    adopted = list(
        concept.versions.filter(status__in=[Status.ADOPTED, Status.SUPERSEDED]).order_by(
            "-decided_on", "-number"
        )
    )
    for index, other in enumerate(adopted):
        wanted = Status.ADOPTED if index == 0 else Status.SUPERSEDED
        if other.status != wanted:
            concept.versions.filter(pk=other.pk).update(status=wanted)


@transaction.atomic
def version_unadopt(*, district: District, version: ConceptVersion, user) -> ConceptVersion:
    """Undo ``version_adopt`` because the decision is corrected away (papers, issue 14): the
    version goes back to "in Beratung" without its decision date and frozen contents, and the
    version it had superseded is in force again."""
    check_district(district, version)
    version = ConceptVersion.objects.select_for_update().get(pk=version.pk)
    if not version.is_adopted:
        return version
    version.status = Status.IN_DELIBERATION
    version.decided_on = None
    version.adopted_snapshot = None
    version.decision_recorded_without_paper = False
    version.decision_body = ""
    version.decision_note = ""
    version.save(
        update_fields=[
            "status",
            "decided_on",
            "adopted_snapshot",
            "decision_recorded_without_paper",
            "decision_body",
            "decision_note",
            "modified",
        ]
    )
    _restore_in_force(version.concept)
    return version


@transaction.atomic
def version_redate(
    *, district: District, version: ConceptVersion, decided_on: datetime.date, user
) -> ConceptVersion:
    """The decision adopting ``version`` is corrected to another date (papers, issue 14); which
    adopted version is in force follows the dates."""
    check_district(district, version)
    if not version.is_adopted:
        raise ValidationError("Diese Fassung ist nicht beschlossen.", code="not_adopted")
    version.decided_on = decided_on
    version.save(update_fields=["decided_on", "modified"])
    _restore_in_force(version.concept)
    version.refresh_from_db()
    return version


@transaction.atomic
def version_mark_presented(
    *, district: District, version: ConceptVersion, on: datetime.date, public: bool
) -> ConceptVersion:
    """A released Vorlage put ``version`` before the Kreistag on ``on``; ``public`` says whether
    a Vorlage presenting it is öffentlich in its latest release (the caller, papers, knows).

    The first date stays; ``public`` is taken as given, so a Vorlage released again as
    nichtöffentlich withdraws the draft from those who read öffentlich papers only.
    """
    check_district(district, version)
    version.refresh_from_db(fields=["presented_to_council_on"])
    if version.presented_to_council_on is None or on < version.presented_to_council_on:
        version.presented_to_council_on = on
    version.presented_publicly = public
    # Not "modified": a release is no edit of the version (no false edit conflict for whoever
    # edits it meanwhile, and the concept PDF just attached stays current).
    version.save(update_fields=["presented_to_council_on", "presented_publicly"])
    return version


@transaction.atomic
def version_record_submission(
    *, district: District, version: ConceptVersion, submitted_on: datetime.date, user
) -> ConceptVersion:
    """Submission to the Land: its own event, allowed before or after the adoption."""
    check_district(district, version)
    version.submitted_on = submitted_on
    version.save(update_fields=["submitted_on", "modified"])
    return version


@transaction.atomic
def section_create(
    *, district: District, version: ConceptVersion, title: str, body: str, user
) -> ConceptSection:
    """A new section at the end of a draft version."""
    check_district(district, version)
    ensure_editable(version)
    _check_body_images(body, district)
    order = (version.sections.aggregate(n=Max("order"))["n"] or 0) + 1
    return ConceptSection.objects.create(version=version, order=order, title=title, body=body)


@transaction.atomic
def section_update(
    *, district: District, section: ConceptSection, title: str, body: str, user
) -> ConceptSection:
    """Save a section of a version that is not adopted yet; stale saves are refused before
    (``core.locking``)."""
    check_district(district, section)
    ensure_editable(section.version)
    _check_body_images(body, district)
    section.title = title
    section.body = body
    section.save()
    return section


def _check_body_images(body: str, district: District) -> None:
    """Images only from the District's own uploads, refused next to the text field (issue 15)."""
    try:
        check_images(body, district)
    except ValidationError as error:
        raise ValidationError({"body": error.messages}) from error


@transaction.atomic
def section_delete(*, district: District, section: ConceptSection, user) -> None:
    """Remove a section of a draft version."""
    check_district(district, section)
    ensure_editable(section.version)
    section.delete()


@transaction.atomic
def section_move(*, district: District, section: ConceptSection, direction: int, user) -> None:
    """Swap a section with its neighbour above (-1) or below (+1)."""
    check_district(district, section)
    ensure_editable(section.version)
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


# --- Images for the concept text --------------------------------------------------------------


def image_upload(*, district: District, image, user) -> str:
    """Store an image among the District's uploads; returns its URL for the Markdown text
    (``concepts.rendering`` shows images from these uploads only)."""
    extension = image.name.rsplit(".", 1)[-1].lower()
    name = default_storage.save(f"bilder/{district.slug}/{uuid.uuid4().hex}.{extension}", image)
    url = default_storage.url(name)
    assert url.startswith(upload_prefix(district))
    return url
