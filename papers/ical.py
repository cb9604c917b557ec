"""The meetings calendar with its paper agenda: for each meeting the released papers the
visitor may read that are deliberated there.

The iCalendar writing is actors' (``actors/ical.py``); the agenda needs the papers, so the
feeds that show it live here (workspace, ``papers/views_ical.py``) and in public (``public/
ical.py``) — above actors, which must not import papers (issue 12).
"""

import datetime

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from actors.ical import meetings_for_calendar, text, utc
from actors.models import Meeting
from core.due import DueItem

from .models import Consultation, DecisionPaper, PaperRelease


def calendar_meetings(district, *, include_internal: bool, papers: QuerySet[DecisionPaper]):
    """The District's meetings, soonest first, each with ``agenda``: the consultations of
    ``papers`` at that meeting, with the frozen reference and subject of their latest release.

    ``include_internal`` adds the nichtöffentlich meetings. One query for the meetings and one
    for all agendas, however many meetings there are.
    """
    latest = PaperRelease.objects.filter(paper=OuterRef("paper")).order_by("-revision")
    steps = (
        Consultation.objects.for_district(district)
        .filter(paper__in=papers.values("pk"))
        .annotate(
            released_reference=Subquery(latest.values("reference")[:1]),
            released_subject=Subquery(latest.values("subject")[:1]),
        )
        .order_by("paper__reference", "pk")
    )
    meetings = meetings_for_calendar(district, include_internal=include_internal)
    return meetings.prefetch_related(Prefetch("consultations", queryset=steps, to_attr="agenda"))


def agenda_lines(meeting: Meeting) -> list[str]:
    """The description lines about a meeting's agenda (``calendar_meetings``' ``agenda``)."""
    agenda = getattr(meeting, "agenda", [])
    if not agenda:
        return []
    return ["Vorlagen auf der Tagesordnung:"] + [
        f"- {step.released_reference} {step.released_subject} ({step.get_role_display()})"
        for step in agenda
    ]


def todo_lines(item: DueItem, *, district, today: datetime.date, stamp, url: str) -> list[str]:
    """One item that comes due (``core.due``, issue 17) as a VTODO with an all-day DUE date; the
    UID stays the same while the item's date does, so a calendar updates it in place."""
    uid = item.key.replace(":", "-")
    lines = [
        "BEGIN:VTODO",
        f"UID:due-{uid}@{district.slug}.kreisintegration",
        f"DTSTAMP:{utc(stamp)}",
        f"DUE;VALUE=DATE:{item.due:%Y%m%d}",
        text("SUMMARY", f"{item.label}: {item.title}"),
        text("DESCRIPTION", f"Fällig am {item.when(today)}"),
    ]
    if url:
        lines.append(f"URL:{url}")
    lines += ["CLASS:PRIVATE", "STATUS:NEEDS-ACTION", "END:VTODO"]
    return lines
