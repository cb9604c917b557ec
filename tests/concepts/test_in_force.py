"""One meaning of "in force" (issue 14): the latest adoption on or before today, never a draft,
never a decision dated later; the draft is the newest version not adopted."""

import datetime

import pytest
from django.urls import reverse

from concepts.models import ConceptVersion
from concepts.queries import draft_in_progress, version_in_force
from tests import factories

pytestmark = pytest.mark.django_db

S = ConceptVersion.Status
TODAY = datetime.date(2026, 12, 6)


def version(district, number, status, decided_on=None, **kwargs):
    return factories.ConceptVersionFactory(
        concept=district.concept, number=number, status=status, decided_on=decided_on, **kwargs
    )


def test_nothing_in_force_without_an_adoption(district):
    assert version_in_force(district.concept, TODAY) is None
    draft = version(district, 1, S.DRAFT)
    assert version_in_force(district.concept, TODAY) is None
    assert draft_in_progress(district.concept) == draft
    assert version_in_force(None) is None and draft_in_progress(None) is None


def test_the_latest_adoption_is_in_force_and_the_newest_draft_is_prepared(district):
    version(district, 1, S.SUPERSEDED, datetime.date(2007, 12, 17))
    adopted = version(district, 2, S.ADOPTED, datetime.date(2015, 6, 22))
    version(district, 3, S.IN_CONSULTATION)
    newest = version(district, 4, S.IN_DELIBERATION)
    assert version_in_force(district.concept, TODAY) == adopted
    assert draft_in_progress(district.concept) == newest


def test_a_decision_dated_later_takes_effect_on_its_day(district):
    old = version(district, 1, S.SUPERSEDED, datetime.date(2015, 6, 22))
    new = version(district, 2, S.ADOPTED, datetime.date(2027, 3, 25))
    assert version_in_force(district.concept, TODAY) == old
    assert version_in_force(district.concept, datetime.date(2027, 3, 24)) == old
    assert version_in_force(district.concept, datetime.date(2027, 3, 25)) == new
    # Adopted (even for a later day) is no draft.
    assert draft_in_progress(district.concept) is None


def test_a_superseded_version_without_a_successor_is_not_in_force(district):
    version(district, 1, S.SUPERSEDED, datetime.date(2015, 6, 22))
    assert version_in_force(district.concept, TODAY) is None


def test_two_adopted_versions_the_later_decision_counts(district):
    # A historic decision recorded after a newer one: the newer decision is in force.
    newer = version(district, 1, S.ADOPTED, datetime.date(2020, 5, 1))
    version(district, 2, S.ADOPTED, datetime.date(2015, 6, 22))
    assert version_in_force(district.concept, TODAY) == newer


def test_one_query(district, django_assert_num_queries):
    for number in range(1, 6):
        version(district, number, S.SUPERSEDED, datetime.date(2010 + number, 1, 1))
    concept = district.concept
    with django_assert_num_queries(1):
        version_in_force(concept, TODAY)


def test_the_list_of_versions_marks_the_one_in_force(client, district, ki_staff):
    version(district, 1, S.SUPERSEDED, datetime.date(2007, 12, 17), title="Rahmenkonzept 2007")
    version(district, 2, S.ADOPTED, datetime.date(2015, 6, 22), title="Konzept 2015")
    version(district, 3, S.DRAFT, title="Fortschreibung")
    client.force_login(ki_staff)
    html = client.get(reverse("concepts:versions", args=[district.slug])).content.decode()
    rows = [row for row in html.split("<tr>") if "in Kraft" in row]
    assert len(rows) == 1 and "Konzept 2015" in rows[0]


def test_the_fassung_page_says_whether_it_is_in_force(client, district, ki_staff):
    old = version(district, 1, S.ADOPTED, datetime.date(2015, 6, 22), title="Konzept 2015")
    draft = version(district, 2, S.DRAFT, title="Fortschreibung")
    client.force_login(ki_staff)

    def page(v):
        return client.get(reverse("concepts:version_detail", args=[district.slug, v.pk]))

    assert 'id="in-kraft"' in page(old).content.decode()
    assert 'id="in-kraft"' not in page(draft).content.decode()
