"""No page of one District shows another District's name (issue 13): the rules' sources name
the seed document or the law, help texts cite no Kreis; counts speak German grammar."""

import datetime

import pytest
from django.urls import reverse

from concepts.models import ConceptVersion
from core.text import counted
from tests import factories

DEMO_NAMES = ("Märkisch", "Mettmann", "Coesfeld")


@pytest.fixture
def pages(district):
    version = factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        status=ConceptVersion.Status.IN_DELIBERATION,
        deadline=datetime.date(2027, 6, 30),
    )
    period = factories.WorkPeriodFactory(district=district)
    field = factories.FieldOfActionFactory(district=district)
    slug = district.slug
    return [
        reverse("workspace:home", args=[slug]),
        reverse("workspace:compliance", args=[slug]),
        reverse("workspace:staffing", args=[slug]),
        reverse("workspace:land_requirements_update", args=[slug]),
        reverse("concepts:versions", args=[slug]),
        reverse("concepts:version_detail", args=[slug, version.pk]),
        reverse("concepts:periods", args=[slug]),
        reverse("concepts:period_update", args=[slug, period.pk]),
        reverse("concepts:fields", args=[slug]),
        reverse("concepts:field_create", args=[slug]),
        reverse("concepts:field_update", args=[slug, field.pk]),
    ]


def test_a_districts_pages_name_no_demo_district(client, district, ki_lead, pages):
    client.force_login(ki_lead)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for name in DEMO_NAMES:
            assert name not in html, (url, name)


def test_counts_take_the_right_number():
    assert counted(1, "Ansprechperson", "Ansprechpersonen") == "1 Ansprechperson"
    assert counted(2, "Ansprechperson", "Ansprechpersonen") == "2 Ansprechpersonen"
    assert counted(0, "Maßnahme", "Maßnahmen") == "0 Maßnahmen"
    assert counted(1234, "Person", "Personen") == "1.234 Personen"


def test_one_year_is_singular(client, district, ki_lead):
    factories.land_set(district, review_interval_years=1, work_period_years=1)
    client.force_login(ki_lead)
    html = client.get(reverse("workspace:compliance", args=[district.slug])).content.decode()
    assert "höchstens 1 Jahr alt" in html
    for name in ("workspace:staffing", "concepts:periods"):
        html = client.get(reverse(name, args=[district.slug])).content.decode()
        assert "1 Jahre" not in html, name
