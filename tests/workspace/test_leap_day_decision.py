"""Issue 14: a Kreistag decision dated 29.02.2024 took the dashboard and the Förderfähigkeit page
down with HTTP 500 (``date.replace(year=…)``). Every page that computes a date from it answers.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from actors.models import Committee
from concepts.models import ConceptVersion
from papers.models import DecisionPaper
from tests import factories
from workspace import compliance

pytestmark = pytest.mark.django_db

LEAP_DAY = datetime.date(2024, 2, 29)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def leap_district(district):
    adopted = factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        title="Integrationskonzept 2024",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=LEAP_DAY,
        submitted_on=datetime.date(2024, 3, 15),
    )
    draft = factories.ConceptVersionFactory(
        concept=district.concept,
        number=2,
        title="Fortschreibung 2028",
        status=ConceptVersion.Status.DRAFT,
        based_on=adopted,
        deadline=datetime.date(2028, 6, 30),
    )
    factories.WorkPeriodFactory(district=district)
    # A Kreistag meeting on a leap day too: the prefilled Vorlage computes the next review
    # from the day the Kreistag will decide.
    kreistag = factories.CommitteeFactory(
        district=district, name="Kreistag", kind=Committee.Kind.COUNCIL, path_position=1
    )
    factories.MeetingFactory(
        committee=kreistag,
        start=datetime.datetime(2028, 2, 29, 17, 0, tzinfo=ZoneInfo("Europe/Berlin")),
    )
    return district, adopted, draft


@pytest.mark.parametrize("years", [1, 3, 5])
def test_every_page_computing_a_date_answers(client, leap_district, ki_lead, years):
    district, adopted, draft = leap_district
    factories.land_set(district, review_interval_years=years)
    client.force_login(ki_lead)
    slug = district.slug
    pages = [
        reverse("workspace:home", args=[slug]),
        reverse("workspace:compliance", args=[slug]),
        reverse("workspace:staffing", args=[slug]),
        reverse("concepts:versions", args=[slug]),
        reverse("concepts:version_detail", args=[slug, adopted.pk]),
        reverse("concepts:version_detail", args=[slug, draft.pk]),
        reverse("concepts:periods", args=[slug]),
        reverse("public:start", args=[slug]),
        reverse("public:concept", args=[slug]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url

    checklist = text(client.get(reverse("workspace:compliance", args=[slug])).content.decode())
    assert "beschlossen vom Kreistag am 29.02.2024" in checklist
    public = text(client.get(reverse("public:concept", args=[slug])).content.decode())
    assert "beschlossen vom Kreistag am 29.02.2024" in public

    # "Vorlage aus Konzeptfassung": the paper is made and its page answers.
    response = client.post(reverse("papers:from_version", args=[slug, draft.pk]))
    assert response.status_code == 302
    paper = DecisionPaper.objects.get(district=district, concept_version=draft)
    assert client.get(reverse("papers:detail", args=[slug, paper.pk])).status_code == 200


def test_the_age_rule_counts_from_the_leap_day(client, leap_district, ki_lead):
    district, _adopted, _draft = leap_district
    factories.land_set(district, review_interval_years=3)
    rules = {r.code: r for r in compliance.checklist(district, today=datetime.date(2027, 3, 1))}
    # 29.02.2024 + 3 years: 28.02.2027 (BGB § 188 Abs. 3), not an error.
    assert [f.label for f in rules["aktualitaet"].failures] == [
        "Integrationskonzept 2024: beschlossen am 29.02.2024, Überprüfung fällig seit 28.02.2027"
    ]
    rules = {r.code: r for r in compliance.checklist(district, today=datetime.date(2027, 2, 28))}
    assert rules["aktualitaet"].passed
