"""A District with measures inside and outside the reporting period 2025, and its report."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from concepts.models import FocusArea
from measures.models import Indicator, Measure
from reports.models import ProgressReport
from tests import factories
from tests.reports.routes import make_report

D = datetime.date


@dataclass
class Data:
    report: ProgressReport
    rucksack: Measure
    families: Indicator
    counselling: Indicator
    opening: Measure
    undated: Measure


def value(indicator, day, number, municipality=None):
    return factories.MeasurementFactory(
        indicator=indicator, date=day, value=Decimal(number), municipality=municipality
    )


@pytest.fixture
def data(district) -> Data:
    altstadt = factories.MunicipalityFactory(district=district, name="Altstadt")
    bergdorf = factories.MunicipalityFactory(district=district, name="Bergdorf")
    sprache = factories.FieldOfActionFactory(district=district, name="Sprache")
    education = factories.focus_area(FocusArea.Code.EDUCATION)
    cross = factories.focus_area(FocusArea.Code.CROSS_CUTTING)

    rucksack = factories.MeasureFactory(
        district=district,
        title="Rucksack KiTa",
        focus_area=education,
        field_of_action=sprache,
        start=D(2024, 1, 1),
        lead_actor=factories.ActorFactory(district=district, name="Caritas im Kreis"),
    )
    rucksack.municipalities.set([altstadt, bergdorf])
    families = factories.IndicatorFactory(
        measure=rucksack, name="Teilnehmende Familien", unit="Familien",
        baseline=Decimal(100), target=Decimal(200),
    )  # fmt: skip
    value(families, D(2024, 6, 30), 120)  # before the period: the comparison value
    value(families, D(2025, 3, 31), 150)
    value(families, D(2025, 9, 30), 175)  # latest in the period: 75 % of the way
    value(families, D(2026, 3, 31), 190)  # after the period: must not appear
    value(families, D(2024, 12, 1), 30, bergdorf)  # before the period
    value(families, D(2025, 2, 1), 40, altstadt)
    value(families, D(2025, 8, 1), 45, altstadt)  # Altstadt's latest in the period
    value(families, D(2026, 1, 15), 35, bergdorf)  # after the period
    counselling = factories.IndicatorFactory(
        measure=rucksack, name="Beratungen", unit="Gespräche",
        baseline=Decimal(1000), target=Decimal(2000),
    )  # fmt: skip
    value(counselling, D(2025, 6, 30), "1234.5")  # 23,4 % of the way: behind

    opening = factories.MeasureFactory(
        district=district,
        title="Interkulturelle Öffnung der Verwaltung",
        focus_area=cross,
        status=Measure.Status.COMPLETED,
        start=D(2023, 1, 1),
        end=D(2025, 3, 31),
    )
    undated = factories.MeasureFactory(
        district=district, title="Laiensprachmittlerpool", focus_area=cross,
        status=Measure.Status.REGULAR,
    )  # fmt: skip
    factories.MeasureFactory(
        district=district, title="Alte Maßnahme", focus_area=cross,
        start=D(2022, 1, 1), end=D(2024, 12, 31),
    )  # fmt: skip
    factories.MeasureFactory(
        district=district, title="Künftige Maßnahme", focus_area=education, start=D(2026, 1, 1)
    )
    factories.MeasureFactory(
        district=district, title="Archivierte Maßnahme", focus_area=education, is_archived=True
    )
    report = make_report(
        district,
        introduction="Der Bericht zeigt den **Stand** der Maßnahmen.",
        remarks="Im nächsten Jahr wird die Kennzahl *Beratungen* neu gefasst.",
    )
    return Data(report, rucksack, families, counselling, opening, undated)
