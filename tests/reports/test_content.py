"""What the Sachstandsbericht shows: the measures of the period, their latest values, grouping."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from concepts.models import FocusArea
from reports.models import ProgressReport
from reports.progress import report_context, report_html
from tests import factories
from tests.reports.routes import make_report

D = datetime.date


def entries(context):
    return {i.indicator.name: i for m in context["measures"] for i in m.indicators}


def titles(context):
    return [m.measure.title for m in context["measures"]]


@pytest.mark.django_db
def test_only_measures_running_in_the_period_and_not_archived(data):
    context = report_context(data.report)
    assert sorted(titles(context)) == [
        "Interkulturelle Öffnung der Verwaltung",  # ended within the period
        "Laiensprachmittlerpool",  # no dates: part of the running catalogue
        "Rucksack KiTa",
    ]


@pytest.mark.django_db
def test_grouped_by_schwerpunkt_in_order_then_handlungsfeld(data):
    groups = report_context(data.report)["focus_groups"]
    assert [g.focus_area.code for g in groups] == [
        FocusArea.Code.EDUCATION,
        FocusArea.Code.CROSS_CUTTING,
    ]
    education, cross = groups
    assert [(f.name, [m.measure.title for m in f.measures]) for f in education.fields] == [
        ("Sprache", ["Rucksack KiTa"])
    ]
    assert [(f.name, [m.measure.title for m in f.measures]) for f in cross.fields] == [
        ("Ohne Handlungsfeld", ["Interkulturelle Öffnung der Verwaltung", "Laiensprachmittlerpool"])
    ]


@pytest.mark.django_db
def test_latest_value_of_the_period_with_comparison_and_attainment(data):
    families = entries(report_context(data.report))["Teilnehmende Familien"]
    assert (families.latest.value, families.latest.date) == (Decimal(175), D(2025, 9, 30))
    assert (families.comparison.value, families.comparison.date) == (Decimal(120), D(2024, 6, 30))
    assert families.attainment == Decimal("75.0")
    assert families.rating == "im Plan"
    assert families.change == Decimal(55) and families.improved is True
    # The chart runs up to the period's end: the value of 2026 is not drawn.
    assert len(families.chart.points) == 3
    assert "von 120 auf 175 Familien" in families.chart.description


@pytest.mark.django_db
def test_municipal_values_are_the_latest_within_the_period(data):
    families = entries(report_context(data.report))["Teilnehmende Familien"]
    # Bergdorf measured only before and after 2025: it has no value in this report.
    assert [(m.municipality.name, m.value, m.date) for m in families.municipal] == [
        ("Altstadt", Decimal(45), D(2025, 8, 1))
    ]


@pytest.mark.django_db
def test_totals(data):
    context = report_context(data.report)
    assert context["measure_count"] == 3
    assert context["status_counts"] == [
        ("laufend", 1),
        ("abgeschlossen", 1),
        ("in Regelangebot überführt", 1),
    ]
    assert (context["on_track"], context["behind"], context["unrated"]) == (1, 1, 0)


@pytest.mark.django_db
def test_a_period_without_values_shows_none_but_keeps_the_comparison(data):
    report = make_report(
        data.report.district, title="Erstes Quartal 2026",
        period_start=D(2026, 1, 1), period_end=D(2026, 2, 28),
    )  # fmt: skip
    families = entries(report_context(report))["Teilnehmende Familien"]
    assert families.latest is None and families.attainment is None
    assert families.rating == ""
    assert families.comparison.value == Decimal(175)


@pytest.mark.django_db
def test_html_shows_values_the_german_way_and_leaves_out_other_periods(data):
    html = report_html(data.report)
    assert "Berichtszeitraum 01.01.2025–31.12.2025" in html
    assert "Schwerpunkt „Integration durch Bildung“" in html
    assert "Handlungsfeld „Sprache“" in html
    assert "Rucksack KiTa" in html and "Caritas im Kreis" in html
    assert "Altstadt, Bergdorf" in html  # the measure's municipalities
    assert "1.234,5" in html  # thousands dot, decimal comma
    assert "23,4 %" in html and "75 %" in html
    assert "30.09.2025" in html and "30.06.2024" in html
    assert "31.03.2026" not in html and "15.01.2026" not in html  # after the period
    assert "Alte Maßnahme" not in html and "Künftige Maßnahme" not in html
    assert "Archivierte Maßnahme" not in html
    assert "<strong>Stand</strong>" in html  # the introduction's Markdown
    assert "<em>Beratungen</em>" in html


@pytest.mark.django_db
def test_html_is_accessible_in_structure(data):
    html = report_html(data.report)
    assert '<html lang="de">' in html
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", html)]
    assert levels[0] == 1
    # Headings never skip a level on the way down (PDF/UA tag tree).
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    assert '<th scope="col">Kennzahl</th>' in html
    assert 'role="img"' in html and "<figcaption>Verlauf der Kennzahl" in html
    # The table of contents links every section; the PDF prints their page numbers.
    for anchor in ("einleitung", "ueberblick", "schwerpunkt-bildung", "anmerkungen"):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html
    assert "target-counter(attr(href), page)" in html


@pytest.mark.django_db
def test_both_schwerpunkte_appear_even_without_measures(district):
    html = report_html(make_report(district))
    assert "Schwerpunkt „Integration durch Bildung“" in html
    assert "Schwerpunkt „Integration als kommunale Querschnittsaufgabe“" in html
    assert html.count("In diesem Schwerpunkt lief im Berichtszeitraum keine Maßnahme.") == 2


def _build(district, count, start):
    municipality = factories.MunicipalityFactory(district=district)
    field = factories.FieldOfActionFactory(district=district)
    for n in range(start, start + count):
        measure = factories.MeasureFactory(
            district=district,
            field_of_action=field,
            lead_actor=factories.ActorFactory(district=district),
        )
        measure.municipalities.add(municipality)
        indicator = factories.IndicatorFactory(measure=measure)
        factories.MeasurementFactory(
            indicator=indicator, date=D(2025, 1, 1) + datetime.timedelta(n)
        )
        factories.MeasurementFactory(
            indicator=indicator, date=D(2025, 6, 1), municipality=municipality
        )


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_measures(district):
    pk = make_report(district).pk
    _build(district, 5, 0)
    report = ProgressReport.objects.select_related("district").get(pk=pk)
    with CaptureQueriesContext(connection) as few:
        report_html(report)
    _build(district, 45, 5)
    report = ProgressReport.objects.select_related("district").get(pk=pk)
    with CaptureQueriesContext(connection) as many:
        html = report_html(report)
    assert html.count('class="measure"') == 50
    assert len(many) == len(few)
    assert len(few) <= 6
