"""Indicators (Kennzahlen) and their measured values.

Seed 000: strategic goals are backed by messbare Kennzahlen; evaluation measures how far the goals
were reached.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from measures.models import Indicator, Measurement
from tests import factories

UP = Indicator.Direction.UP
DOWN = Indicator.Direction.DOWN


def _indicator(baseline, target, direction=UP) -> Indicator:
    return Indicator(
        baseline=None if baseline is None else Decimal(baseline),
        target=None if target is None else Decimal(target),
        direction=direction,
    )


# --- Indicator.attainment ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "percent"),
    [("100", "0.0"), ("150", "50.0"), ("200", "100.0"), ("250", "150.0"), ("90", "-10.0")],
)
def test_attainment_when_higher_is_better(value, percent):
    # e.g. Rucksack KiTa: 100 families at the start, 200 the goal.
    assert _indicator("100", "200").attainment(Decimal(value)) == Decimal(percent)


@pytest.mark.parametrize(("value", "percent"), [("15", "50.0"), ("10", "100.0"), ("25", "-50.0")])
def test_attainment_when_lower_is_better(value, percent):
    # e.g. Seiteneinsteiger left without a school place: from 20 down to 10.
    assert _indicator("20", "10", DOWN).attainment(Decimal(value)) == Decimal(percent)


def test_attainment_without_baseline_starts_at_zero():
    assert _indicator(None, "200").attainment(Decimal("50")) == Decimal("25.0")


@pytest.mark.parametrize(
    ("direction", "value", "percent"),
    [(UP, "12", "100"), (UP, "10", "100"), (UP, "9", "0"), (DOWN, "8", "100"), (DOWN, "11", "0")],
)
def test_attainment_when_target_equals_baseline(direction, value, percent):
    # Holding a level: either reached or not, never a division by zero.
    assert _indicator("10", "10", direction).attainment(Decimal(value)) == Decimal(percent)


def test_no_attainment_without_target_or_value():
    assert _indicator("10", None).attainment(Decimal("5")) is None
    assert _indicator("10", "20").attainment(None) is None


# --- Measurement uniqueness ----------------------------------------------------------------
# Seed 004 (Coesfeld): worked out "gemeinde- bzw. stadtscharf"; no municipality = kreisweit.

DAY = datetime.date(2024, 7, 31)


@pytest.mark.django_db
def test_one_value_per_indicator_date_and_municipality():
    indicator = factories.IndicatorFactory()
    town = factories.MunicipalityFactory(district=indicator.measure.district)
    factories.MeasurementFactory(indicator=indicator, date=DAY, municipality=town)
    duplicate = Measurement(indicator=indicator, date=DAY, municipality=town, value=Decimal(1))
    with pytest.raises(ValidationError) as exc:
        duplicate.full_clean()
    assert "diese Kommune gibt es schon" in str(exc.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


@pytest.mark.django_db
def test_one_districtwide_value_per_indicator_and_date():
    indicator = factories.IndicatorFactory()
    factories.MeasurementFactory(indicator=indicator, date=DAY, municipality=None)
    duplicate = Measurement(indicator=indicator, date=DAY, value=Decimal(1))
    with pytest.raises(ValidationError) as exc:
        duplicate.full_clean()
    assert "kreisweiten Wert" in str(exc.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


@pytest.mark.django_db
def test_districtwide_and_per_municipality_values_on_the_same_date_coexist():
    indicator = factories.IndicatorFactory()
    district = indicator.measure.district
    first, second = factories.MunicipalityFactory.create_batch(2, district=district)
    factories.MeasurementFactory(indicator=indicator, date=DAY, municipality=None)
    factories.MeasurementFactory(indicator=indicator, date=DAY, municipality=first)
    factories.MeasurementFactory(indicator=indicator, date=DAY, municipality=second)
    assert indicator.measurements.filter(date=DAY).count() == 3


# --- Measure.search_text and visibility ----------------------------------------------------


@pytest.mark.django_db
def test_search_text_is_casefolded_title_goal_and_effect():
    measure = factories.MeasureFactory(
        title="Übergang Schule–Beruf", goal="Ausbildung", effect="Straße frei"
    )
    assert measure.search_text == "übergang schule–beruf ausbildung strasse frei"


@pytest.mark.django_db
def test_liaison_sees_own_and_districtwide_measures_once(district, municipality, liaison):
    from accounts.access import Access
    from accounts.models import Membership

    other = factories.MunicipalityFactory(district=district)
    both = factories.MeasureFactory(district=district, title="Beide")
    both.municipalities.add(municipality, other)
    factories.MeasureFactory(district=district, title="Kreisweit")
    factories.MeasureFactory(district=district, title="Andere").municipalities.add(other)
    access = Access(role="kommune", membership=Membership.objects.get(user=liaison))
    visible = district.measures.visible_to(access).order_by("title")
    assert [m.title for m in visible] == ["Beide", "Kreisweit"]
    assert district.measures.visible_to(Access(role="mitarbeit")).count() == 3
