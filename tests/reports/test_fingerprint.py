"""The stored PDF is served again until something the report shows changes."""

import datetime
from decimal import Decimal

import pytest

from reports.progress import report_fingerprint
from tests import factories


@pytest.mark.django_db
def test_fingerprint_stays_while_nothing_changes(data):
    assert report_fingerprint(data.report) == report_fingerprint(data.report)


@pytest.mark.django_db
def test_a_new_measurement_changes_the_fingerprint(data):
    before = report_fingerprint(data.report)
    factories.MeasurementFactory(
        indicator=data.counselling, date=datetime.date(2025, 12, 1), value=Decimal(1500)
    )
    assert report_fingerprint(data.report) != before


@pytest.mark.django_db
def test_editing_the_report_or_a_measure_changes_the_fingerprint(data):
    before = report_fingerprint(data.report)
    data.report.remarks = "Neuer Ausblick"
    data.report.save()
    after_report = report_fingerprint(data.report)
    assert after_report != before
    data.rucksack.title = "Rucksack KiTa (neu)"
    data.rucksack.save()
    assert report_fingerprint(data.report) != after_report


@pytest.mark.django_db
def test_fingerprint_ignores_other_districts(data, other_district):
    before = report_fingerprint(data.report)
    indicator = factories.IndicatorFactory(measure__district=other_district)
    factories.MeasurementFactory(indicator=indicator)
    assert report_fingerprint(data.report) == before
