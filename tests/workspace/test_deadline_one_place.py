"""The Frist beim Land lives in one place (concepts.deadlines, issue 13): dashboard, Fassung page
and Förderfähigkeit checklist show the same date."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from concepts.models import ConceptVersion
from tests import factories


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def frist_on_each_page(client, district, version) -> dict[str, str]:
    pages = {
        "dashboard": reverse("workspace:home", args=[district.slug]),
        "fassung": reverse("concepts:version_detail", args=[district.slug, version.pk]),
        "checkliste": reverse("workspace:compliance", args=[district.slug]),
    }
    found = {}
    for where, url in pages.items():
        page = text(client.get(url).content.decode())
        match = re.search(r"(?:Frist beim Land:?|Vorlage beim Land bis) (\d\d\.\d\d\.\d{4})", page)
        assert match, where
        found[where] = match.group(1)
    return found


@pytest.mark.parametrize(
    "status, own, land, expected",
    [
        # A draft on its way: its own deadline (seeds 003/004).
        (
            ConceptVersion.Status.IN_DELIBERATION,
            datetime.date(2027, 6, 30),
            datetime.date(2027, 12, 31),
            "30.06.2027",
        ),
        # A draft without one: the Land's.
        (ConceptVersion.Status.DRAFT, None, datetime.date(2027, 12, 31), "31.12.2027"),
        # Adopted: the Land's next date, not the old one of the version.
        (
            ConceptVersion.Status.ADOPTED,
            datetime.date(2015, 6, 30),
            datetime.date(2027, 12, 31),
            "31.12.2027",
        ),
    ],
)
def test_dashboard_fassung_and_checklist_show_the_same_date(
    client, district, ki_lead, status, own, land, expected
):
    version = factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        status=status,
        deadline=own,
        decided_on=datetime.date(2015, 6, 22) if status == ConceptVersion.Status.ADOPTED else None,
    )
    district.land_requirements.submission_deadline = land
    district.land_requirements.save()
    client.force_login(ki_lead)
    found = frist_on_each_page(client, district, version)
    assert set(found.values()) == {expected}, found


def test_the_checklist_judges_the_submission_by_that_date(client, district, ki_lead):
    today = timezone.localdate()
    factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        status=ConceptVersion.Status.ADOPTED,
        decided_on=today - datetime.timedelta(days=400),
        deadline=today - datetime.timedelta(days=500),
        submitted_on=today - datetime.timedelta(days=10),
    )
    district.land_requirements.submission_deadline = today + datetime.timedelta(days=30)
    district.land_requirements.save()
    client.force_login(ki_lead)
    page = text(client.get(reverse("workspace:compliance", args=[district.slug])).content.decode())
    assert "Frist war" not in page
