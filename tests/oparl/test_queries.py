"""The number of database queries of a list page does not grow with the number of objects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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
