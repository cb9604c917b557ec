"""iCalendar (RFC 5545) of a District's committee meetings, written without a library.

This module selects a District's meetings and writes them; which lines about their agenda go
in is decided by the feeds, which list the papers on each agenda and so live above actors
(``papers/ical.py`` and ``papers/views_ical.py`` for the workspace, ``public/ical.py`` for
everyone).
"""

import datetime
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

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


def meetings_for_calendar(district, *, include_internal: bool):
    """The District's meetings, soonest first; ``include_internal`` adds the nichtöffentlich
    ones."""
    meetings = Meeting.objects.for_district(district).select_related("committee")
    if not include_internal:
        meetings = meetings.filter(is_public=True)
    return meetings.order_by("start", "pk")


def _description(meeting: Meeting, agenda: Iterable[str]) -> str:
    lines = []
    if meeting.cancelled:
        lines.append("Die Sitzung ist abgesagt.")
    lines.append("Öffentliche Sitzung." if meeting.is_public else "Nichtöffentliche Sitzung.")
    lines.extend(agenda)
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
    meeting: Meeting,
    *,
    district,
    stamp: datetime.datetime,
    url: str | None,
    agenda: Iterable[str] = (),
) -> list[str]:
    """The VEVENT of one meeting, as unfolded content lines; ``agenda`` is added to its
    description line by line."""
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
    lines.append(text("DESCRIPTION", _description(meeting, agenda)))
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
    agenda_for: Callable[[Meeting], list[str]] | None = None,
    now: datetime.datetime | None = None,
    components: Iterable[list[str]] = (),
) -> str:
    """The VCALENDAR of ``meetings``: CRLF line endings, every line folded at 75 octets.

    ``url_for`` gives a meeting's link, ``agenda_for`` the description lines about its agenda
    (extension points for the feeds above actors, which know the papers); ``components`` are
    further components as unfolded lines (the VTODOs of what comes due, issue 17).
    """
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
        agenda = agenda_for(meeting) if agenda_for else []
        lines += event_lines(meeting, district=district, stamp=stamp, url=url, agenda=agenda)
    for component in components:
        lines += component
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_response(content: str, *, district) -> HttpResponse:
    response = HttpResponse(content.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="sitzungen-{district.slug}.ics"'
    return response
