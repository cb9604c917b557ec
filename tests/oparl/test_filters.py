"""OParl list filters (created_since, created_until, modified_since, modified_until): a client
that synchronises gets what changed since its last visit, and a bad parameter is a 400."""

import datetime
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from actors.models import Meeting
from papers.models import Attachment, Consultation, DecisionPaper, PaperRelease
from tests import factories

pytestmark = pytest.mark.django_db


def at(day: int) -> datetime.datetime:
    return datetime.datetime(2026, 6, day, 12, 0, tzinfo=datetime.UTC)


def age(paper: DecisionPaper, day: int):
    """Pretend every part of ``paper`` was last touched on 2026-06-``day``."""
    DecisionPaper.objects.filter(pk=paper.pk).update(created=at(1), modified=at(day))
    Consultation.objects.filter(paper=paper).update(created=at(1), modified=at(day))
    Attachment.objects.filter(paper=paper).update(created=at(1), modified=at(day))
    PaperRelease.objects.filter(paper=paper).update(released_at=at(day))
    # The Paper embeds its Beratungsfolge, which links a meeting only while it is öffentlich.
    Meeting.objects.filter(consultations__paper=paper).update(created=at(1), modified=at(day))


def paper_list(client, district, **params):
    url = reverse("oparl:paper_list", kwargs={"body": district.slug})
    return client.get(f"{url}?{urlencode(params)}" if params else url)


def references(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [paper["reference"] for paper in response.json()["data"]]


@pytest.fixture
def old_and_new(district):
    old = factories.released_paper(district, reference="50/001/2026")
    new = factories.released_paper(district, reference="50/002/2026")
    factories.AttachmentFactory(paper=old)
    age(old, 5)
    age(new, 20)
    return old, new


def test_modified_since_leaves_out_what_was_not_changed(client, district, old_and_new):
    since = "2026-06-10T00:00:00+02:00"
    assert references(paper_list(client, district, modified_since=since)) == ["50/002/2026"]
    assert references(paper_list(client, district, modified_until=since)) == ["50/001/2026"]
    # Both bounds are inclusive: the paper modified exactly then is in.
    exact = at(20).isoformat()
    assert references(paper_list(client, district, modified_since=exact)) == ["50/002/2026"]
    assert references(paper_list(client, district, modified_until=exact)) == [
        "50/001/2026",
        "50/002/2026",
    ]
    # "Z" and an unencoded "+" (arriving as a space) mean the same instant.
    assert references(paper_list(client, district, modified_since="2026-06-09T22:00:00Z")) == [
        "50/002/2026"
    ]
    url = reverse("oparl:paper_list", kwargs={"body": district.slug})
    assert references(client.get(url + "?modified_since=2026-06-10T00:00:00+02:00")) == [
        "50/002/2026"
    ]


def test_a_recorded_result_makes_the_paper_modified(client, district, old_and_new):
    """The Paper embeds its Beratungsfolge: a client syncing by modified_since must see a
    new result of the Kreistag."""
    old, _new = old_and_new
    step = old.consultations.get(authoritative=True)
    step.result = Consultation.Result.UNANIMOUS
    step.save()
    since = "2026-06-10T00:00:00+02:00"
    assert references(paper_list(client, district, modified_since=since)) == [
        "50/001/2026",
        "50/002/2026",
    ]
    paper = paper_list(client, district, modified_since=since).json()["data"][0]
    assert datetime.datetime.fromisoformat(paper["modified"]) == step.modified.replace(
        microsecond=0
    )


def test_created_filters_and_other_lists(client, district):
    early = factories.MeetingFactory(committee__district=district)
    late = factories.MeetingFactory(committee__district=district)
    Meeting.objects.filter(pk=early.pk).update(created=at(1))
    Meeting.objects.filter(pk=late.pk).update(created=at(25))
    url = reverse("oparl:meeting_list", kwargs={"body": district.slug})
    found = client.get(url, {"created_since": "2026-06-10T00:00:00+02:00"}).json()["data"]
    assert [m["id"] for m in found] == [f"http://testserver{url}{late.pk}/"]
    found = client.get(url, {"created_until": "2026-06-10T00:00:00+02:00"}).json()["data"]
    assert [m["id"] for m in found] == [f"http://testserver{url}{early.pk}/"]


@pytest.mark.parametrize(
    "value",
    [
        "gestern",
        "2026-06-10",  # a date without time: OParl requires a full date-time
        "2026-13-01T00:00:00+01:00",
        "2026-06-10T25:00:00Z",
        "",
        "9999-12-31T23:59:59-01:00",  # beyond what the database can hold in UTC
        "0001-01-01T00:00:00+01:00",
        "2026-06-10T00:00:00+02:00\x00",
    ],
)
@pytest.mark.parametrize("name", ["modified_since", "modified_until", "created_since"])
def test_an_invalid_timestamp_is_a_400_with_a_json_message(client, district, name, value):
    for list_name in ["paper_list", "meeting_list", "organization_list", "person_list"]:
        url = reverse(f"oparl:{list_name}", kwargs={"body": district.slug})
        response = client.get(url, {name: value})
        assert response.status_code == 400, (list_name, value)
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert response["Access-Control-Allow-Origin"] == "*"
        error = response.json()["error"]
        assert error["status"] == 400
        assert name in error["message"]
    url = reverse("oparl:body_list")
    assert client.get(url, {name: value}).status_code == 400


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", ""])
def test_an_invalid_page_is_a_400(client, district, page):
    response = paper_list(client, district, page=page)
    assert response.status_code == 400
    assert "page" in response.json()["error"]["message"]


def test_a_page_beyond_the_last_is_a_404(client, district, old_and_new):
    response = paper_list(client, district, page=2)
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
