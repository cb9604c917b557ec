"""Reads about concept versions that pages of several apps share (the concept editor, the
whole-concept document in documents, the checklist, the dashboard and the public pages)."""

import datetime

from django.db.models import Q, prefetch_related_objects
from django.utils import timezone

from accounts.rights import Capability, Scope
from core import memo

from .models import ConceptVersion

ADOPTED = (ConceptVersion.Status.ADOPTED, ConceptVersion.Status.SUPERSEDED)


def visible_versions(request):
    """Drafts only for roles that read internal documents; the others see adopted versions —
    and a draft that a released paper they may read puts before them: the Kreistag must be
    able to read the concept it is asked to adopt (TIntG NRW § 8, seed 001 "Anlage").

    The release of the paper records that on the version (papers.services
    .paper_present_concept_version); who reads öffentlich papers only sees it when a paper
    presenting it is öffentlich.
    """
    versions = request.district.concept.versions.all()
    access = request.access
    if not access.can_read_internal:
        if access.scope(Capability.READ_PAPERS) == Scope.PUBLIC_ONLY:
            put_before_them = Q(presented_publicly=True)
        else:
            put_before_them = Q(presented_to_council_on__isnull=False)
        if access.is_liaison:
            # Issue 18: a Fassung "in Abstimmung" is being agreed with the municipalities
            # (seed 002: "in Abstimmung mit den betroffenen kreisangehörigen Gemeinden"):
            # their liaisons read it and record their Einvernehmen.
            put_before_them |= Q(status=ConceptVersion.Status.IN_CONSULTATION)
        versions = versions.filter(Q(status__in=ADOPTED) | put_before_them)
    return versions


# --- The concept in force and the draft being prepared (issue 14: one meaning of "in force") ---
#
# Every rule of the Förderfähigkeit checklist, the dashboard and the public pages ask these two
# functions, so "the concept" means the same everywhere:
# - in force: adopted by the Kreistag on a day that has come (decided_on ≤ today), and not
#   superseded by a later adoption that has come too. A decision dated in the future never puts
#   a version in force, and the version it will replace stays in force until that day.
# - the draft: the newest version not (yet) adopted – the Fortschreibung being prepared.


def version_in_force(concept, today: datetime.date | None = None) -> ConceptVersion | None:
    """The version the Kreistag adopted last on or before ``today``; None if there is none.

    Status "abgelöst" counts only when the version replacing it is decided after ``today``
    (an adoption recorded with a future date supersedes the old version at once in the data,
    but not in fact); a version superseded without a successor in force is in force no more.
    """
    if concept is None:
        return None
    today = today or timezone.localdate()
    adopted = sorted(
        (v for v in concept.versions.all() if v.status in ADOPTED and v.decided_on),
        key=lambda v: (v.decided_on, v.number),
        reverse=True,
    )
    for position, version in enumerate(adopted):
        if version.decided_on > today:
            continue
        if version.status == ConceptVersion.Status.SUPERSEDED:
            replaced_later = any(v.decided_on > today for v in adopted[:position])
            return version if replaced_later else None
        return version
    return None


def draft_in_progress(concept) -> ConceptVersion | None:
    """The newest version not adopted: the draft or Fortschreibung being prepared."""
    if concept is None:
        return None
    drafts = [v for v in concept.versions.all() if v.status not in ADOPTED]
    return max(drafts, key=lambda v: v.number, default=None)


def district_concept(district):
    """The District's concept, or None before it has one.

    Inside a ``core.memo.scope()`` its versions are read once for every question asked about
    them on the page (version in force, draft, deadline).
    """
    concept = getattr(district, "concept", None)
    if concept is None or not memo.active():
        return concept
    return memo.remembered(("concept", district.pk), lambda: _with_versions(concept))


def _with_versions(concept):
    prefetch_related_objects([concept], "versions")
    return concept


def focus_areas() -> list:
    """Both Schwerpunkte in their order (reference data, seed 002)."""
    from .models import FocusArea

    return memo.remembered("focus_areas", lambda: list(FocusArea.objects.order_by("order")))


def current_period(district, today: datetime.date | None = None):
    """The District's work period running on ``today``; None between periods."""
    today = today or timezone.localdate()
    return memo.remembered(
        ("period", district.pk, today),
        lambda: district.work_periods.filter(start__lte=today, end__gte=today).first(),
    )
