"""The liaison's start page: open rounds of their municipality, their measures, the concept."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from concepts.models import ConceptVersion
from coordination.models import PriorityRound
from tests import factories

pytestmark = pytest.mark.django_db


def home(client, user, district):
    client.force_login(user)
    response = client.get(reverse("workspace:home", args=[district.slug]))
    assert response.status_code == 200
    return response


def test_open_rounds_show_whether_the_own_municipality_answered(
    client, district, municipality, liaison
):
    other = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    period = factories.WorkPeriodFactory(district=district)
    answered = factories.PriorityRoundFactory(
        district=district,
        work_period=period,
        title="Runde beantwortet",
        status=PriorityRound.Status.OPEN,
    )
    factories.SubmissionFactory(round=answered, municipality=municipality)
    waiting = factories.PriorityRoundFactory(
        district=district, work_period=period, title="Runde offen", status=PriorityRound.Status.OPEN
    )
    factories.SubmissionFactory(round=waiting, municipality=other)  # not ours
    factories.PriorityRoundFactory(
        district=district,
        work_period=period,
        title="Runde in Vorbereitung",
        status=PriorityRound.Status.DRAFT,
    )
    factories.PriorityRoundFactory(title="Fremde Runde", status=PriorityRound.Status.OPEN)

    response = home(client, liaison, district)
    rounds = {r.title: r.answered for r in response.context["open_rounds"]}
    assert rounds == {"Runde beantwortet": True, "Runde offen": False}
    html = response.content.decode()
    assert "Offene Abstimmungsrunden" in html
    assert "noch nicht beantwortet" in html
    assert "Runde in Vorbereitung" not in html


def test_measures_of_own_municipality_and_kreisweit_with_latest_value(
    client, district, municipality, liaison
):
    other = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    own = factories.MeasureFactory(district=district, title="Sprachförderung Beispielstadt")
    own.municipalities.add(municipality)
    factories.MeasureFactory(district=district, title="Kreisweite Beratung")
    foreign = factories.MeasureFactory(district=district, title="Maßnahme Nachbarstadt")
    foreign.municipalities.add(other)
    factories.MeasurementFactory(
        indicator__measure=own,
        indicator__name="Erreichte Familien",
        value=Decimal("150"),
        date=datetime.date(2026, 6, 30),
    )

    response = home(client, liaison, district)
    titles = [m.title for m in response.context["liaison_measures"]]
    assert sorted(titles) == ["Kreisweite Beratung", "Sprachförderung Beispielstadt"]
    html = response.content.decode()
    assert "Maßnahmen für Beispielstadt und kreisweit" in html
    assert "Erreichte Familien" in html
    assert "30.06.2026" in html
    assert "50,0 % des Ziels" in html  # baseline 100, target 200, value 150
    assert "Maßnahme Nachbarstadt" not in html


def test_link_to_the_adopted_version_never_a_draft(client, district, liaison):
    adopted = factories.ConceptVersionFactory(
        concept=district.concept,
        number=1,
        title="Integrationskonzept 2021",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2021, 5, 1),
    )
    factories.ConceptVersionFactory(concept=district.concept, number=2, title="Entwurf 2027")
    html = home(client, liaison, district).content.decode()
    assert reverse("concepts:version_detail", args=[district.slug, adopted.pk]) in html
    assert "„Integrationskonzept 2021“ lesen" in html
    assert "Entwurf 2027" not in html


def test_ki_staff_do_not_get_the_liaison_cards(client, district, ki_staff):
    factories.PriorityRoundFactory(
        district=district, title="Runde offen", status=PriorityRound.Status.OPEN
    )
    response = home(client, ki_staff, district)
    assert "open_rounds" not in response.context
    assert "Offene Abstimmungsrunden" not in response.content.decode()
