"""A measure's page: Steckbrief, Kennzahlen with latest value, attainment and trend chart."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from concepts.models import ConceptVersion
from measures.models import Indicator
from tests import factories

pytestmark = pytest.mark.django_db


def day(year, month=1, d=1):
    return datetime.date(year, month, d)


def test_attainment_from_the_latest_districtwide_value(client, district, municipality, ki_staff):
    indicator = factories.IndicatorFactory(
        measure__district=district,
        name="Teilnehmende Familien",
        unit="Familien",
        baseline=Decimal(100),
        target=Decimal(200),
    )
    factories.MeasurementFactory(indicator=indicator, date=day(2023), value=Decimal(120))
    factories.MeasurementFactory(indicator=indicator, date=day(2024), value=Decimal(150))
    # A newer value of one municipality does not count towards the kreisweit target.
    factories.MeasurementFactory(
        indicator=indicator, date=day(2025), value=Decimal(1900), municipality=municipality
    )
    client.force_login(ki_staff)
    html = client.get(indicator.measure.get_absolute_url()).content.decode()
    assert "50 %" in html
    assert '150 <span class="text-muted">(01.01.2024)</span>' in html
    assert "1.900" in html  # German thousands separator in the table
    assert "Beispielstadt" in html


def test_attainment_when_lower_is_better(client, district, ki_staff):
    indicator = factories.IndicatorFactory(
        measure__district=district,
        name="Ohne Schulplatz",
        unit="Kinder",
        baseline=Decimal(20),
        target=Decimal(10),
        direction=Indicator.Direction.DOWN,
    )
    factories.MeasurementFactory(indicator=indicator, date=day(2024), value=Decimal("12.5"))
    client.force_login(ki_staff)
    html = client.get(indicator.measure.get_absolute_url()).content.decode()
    assert "75 %" in html
    assert "12,5" in html
    assert "niedriger ist besser" in html


def test_trend_chart_is_accessible_svg(client, district, ki_staff):
    indicator = factories.IndicatorFactory(
        measure__district=district,
        name="Einsätze",
        unit="Einsätze",
        baseline=Decimal(1000),
        target=Decimal(2000),
    )
    for year, value in ((2022, "1100"), (2023, "1234.5"), (2024, "1500")):
        factories.MeasurementFactory(
            indicator=indicator, date=day(year, 12, 31), value=Decimal(value)
        )
    client.force_login(ki_staff)
    html = client.get(indicator.measure.get_absolute_url()).content.decode()
    assert 'role="img"' in html
    assert (
        "Verlauf der Kennzahl „Einsätze“ (kreisweit): 3 Messwerte vom 31.12.2022 bis "
        "31.12.2024, von 1.100 auf 1.500 Einsätze; Zielwert 2.000 Einsätze." in html
    )
    assert "<polyline" in html and 'stroke-dasharray="6 4"' in html  # target as dashed line
    assert "1.234,5" in html
    assert "<caption>Messwerte der Kennzahl „Einsätze“" in html
    assert 'style="' not in html  # the CSP forbids inline styles


def test_indicator_without_values_has_no_chart(client, district, ki_staff):
    indicator = factories.IndicatorFactory(measure__district=district)
    client.force_login(ki_staff)
    html = client.get(indicator.measure.get_absolute_url()).content.decode()
    assert "kein Verlauf darstellbar" in html
    assert "noch kein Wert" in html


def test_steckbrief(client, district, municipality, council_member):
    measure = factories.MeasureFactory(
        district=district,
        title="Rucksack KiTa",
        goal="Sprachbildung",
        effect="Eltern gestärkt",
        start=day(2023, 8),
        end=None,
    )
    measure.target_groups.add(factories.TargetGroupFactory(district=district, name="Eltern"))
    measure.municipalities.add(municipality)
    draft = factories.ConceptVersionFactory(concept=district.concept, title="Entwurf 2026")
    adopted = factories.ConceptVersionFactory(
        concept=district.concept,
        title="Konzept 2015",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=day(2015, 6, 22),
    )
    measure.concept_versions.add(draft, adopted)
    client.force_login(council_member)
    html = client.get(measure.get_absolute_url()).content.decode()
    assert html.count("<h1") == 1
    for text in (
        "Sprachbildung",
        "Eltern gestärkt",
        "Eltern",
        "ab 01.08.2023, unbefristet",
        "Beispielstadt",
        "Konzept 2015",
    ):
        assert text in html
    assert "Entwurf 2026" not in html  # drafts are internal
    assert "Bearbeiten" not in html and "Messwert speichern" not in html


def test_editors_see_forms(client, district, ki_lead):
    indicator = factories.IndicatorFactory(measure__district=district, name="Familien")
    client.force_login(ki_lead)
    html = client.get(indicator.measure.get_absolute_url()).content.decode()
    assert "Messwert speichern" in html
    assert (
        'hx-post="'
        + reverse(
            "measures:measurement_add", args=[district.slug, indicator.measure_id, indicator.pk]
        )
        in html
    )
    assert 'aria-live="polite"' in html
