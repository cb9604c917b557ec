"""Committees with their meetings, and participation events (seed 003: about 160 people)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Committee, Meeting, ParticipationEvent
from tests import factories


def url(name, district, *args):
    return reverse(f"actors:{name}", args=[district.slug, *args])


@pytest.fixture
def committee(district):
    committee = factories.CommitteeFactory(
        district=district,
        name="Ausschuss für Soziales und Integration",
        kind=Committee.Kind.SPECIALIST,
        path_position=1,
        focus_area=factories.focus_area(),
    )
    committee.members.add(factories.ActorFactory(district=district, name="Integrationsrat"))
    now = timezone.now()
    factories.MeetingFactory(
        committee=committee,
        start=timezone.localtime(now + datetime.timedelta(days=30)).replace(hour=15, minute=0),
        location="Kreishaus, Raum 1.23",
        is_public=True,
    )
    factories.MeetingFactory(
        committee=committee, start=now - datetime.timedelta(days=60), is_public=False
    )
    factories.CommitteeFactory(
        district=district, name="Kreistag", kind=Committee.Kind.COUNCIL, path_position=3
    )
    return committee


def test_committees_page_with_meetings_and_participation_totals(
    client, district, committee, council_member
):
    field = factories.FieldOfActionFactory(district=district, name="Integration durch Bildung")
    for title, people, institutions in [
        ("Bildung", 70, 20),
        ("Arbeit", 50, 12),
        ("Teilhabe", 40, 9),
    ]:
        factories.ParticipationEventFactory(
            district=district,
            title=f"Workshop {title}",
            participants=people,
            institutions=institutions,
            field_of_action=field,
            date=datetime.date(2014, 4, 10),
        )
    factories.ParticipationEventFactory(participants=999)  # another District
    client.force_login(council_member)
    html = client.get(url("committees", district)).content.decode()
    assert "Ausschuss für Soziales und Integration" in html and "Fachausschuss" in html
    assert "Schwerpunkt: Integration durch Bildung" in html
    assert "1. Ausschuss für Soziales und Integration" in html and "3. Kreistag" in html
    assert "Integrationsrat" in html
    assert "Kreishaus, Raum 1.23" in html and "15:00 Uhr" in html
    assert "öffentlich" in html and "nichtöffentlich" in html
    assert "Insgesamt 3 Veranstaltungen mit 160 Teilnehmenden aus 41 Institutionen." in html
    assert "10.04.2014" in html
    assert "Gremium anlegen" not in html


def test_committee_page_lists_upcoming_and_past_meetings(client, district, committee, liaison):
    client.force_login(liaison)
    html = client.get(url("committee_detail", district, committee.pk)).content.decode()
    assert "Anstehende Sitzungen (1)" in html and "Vergangene Sitzungen (1)" in html
    assert "nichtöffentlich" in html


def test_committee_round_trip(client, district, ki_lead):
    actor = factories.ActorFactory(district=district)
    client.force_login(ki_lead)
    response = client.post(
        url("committee_create", district),
        {"name": "Steuerungsgruppe Bildung", "kind": "steuerungsgremium", "members": [actor.pk]},
    )
    committee = district.committees.get()
    assert response["Location"] == url("committee_detail", district, committee.pk)
    assert list(committee.members.all()) == [actor]

    response = client.post(
        url("committee_create", district),
        {"name": "steuerungsgruppe bildung", "kind": "arbeitskreis", "path_position": "0"},
    )
    errors = response.context["form"].errors
    assert errors["name"] == ["Ein Gremium mit diesem Namen gibt es bereits."]
    assert "path_position" in errors

    client.post(
        url("committee_update", district, committee.pk),
        {"name": "Steuerungsgruppe", "kind": "steuerungsgremium", "path_position": "2"},
    )
    committee.refresh_from_db()
    assert committee.name == "Steuerungsgruppe" and committee.path_position == 2
    assert not committee.members.exists()

    client.post(url("committee_delete", district, committee.pk))
    assert not Committee.objects.exists()


def test_meeting_round_trip(client, district, committee, ki_staff):
    client.force_login(ki_staff)
    response = client.post(
        url("meeting_create", district, committee.pk),
        {"start": "2027-05-11T17:00", "location": "Kreishaus", "is_public": "on"},
    )
    assert response["Location"] == url("committee_detail", district, committee.pk)
    meeting = committee.meetings.get(location="Kreishaus")
    assert timezone.localtime(meeting.start).hour == 17 and meeting.is_public

    response = client.post(url("meeting_update", district, meeting.pk), {"start": "31.02.2027"})
    assert response.context["form"].errors["start"] == [
        "Bitte Datum und Uhrzeit angeben, z. B. 10.03.2026 17:00."
    ]
    client.post(
        url("meeting_update", district, meeting.pk),
        {"start": "2027-05-12T09:30", "cancelled": "on"},
    )
    meeting.refresh_from_db()
    assert meeting.cancelled and not meeting.is_public
    html = client.get(url("committee_detail", district, committee.pk)).content.decode()
    assert "12.05.2027, 09:30 Uhr" in html and "abgesagt" in html

    client.post(url("meeting_delete", district, meeting.pk))
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_meeting_with_a_consultation_is_kept(client, district, ki_staff):
    consultation = factories.ConsultationFactory(paper__district=district)
    meeting = consultation.meeting
    client.force_login(ki_staff)
    html = client.post(url("meeting_delete", district, meeting.pk), follow=True).content.decode()
    assert "In ihr wurden Vorlagen beraten" in html
    html = client.post(
        url("committee_delete", district, meeting.committee.pk), follow=True
    ).content.decode()
    assert "kann nicht gelöscht werden" in html
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_participation_round_trip(client, district, ki_staff):
    actor = factories.ActorFactory(district=district)
    client.force_login(ki_staff)
    data = {
        "kind": "integrationskonferenz",
        "title": "Integrationskonferenz 2026",
        "date": "2026-11-05",
        "participants": "120",
        "institutions": "35",
        "actors": [actor.pk],
    }
    response = client.post(url("participation_create", district), data)
    assert response.status_code == 302
    event = district.participation_events.get()
    assert event.participants == 120 and list(event.actors.all()) == [actor]

    response = client.post(
        url("participation_update", district, event.pk), {**data, "participants": "-5"}
    )
    assert "participants" in response.context["form"].errors
    client.post(url("participation_update", district, event.pk), {**data, "participants": "130"})
    event.refresh_from_db()
    assert event.participants == 130

    client.post(url("participation_delete", district, event.pk))
    assert not ParticipationEvent.objects.exists()
