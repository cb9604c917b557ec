"""Lists are cut into pages; a client following ``next`` gets every object exactly once."""

import pytest
from django.urls import reverse

from oparl.lists import PAGE_SIZE
from papers.models import DecisionPaper
from tests import factories

pytestmark = pytest.mark.django_db


def many_papers(district, count: int):
    for number in range(count):
        factories.released_paper(district, steps=1, reference=f"60/{number:03d}/2026")


def test_next_and_last_lead_through_all_papers(client, district, council):
    many_papers(district, PAGE_SIZE + 3)  # + the two public ones of ``council``
    expected = PAGE_SIZE + 5
    url = "http://testserver" + reverse("oparl:paper_list", kwargs={"body": district.slug})

    first = client.get(url).json()
    assert first["pagination"] == {
        "totalElements": expected,
        "elementsPerPage": PAGE_SIZE,
        "currentPage": 1,
        "totalPages": 2,
    }
    assert len(first["data"]) == PAGE_SIZE
    assert first["links"]["first"] == url
    assert first["links"]["self"] == url
    assert first["links"]["next"] == f"{url}?page=2"
    assert first["links"]["last"] == f"{url}?page=2"
    assert "prev" not in first["links"]

    second = client.get(first["links"]["next"]).json()
    assert second == client.get(first["links"]["last"]).json()
    assert second["pagination"]["currentPage"] == 2
    assert len(second["data"]) == 5
    assert "next" not in second["links"]
    assert second["links"]["prev"] == url

    seen = [paper["id"] for page in (first, second) for paper in page["data"]]
    assert len(set(seen)) == expected
    public = DecisionPaper.objects.for_district(district).public_released()
    assert {int(i.rstrip("/").rsplit("/", 1)[1]) for i in seen} == set(
        public.values_list("pk", flat=True)
    )
    assert council.secret.pk not in {int(i.rstrip("/").rsplit("/", 1)[1]) for i in seen}


def test_the_links_keep_the_filter(client, district):
    many_papers(district, PAGE_SIZE + 1)
    url = "http://testserver" + reverse("oparl:paper_list", kwargs={"body": district.slug})
    since = "2020-01-01T00:00:00+01:00"
    first = client.get(url, {"modified_since": since}).json()
    encoded = "modified_since=2020-01-01T00%3A00%3A00%2B01%3A00"
    assert first["links"]["self"] == f"{url}?{encoded}"
    assert first["links"]["next"] == f"{url}?{encoded}&page=2"
    second = client.get(first["links"]["next"]).json()
    assert second["links"]["first"] == f"{url}?{encoded}"
    assert len(second["data"]) == 1
    # With a filter that leaves nothing, the single empty page links to itself.
    empty = client.get(url, {"modified_since": "2999-01-01T00:00:00+01:00"}).json()
    assert empty["data"] == []
    assert empty["pagination"]["totalElements"] == 0
    assert empty["pagination"]["totalPages"] == 1
    assert "next" not in empty["links"]


def test_the_body_list_is_paginated_too(client, district):
    """The 54 NRW Districts come with the database: the Body list has several pages."""
    url = "http://testserver" + reverse("oparl:body_list")
    page = client.get(url).json()
    bodies = []
    while True:
        bodies += [body["id"] for body in page["data"]]
        if "next" not in page["links"]:
            break
        page = client.get(page["links"]["next"]).json()
    assert len(bodies) == len(set(bodies)) == page["pagination"]["totalElements"]
    assert "http://testserver" + reverse("oparl:body", kwargs={"body": district.slug}) in bodies
