"""The number of database queries of a list page does not grow with the number of objects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from papers.models import AgendaItem
from tests import factories

pytestmark = pytest.mark.django_db

LISTS = ["paper_list", "meeting_list", "organization_list"]


def queries(client, url) -> int:
    """SELECTs of one request (the savepoints of ATOMIC_REQUESTS are not counted)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return sum(1 for query in captured if query["sql"].startswith("SELECT"))


def add_papers(district, count: int):
    for number in range(count):
        paper = factories.released_paper(district)
        factories.AttachmentFactory(
            paper=paper, file=factories.factory.django.FileField(data=b"x", filename="a.pdf")
        )
        factories.AttachmentFactory(paper=paper)  # of the working copy: not listed
        release = paper.releases.get()
        if number % 2:
            release = factories.PaperReleaseFactory(paper=paper, revision=2)
        factories.ReleasedAttachmentFactory.create_batch(2, release=release)
        add_agenda(paper.consultations.first().meeting, 2)


def add_agenda(meeting, count: int):
    """A place and ``count`` free items (one of them nichtöffentlich) for a meeting."""
    meeting.location = "Kreishaus, Sitzungssaal"
    meeting.save()
    for number in range(count):
        AgendaItem.objects.create(
            meeting=meeting, title=f"Mitteilung {number}", is_public=bool(number), order=number
        )


@pytest.mark.parametrize("name", LISTS)
def test_list_queries_do_not_grow_with_the_data(client, district, name):
    url = reverse(f"oparl:{name}", kwargs={"body": district.slug})
    add_papers(district, 2)
    few = queries(client, url)
    add_papers(district, 20)
    assert client.get(url).json()["pagination"]["totalElements"] > 20
    assert queries(client, url) == few


def test_the_body_list_and_a_paper_take_few_queries(client, district):
    add_papers(district, 3)
    paper = district.decision_papers.first()
    # Count, page (with the concept) and the concepts' versions (the concept in force, issue 14).
    assert queries(client, reverse("oparl:body_list")) <= 3
    assert (
        queries(client, reverse("oparl:paper", kwargs={"body": district.slug, "pk": paper.pk})) <= 5
    )


@pytest.mark.parametrize("name", LISTS)
def test_a_synchronising_list_with_tombstones_does_not_grow(
    client, district, name, django_capture_on_commit_callbacks
):
    """With modified_since the list mixes public objects and tombstones: still constant."""
    from actors.models import Meeting

    url = (
        reverse(f"oparl:{name}", kwargs={"body": district.slug})
        + "?modified_since=2000-01-01T00:00:00Z"
    )

    def add_and_remove(count: int):
        with django_capture_on_commit_callbacks(execute=True):
            add_papers(district, count)
            committee = factories.CommitteeFactory(district=district)
        with django_capture_on_commit_callbacks(execute=True):
            for paper in district.decision_papers.all()[: count // 2]:
                factories.PaperReleaseFactory(paper=paper, revision=3, is_public=False)
            for meeting in Meeting.objects.for_district(district).filter(is_public=True)[
                : count // 2
            ]:
                meeting.is_public = False
                meeting.save()
            committee.delete()  # published in the commit before, so it leaves a tombstone

    add_and_remove(4)
    few = queries(client, url)
    add_and_remove(24)
    data = client.get(url).json()
    assert data["pagination"]["totalElements"] > 20
    assert queries(client, url) == few
    assert queries(client, url + "&page=2") <= few
    pages = [data] + [
        client.get(url + f"&page={n}").json()
        for n in range(2, data["pagination"]["totalPages"] + 1)
    ]
    assert any(obj.get("deleted") for page in pages for obj in page["data"])


def test_a_meeting_and_its_items_take_the_same_queries_however_long_the_agenda(client, district):
    """Issue 20: the agenda comes with the meeting in a fixed number of queries."""
    add_papers(district, 1)
    paper = district.decision_papers.get()
    meeting = paper.consultations.first().meeting
    meeting_url = reverse("oparl:meeting", kwargs={"body": district.slug, "pk": meeting.pk})
    item_url = reverse(
        "oparl:agenda_item",
        kwargs={"body": district.slug, "meeting": meeting.pk, "key": f"p{paper.pk}"},
    )
    few = queries(client, meeting_url), queries(client, item_url)
    add_agenda(meeting, 12)
    for _ in range(3):
        factories.ConsultationFactory(
            paper=factories.released_paper(district), meeting=meeting, order=9
        )
    assert len(client.get(meeting_url).json()["agendaItem"]) > 12
    assert (queries(client, meeting_url), queries(client, item_url)) == few
    assert few[0] <= 8, few
