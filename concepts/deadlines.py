"""The Frist beim Land: the one place that says by when the concept is due at the Land.

The dashboard, the Fassung's page, the Förderfähigkeit checklist and the prefilled Vorlage all
ask ``deadline_for``, so they cannot show different dates (issue 13).
"""

import datetime
from dataclasses import dataclass

from .models import ConceptVersion


@dataclass(frozen=True)
class Deadline:
    """The date the concept is due at the Land and how it stands today."""

    date: datetime.date
    days_left: int
    from_version: bool
    submitted_on: datetime.date | None = None

    @property
    def text(self) -> str:
        # In words, not by colour alone (WCAG 1.4.1).
        if self.submitted_on:
            on_time = "fristgerecht" if self.submitted_on <= self.date else "nach Fristablauf"
            return f"am {self.submitted_on:%d.%m.%Y} vorgelegt ({on_time})"
        days = abs(self.days_left)
        if self.days_left > 0:
            return f"noch {days} {'Tag' if days == 1 else 'Tage'}"
        if self.days_left == 0:
            return "Frist endet heute"
        return f"Frist seit {days} {'Tag' if days == 1 else 'Tagen'} überschritten"

    @property
    def badge(self) -> str:
        if self.submitted_on:
            return "text-bg-success" if self.submitted_on <= self.date else "text-bg-warning"
        if self.days_left < 0:
            return "text-bg-danger"
        return "text-bg-warning" if self.days_left <= 30 else "text-bg-success"

    @property
    def source(self) -> str:
        return (
            "Frist dieser Fassung"
            if self.from_version
            else "Frist aus den Anforderungen des Landes"
        )


def deadline_for(
    version: ConceptVersion | None, requirements, today: datetime.date
) -> Deadline | None:
    """The deadline at the Land: the version's own, else the Land's requirement.

    A version's deadline counts while it is on its way (seeds 003/004: a draft may go to the
    ministry before the Kreistag decides); once adopted, the next date is the one the Land's
    requirements set (e.g. for the Fortschreibung), so a long-adopted concept does not show as
    years overdue. ``requirements`` is the District's ``LandRequirements`` or None.
    """
    if version is not None and version.deadline and not version.is_adopted:
        return Deadline(
            date=version.deadline,
            days_left=(version.deadline - today).days,
            from_version=True,
            submitted_on=version.submitted_on,
        )
    due = requirements.submission_deadline if requirements else None
    if due is None:
        return None
    return Deadline(date=due, days_left=(due - today).days, from_version=False)


def district_deadline(district, version: ConceptVersion | None, today: datetime.date):
    """``deadline_for`` with the District's own Land requirements (if it has any)."""
    return deadline_for(version, getattr(district, "land_requirements", None), today)
