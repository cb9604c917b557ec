"""Issue 20: the agenda of a meeting in OParl (AgendaItem) and its place (Location).

Only öffentlich items of published meetings are shown, an item with a paper only while OParl
publishes the paper; an item or place that leaves answers at its URL with ``deleted: true``
(OParl 1.1, "Gelöschte Objekte"), as withdrawn papers do.
"""

import datetime

import pytest
from django.urls import reverse

from actors.models import Committee, Meeting
from oparl import agenda, queries
from oparl.publications import record_publications
from papers.agenda import agenda_entries
from papers.models import AgendaItem, Consultation, PaperRelease
from tests import factories

from .conftest import CLOSED_ITEM_TITLE

pytestmark = pytest.mark.django_db


def url(name: str, district, **kwargs) -> str:
    return "http://testserver" + reverse(f"oparl:{name}", kwargs={"body": district.slug, **kwargs})


def item_url(district, meeting, key: str) -> str:
    return url("agenda_item", district, meeting=meeting.pk, key=key)


def test_the_published_agenda_is_the_agenda_of_the_meeting_page(district, council):
    """OParl assembles the agenda from prefetched rows; it must stay papers.agenda's agenda."""
    # A draft (öffentlich working copy) and a nichtöffentlich paper placed at the Kreistag too.
    factories.ConsultationFactory(paper=council.draft, meeting=council.kreistag, order=5)
    factories.ConsultationFactory(paper=council.secret, meeting=council.kreistag, order=5)
    meetings = list(queries.meetings_for_output(district))
    assert council.kreistag in meetings

    def rows(entries):
        return [(e.key, e.number, e.order, e.title, e.is_public) for e in entries]

    for meeting in meetings:
        assert rows(agenda.entries(meeting)) == rows(agenda_entries(meeting)), meeting
    kreistag = next(m for m in meetings if m == council.kreistag)
    assert [(e.number, e.title) for e in agenda.entries(kreistag)] == [
        ("Ö 1", "Fortschreibung des Integrationskonzepts"),
        ("Ö 2", "Bericht der Verwaltung"),
        ("Ö 3", "Entwurf in Arbeit"),  # on the agenda, not published: a draft
        ("N 1", CLOSED_ITEM_TITLE),
        ("N 2", "Geheime Personalsache"),
    ]
    published = [(item.entry.number, item.position) for item in agenda.published_items(kreistag)]
    assert published == [("Ö 1", 0), ("Ö 2", 1)]


def test_the_meeting_embeds_its_items_and_place_as_they_answer_alone(
    client, district, council, oparl_schema
):
    meeting = client.get(url("meeting", district, pk=council.kreistag.pk)).json()
    oparl_schema.validate(meeting)
    paper_item = item_url(district, council.kreistag, f"p{council.public.pk}")
    free_item = item_url(district, council.kreistag, f"i{council.free_item.pk}")
    assert [item["id"] for item in meeting["agendaItem"]] == [paper_item, free_item]
    for embedded in [*meeting["agendaItem"], meeting["location"]]:
        alone = client.get(embedded["id"]).json()
        assert oparl_schema.validate(alone) in {"AgendaItem", "Location"}
        assert alone == embedded
    assert meeting["agendaItem"][0]["meeting"] == meeting["id"]
    assert meeting["location"]["id"] == url("location", district, pk=council.kreistag.pk)


def test_a_nichtoeffentlich_item_is_never_shown(client, district, council):
    closed = item_url(district, council.kreistag, f"i{council.closed_item.pk}")
    response = client.get(closed)
    assert response.status_code == 404
    assert CLOSED_ITEM_TITLE not in response.content.decode()
    # The KI takes the paper into the nichtöffentlicher Teil: its item goes, the paper stays.
    AgendaItem.objects.filter(meeting=council.kreistag, paper=council.public).update(
        is_public=False
    )
    meeting = client.get(url("meeting", district, pk=council.kreistag.pk)).json()
    assert [item["name"] for item in meeting["agendaItem"]] == ["Bericht der Verwaltung"]
    assert meeting["agendaItem"][0]["order"] == 0
    paper_item = item_url(district, council.kreistag, f"p{council.public.pk}")
    assert client.get(paper_item).status_code == 404  # never published: unknown
    assert client.get(url("paper", district, pk=council.public.pk)).status_code == 200


def test_a_closed_meeting_shows_no_agenda_and_no_place(client, district, council):
    """The Kreisausschuss met behind closed doors: its items exist only as numbers inside."""
    closed = council.closed_meeting
    closed.location = "Kreishaus, Raum 101"
    closed.save()
    item = AgendaItem.objects.create(meeting=closed, title="Bericht", is_public=True, order=1)
    assert client.get(item_url(district, closed, f"i{item.pk}")).status_code == 404
    assert client.get(url("location", district, pk=closed.pk)).status_code == 404


def test_unknown_and_foreign_items_are_404(client, district, other_district, council):
    key = f"i{council.free_item.pk}"
    assert client.get(item_url(district, council.kreistag, key)).status_code == 200
    assert client.get(item_url(other_district, council.kreistag, key)).status_code == 404
    other_meeting = council.public.consultations.get(order=1).meeting
    assert client.get(item_url(district, other_meeting, key)).status_code == 404
    path = reverse("oparl:meeting", kwargs={"body": district.slug, "pk": council.kreistag.pk})
    assert (
        client.get(path.replace("meeting/", "agendaitem/").rstrip("/") + "-x1/").status_code == 404
    )
    assert client.get(url("location", other_district, pk=council.kreistag.pk)).status_code == 404


def test_items_and_places_that_leave_answer_deleted(
    client, district, council, oparl_schema, django_capture_on_commit_callbacks
):
    record_publications(district)  # the fixture's data, committed before the first visit
    meeting_url = url("meeting", district, pk=council.kreistag.pk)
    before = client.get(meeting_url).json()
    paper_item, free_item = before["agendaItem"]
    with django_capture_on_commit_callbacks(execute=True):
        # The paper is withdrawn from the public (released again nichtöffentlich), the KI
        # deletes the free item and clears the place.
        factories.PaperReleaseFactory(paper=council.public, revision=2, is_public=False)
        council.free_item.delete()
        council.kreistag.location = ""
        council.kreistag.save()
    for gone in (paper_item, free_item, before["location"]):
        response = client.get(gone["id"])
        assert response.status_code == 200
        tombstone = response.json()
        oparl_schema.validate(tombstone)
        assert tombstone["deleted"] is True
        assert tombstone["id"] == gone["id"] and tombstone["created"] == gone["created"]
        assert not {"name", "number", "consultation", "description"} & set(tombstone)
    after = client.get(meeting_url).json()
    assert "agendaItem" not in after and "location" not in after

    # Back in public: the same URL, no tombstone any more.
    with django_capture_on_commit_callbacks(execute=True):
        factories.PaperReleaseFactory(paper=council.public, revision=3, is_public=True)
    again = client.get(paper_item["id"]).json()
    assert "deleted" not in again and again["name"] == paper_item["name"]


def test_a_meeting_made_nichtoeffentlich_takes_its_items_along(
    client, district, council, django_capture_on_commit_callbacks
):
    record_publications(district)
    before = client.get(url("meeting", district, pk=council.kreistag.pk)).json()
    with django_capture_on_commit_callbacks(execute=True):
        council.kreistag.is_public = False
        council.kreistag.save()
    for gone in [*before["agendaItem"], before["location"], before]:
        tombstone = client.get(gone["id"]).json()
        assert tombstone["deleted"] is True, gone["id"]
    listing = url("meeting_list", district)
    synced = client.get(listing, {"modified_since": "2000-01-01T00:00:00Z"}).json()["data"]
    assert before["id"] in {obj["id"] for obj in synced if obj.get("deleted")}


def test_an_agenda_change_moves_the_meetings_modified(
    client, district, council, django_capture_on_commit_callbacks
):
    """A client that syncs with ``modified_since`` learns of a changed or removed item."""
    record_publications(district)
    past = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
    for model in (Meeting, Committee, Consultation, AgendaItem):
        model.objects.for_district(district).update(modified=past)
    PaperRelease.objects.for_district(district).update(released_at=past)
    listing = url("meeting_list", district)
    since = {"modified_since": "2026-06-02T00:00:00+02:00"}
    assert client.get(listing, since).json()["data"] == []

    council.free_item.title = "Bericht der Verwaltung zur Integrationskonferenz"
    council.free_item.save()
    changed = client.get(listing, since).json()["data"]
    assert [meeting["id"] for meeting in changed] == [
        url("meeting", district, pk=council.kreistag.pk)
    ]
    assert changed[0]["agendaItem"][1]["name"].endswith("zur Integrationskonferenz")

    AgendaItem.objects.filter(pk=council.free_item.pk).update(modified=past)
    assert client.get(listing, since).json()["data"] == []
    with django_capture_on_commit_callbacks(execute=True):
        council.free_item.delete()  # only its tombstone tells
    changed = client.get(listing, since).json()["data"]
    assert [meeting["id"] for meeting in changed] == [
        url("meeting", district, pk=council.kreistag.pk)
    ]
