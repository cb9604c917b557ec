"""The iCal feeds of a District's meetings: public (öffentlich only) and in the workspace."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors.ical import escape_text, fold
from tests import factories

pytestmark = pytest.mark.django_db

BERLIN_17H = datetime.datetime(2026, 3, 10, 16, 0, tzinfo=datetime.UTC)  # 17:00 in Berlin


def public_url(district) -> str:
    return reverse("public:meetings_ical", args=[district.slug])


def workspace_url(district) -> str:
    return reverse("papers:meetings_ical", args=[district.slug])


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def parse(content: bytes) -> tuple[dict, list[dict]]:
    """(calendar properties, events) from a feed; checks the line rules of RFC 5545 3.1 first."""
    assert content.endswith(b"\r\n")
    physical = content[:-2].split(b"\r\n")
    for line in physical:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line
        line.decode("utf-8")  # every physical line is whole UTF-8: no character was split
    text = content.decode("utf-8").replace("\r\n ", "")
    calendar: dict = {}
    events: list[dict] = []
    current = None
    for line in text.split("\r\n")[:-1]:
        name, _, value = line.partition(":")
        name = name.split(";")[0]
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = unescape(value)
        else:
            calendar[name] = unescape(value)
    return calendar, events


def feed(client, url) -> tuple[dict, list[dict]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return parse(response.content)


def summaries(events) -> list[str]:
    return [event["SUMMARY"] for event in events]


@pytest.fixture
def meetings(district):
    committee = factories.CommitteeFactory(district=district, name="Integrationsausschuss")
    return {
        "public": factories.MeetingFactory(
            committee=committee, start=BERLIN_17H, location="Kreishaus, Raum 1"
        ),
        "internal": factories.MeetingFactory(
            committee=committee, start=BERLIN_17H + datetime.timedelta(days=7), is_public=False
        ),
        "cancelled": factories.MeetingFactory(
            committee=committee, start=BERLIN_17H + datetime.timedelta(days=14), cancelled=True
        ),
    }


def test_public_feed_is_a_calendar_of_the_public_meetings(client, district, meetings):
    factories.MeetingFactory(committee__district=factories.DistrictFactory())  # elsewhere
    response = client.get(public_url(district))
    assert response["Content-Disposition"] == 'attachment; filename="sitzungen-kreis-beispiel.ics"'
    calendar, events = parse(response.content)
    assert calendar["BEGIN"] == "VCALENDAR" and calendar["END"] == "VCALENDAR"
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == "Sitzungen – Kreis Beispiel"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Berlin"
    assert summaries(events) == [
        "Integrationsausschuss: Sitzung",
        "Integrationsausschuss: Sitzung (abgesagt)",
    ]
    first = events[0]
    assert first["UID"] == f"meeting-{meetings['public'].pk}@kreis-beispiel.kreisintegration"
    assert first["DTSTART"] == "20260310T160000Z"
    assert first["DTEND"] == "20260310T180000Z"  # two hours: meetings have no end
    assert first["DTSTAMP"].endswith("Z") and first["LAST-MODIFIED"].endswith("Z")
    assert first["LOCATION"] == "Kreishaus, Raum 1"
    assert first["STATUS"] == "CONFIRMED"
    assert "URL" not in first  # no public committee page to link to
    assert "nichtöffentlich" not in response.content.decode()


def test_cancelled_meeting_is_marked_cancelled(client, district, meetings):
    _calendar, events = feed(client, public_url(district))
    cancelled = events[-1]
    assert cancelled["UID"].startswith(f"meeting-{meetings['cancelled'].pk}@")
    assert cancelled["STATUS"] == "CANCELLED"
    assert "abgesagt" in cancelled["DESCRIPTION"]


def test_uid_is_stable_between_fetches(client, district, meetings):
    _c, first = feed(client, public_url(district))
    meetings["public"].location = "Neuer Ort"
    meetings["public"].save()
    _c, second = feed(client, public_url(district))
    assert [e["UID"] for e in first] == [e["UID"] for e in second]
    assert second[0]["LOCATION"] == "Neuer Ort"


def test_ki_staff_feed_has_the_nichtoeffentlich_meetings_too(client, district, ki_staff, meetings):
    client.force_login(ki_staff)
    calendar, events = feed(client, workspace_url(district))
    assert summaries(events) == [
        "Integrationsausschuss: Sitzung",
        "Integrationsausschuss: Sitzung (nichtöffentlich)",
        "Integrationsausschuss: Sitzung (abgesagt)",
    ]
    internal = events[1]
    assert internal["CLASS"] == "PRIVATE"
    assert "Nichtöffentliche Sitzung" in internal["DESCRIPTION"]
    committee = meetings["internal"].committee
    assert internal["URL"] == "http://testserver" + reverse(
        "actors:committee_detail", args=[district.slug, committee.pk]
    )
    assert "intern" in calendar["X-WR-CALNAME"]


@pytest.mark.parametrize("visitor", ["council_member", "liaison", "land_user"])
def test_roles_without_internal_reading_get_only_public_meetings(
    client, district, meetings, visitor, request
):
    # accounts/rights.py: READ but not READ_INTERNAL.
    client.force_login(request.getfixturevalue(visitor))
    _calendar, events = feed(client, workspace_url(district))
    assert summaries(events) == [
        "Integrationsausschuss: Sitzung",
        "Integrationsausschuss: Sitzung (abgesagt)",
    ]


def test_agenda_lists_only_papers_the_reader_may_see(
    client, district, ki_staff, council_member, liaison
):
    public_paper = factories.released_paper(district, steps=1, subject="Fortschreibung")
    meeting = public_paper.consultations.get().meeting
    secret = factories.released_paper(district, is_public=False, steps=1, subject="Personalsache")
    step = secret.consultations.get()
    step.meeting = meeting
    step.save()
    draft = factories.DecisionPaperFactory(district=district, subject="Noch ein Entwurf")
    factories.ConsultationFactory(paper=draft, meeting=meeting)

    def description(url) -> str:
        uid = f"meeting-{meeting.pk}@kreis-beispiel.kreisintegration"
        (event,) = [e for e in feed(client, url)[1] if e["UID"] == uid]
        return event["DESCRIPTION"]

    text = description(public_url(district))
    assert f"- {public_paper.reference} Fortschreibung (Entscheidung)" in text
    assert "Personalsache" not in text and "Entwurf" not in text
    client.force_login(liaison)  # released öffentlich papers only (Scope.PUBLIC_ONLY)
    text = description(workspace_url(district))
    assert "Fortschreibung" in text and "Personalsache" not in text
    client.force_login(council_member)
    text = description(workspace_url(district))
    assert "Fortschreibung" in text and "Personalsache" in text and "Entwurf" not in text
    client.force_login(ki_staff)  # the agenda is what the bodies received: no drafts
    text = description(workspace_url(district))
    assert "Personalsache" in text and "Entwurf" not in text


def test_commas_semicolons_and_umlauts_are_escaped_and_folded(client, district):
    name = r"Ausschuss für Soziales, Gesundheit; Integration\Inklusion"
    location = (
        "Großer Sitzungssaal im Kreishaus, Düsseldorfer Straße 26, 40822 Mettmann – "
        "Erdgeschoß, barrierefreier Zugang über den Nordeingang; Rückfragen: Büro Ö"
    )
    factories.MeetingFactory(
        committee=factories.CommitteeFactory(district=district, name=name), location=location
    )
    response = client.get(public_url(district))
    raw = response.content.decode("utf-8").replace("\r\n ", "")
    assert r"SUMMARY:Ausschuss für Soziales\, Gesundheit\; Integration\\Inklusion: Sitzung" in raw
    assert "\r\n " in response.content.decode("utf-8")  # the location was folded
    _calendar, (event,) = parse(response.content)  # checks 75 octets and whole characters
    assert event["SUMMARY"] == f"{name}: Sitzung"
    assert event["LOCATION"] == location


def test_fold_never_splits_a_multibyte_character():
    line = "DESCRIPTION:" + "ä" * 100 + "€" * 30
    folded = fold(line)
    for part in folded.encode("utf-8").split(b"\r\n"):
        assert len(part) <= 75
        part.decode("utf-8")
    assert folded.replace("\r\n ", "") == line
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_unknown_district_is_404(client, ki_staff):
    assert client.get("/oeffentlich/gibt-es-nicht/sitzungen.ics").status_code == 404
    client.force_login(ki_staff)
    assert client.get("/gibt-es-nicht/gremien/sitzungen.ics").status_code == 404


def test_query_count_does_not_grow_with_meetings(client, district, ki_staff):
    client.force_login(ki_staff)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            for url in (public_url(district), workspace_url(district)):
                assert client.get(url).status_code == 200
        return len(queries)

    factories.released_paper(district, steps=2)
    few = count()
    for _ in range(4):
        factories.released_paper(district, steps=3)
    assert count() == few


def test_feeds_are_linked(client, district, ki_staff):
    assert (
        public_url(district)
        in client.get(reverse("public:start", args=[district.slug])).content.decode()
    )
    client.force_login(ki_staff)
    html = client.get(reverse("actors:committees", args=[district.slug])).content.decode()
    assert workspace_url(district) in html
    assert "Sitzungen als Kalenderdatei herunterladen" in html
    assert "Persönlicher Abo-Link" in html
