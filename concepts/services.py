"""Writes for work periods, Arbeitsschwerpunkte, Handlungsfelder and target groups."""

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.models import User
from districts.models import District

from .models import FieldOfAction, TargetGroup, WorkPeriod, WorkPriority

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
    *, period: WorkPeriod, kind: str, start_year: int, years: int, user: User
) -> WorkPeriod:
    """Move or change a work period; same rules as ``work_period_create``."""
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


def work_period_delete(*, period: WorkPeriod, user: User) -> None:
    """Delete a period nothing refers to; ValidationError (German) while priorities or rounds do.

    Priorities belong to their period (the actors commit to them for those years, seed 000), so
    a period is never deleted together with them by accident.
    """
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


def work_priority_create(*, period: WorkPeriod, data: dict, user: User) -> WorkPriority:
    """Fix a new Arbeitsschwerpunkt for ``period`` from the form's cleaned data."""
    with transaction.atomic():
        priority = WorkPriority(work_period=period, **data)
        priority.full_clean()
        priority.save()
        return priority


def work_priority_update(*, priority: WorkPriority, data: dict, user: User) -> WorkPriority:
    """Change an Arbeitsschwerpunkt from the form's cleaned data."""
    with transaction.atomic():
        for name, value in data.items():
            setattr(priority, name, value)
        priority.full_clean()
        priority.save()
        return priority


def work_priority_delete(*, priority: WorkPriority, user: User) -> None:
    """Delete an Arbeitsschwerpunkt; measures serving it lose only that link."""
    with transaction.atomic():
        priority.delete()


# --- Handlungsfelder and target groups ------------------------------------------------------


def field_of_action_save(
    *, district: District, data: dict, user: User, field: FieldOfAction | None = None
) -> FieldOfAction:
    """Create (``field`` None) or change a Handlungsfeld of ``district``."""
    with transaction.atomic():
        field = field or FieldOfAction(district=district)
        for name, value in data.items():
            setattr(field, name, value)
        field.full_clean()
        field.save()
        return field


def field_of_action_delete(*, field: FieldOfAction, user: User) -> None:
    """Delete a Handlungsfeld; ValidationError (German) while measures still belong to it."""
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
    with transaction.atomic():
        group = group or TargetGroup(district=district)
        for name, value in data.items():
            setattr(group, name, value)
        group.full_clean()
        group.save()
        return group


def target_group_delete(*, group: TargetGroup, user: User) -> None:
    """Delete a target group; measures, actors and offers only lose the link."""
    with transaction.atomic():
        group.delete()
