"""What comes due about a District's concept (issue 17, reminders): the deadline at the Land,
the concept in force reaching the maximum age of the Land's requirement set, and a work period
ending without a successor. Registered in ``core.due`` by ``land/apps.py``."""

import datetime

from django.urls import reverse

from core.dates import add_years
from core.due import DueItem, DueKind
from districts.models import RequirementSet

from .deadlines import district_deadline
from .queries import current_period, district_concept, draft_in_progress, version_in_force


def submission_version(in_force, draft):
    """The version the deadline at the Land is about (one rule for the checklist and the
    reminders): a draft on its way with its own deadline (seeds 003/004: it may go to the
    ministry before the Kreistag decides); else the version in force; a draft without a
    deadline only when nothing is in force."""
    if draft is not None and (draft.deadline or in_force is None):
        return draft
    return in_force


def concept_items(district, today: datetime.date) -> list[DueItem]:
    concept = district_concept(district)
    in_force = version_in_force(concept, today)
    draft = draft_in_progress(concept)
    items = []
    version = submission_version(in_force, draft)
    deadline = district_deadline(district, version, today)
    submitted = deadline is not None and (
        deadline.submitted_on
        or (version is not None and not version.is_adopted and version.submitted_on)
    )
    if deadline is not None and not submitted:
        title = "Vorlage des Konzepts beim Land"
        if version is not None:
            title += f" („{version.title}“)"
        items.append(
            DueItem(
                kind=DueKind.SUBMISSION,
                key=f"frist:{deadline.date.isoformat()}",
                due=deadline.date,
                title=title,
                path=_version_path(district, version),
            )
        )
    requirements = RequirementSet.for_district_on(district, today)
    if in_force is not None and in_force.decided_on and requirements is not None:
        limit = add_years(in_force.decided_on, requirements.review_interval_years)
        items.append(
            DueItem(
                kind=DueKind.CONCEPT_AGE,
                key=f"alter:{in_force.pk}:{limit.isoformat()}",
                due=limit,
                title=(
                    f"„{in_force.title}“ (beschlossen am {in_force.decided_on:%d.%m.%Y}) wird "
                    f"{requirements.review_interval_years} Jahre alt – Überprüfung fällig "
                    f"({requirements.name})"
                ),
                path=_version_path(district, in_force),
            )
        )
    period = current_period(district, today)
    if period is not None and not district.work_periods.filter(start__gt=period.end).exists():
        items.append(
            DueItem(
                kind=DueKind.WORK_PERIOD,
                key=f"periode:{period.pk}:{period.end.isoformat()}",
                due=period.end,
                title=f"Arbeitsperiode {period.label} endet, eine folgende ist nicht angelegt",
                path=reverse("concepts:periods", kwargs={"district_slug": district.slug}),
            )
        )
    return items


def _version_path(district, version) -> str:
    if version is None:
        return reverse("concepts:versions", kwargs={"district_slug": district.slug})
    return reverse(
        "concepts:version_detail", kwargs={"district_slug": district.slug, "pk": version.pk}
    )
