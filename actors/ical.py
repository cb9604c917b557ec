"""iCalendar feed (RFC 5545) of a District's committee meetings, written without a library.

Used by the public feed (``public/ical.py``) and the workspace feed (``actors/views/ical.py``);
the views decide which meetings and which papers on the agenda a visitor may see, this module
only selects and writes them.
"""

import datetime
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import HttpResponse
from django.utils import timezone

from papers.models import Consultation, DecisionPaper, PaperRelease

from .models import Meeting

PRODID = "-//Kreisintegration//Sitzungskalender//DE"
# The Meeting model has no end; two hours is the usual length of a committee meeting.
MEETING_LENGTH = datetime.timedelta(hours=2)
# RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break."
LINE_OCTETS = 75
# How often a subscribing calendar should fetch the feed again (RFC 7986 REFRESH-INTERVAL).
REFRESH = "PT6H"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as ``\\n``."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.

    Continuation lines start with one space, which counts towards their 75 octets.
    """
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts)


def utc(value: datetime.datetime) -> str:
    """A DATE-TIME in UTC form (RFC 5545 3.3.5, FORM #2): ``20260310T170000Z``."""
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def text(name: str, value: str) -> str:
    return f"{name}:{escape_text(value)}"


def calendar_meetings(district, *, include_internal: bool, papers: QuerySet[DecisionPaper]):
    """The District's meetings, soonest first, each with ``agenda``: the consultations of
    ``papers`` at that meeting, with the frozen reference and subject of their latest release.

    ``include_internal`` adds the nichtöffentlich meetings. One query for the meetings and one
    for all agendas, however many meetings there are.
    """
    latest = PaperRelease.objects.filter(paper=OuterRef("paper")).order_by("-revision")
    steps = (
        Consultation.objects.filter(paper__in=papers.values("pk"))
        .annotate(
            released_reference=Subquery(latest.values("reference")[:1]),
            released_subject=Subquery(latest.values("subject")[:1]),
        )
        .order_by("paper__reference", "pk")
    )
    meetings = Meeting.objects.for_district(district).select_related("committee")
    if not include_internal:
        meetings = meetings.filter(is_public=True)
    return meetings.order_by("start", "pk").prefetch_related(
        Prefetch("consultations", queryset=steps, to_attr="agenda")
    )


def _description(meeting: Meeting) -> str:
    lines = []
    if meeting.cancelled:
        lines.append("Die Sitzung ist abgesagt.")
    lines.append("Öffentliche Sitzung." if meeting.is_public else "Nichtöffentliche Sitzung.")
    agenda = getattr(meeting, "agenda", [])
    if agenda:
        lines.append("Vorlagen auf der Tagesordnung:")
        lines.extend(
            f"- {step.released_reference} {step.released_subject} ({step.get_role_display()})"
            for step in agenda
        )
    return "\n".join(lines)


def _summary(meeting: Meeting) -> str:
    notes = []
    if not meeting.is_public:
        notes.append("nichtöffentlich")
    if meeting.cancelled:
        # Not every calendar shows STATUS:CANCELLED; the title says it too.
        notes.append("abgesagt")
    suffix = f" ({', '.join(notes)})" if notes else ""
    return f"{meeting.committee.name}: Sitzung{suffix}"


def event_lines(
    meeting: Meeting, *, district, stamp: datetime.datetime, url: str | None
) -> list[str]:
    """The VEVENT of one meeting, as unfolded content lines."""
    lines = [
        "BEGIN:VEVENT",
        # Stable per meeting, so a changed or cancelled meeting replaces its entry.
        f"UID:meeting-{meeting.pk}@{district.slug}.kreisintegration",
        f"DTSTAMP:{utc(stamp)}",
        f"DTSTART:{utc(meeting.start)}",
        f"DTEND:{utc(meeting.start + MEETING_LENGTH)}",
        text("SUMMARY", _summary(meeting)),
    ]
    if meeting.location:
        lines.append(text("LOCATION", meeting.location))
    lines.append(text("DESCRIPTION", _description(meeting)))
    if url:
        # URI values are not TEXT: no escaping (RFC 5545 3.3.13).
        lines.append(f"URL:{url}")
    lines += [
        f"CLASS:{'PUBLIC' if meeting.is_public else 'PRIVATE'}",
        f"STATUS:{'CANCELLED' if meeting.cancelled else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        f"LAST-MODIFIED:{utc(meeting.modified)}",
        "END:VEVENT",
    ]
    return lines


def render_calendar(
    *,
    district,
    name: str,
    meetings: Iterable[Meeting],
    url_for: Callable[[Meeting], str | None] | None = None,
    now: datetime.datetime | None = None,
) -> str:
    """The VCALENDAR of ``meetings``: CRLF line endings, every line folded at 75 octets."""
    stamp = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        text("X-WR-CALNAME", name),
        f"X-WR-TIMEZONE:{settings.TIME_ZONE}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    for meeting in meetings:
        url = url_for(meeting) if url_for else None
        lines += event_lines(meeting, district=district, stamp=stamp, url=url)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_response(content: str, *, district) -> HttpResponse:
    response = HttpResponse(content.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sitzungen-{district.slug}.ics"'
    return response
