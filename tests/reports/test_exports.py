"""The report's figures as CSV (German Excel) and XLSX (real numbers and dates)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from reports.progress import report_rows


def get(client, name, report):
    return client.get(reverse(f"reports:{name}", args=[report.district.slug, report.pk]))


@pytest.mark.django_db
def test_rows_one_per_indicator_and_municipality_value(data):
    rows = [
        (row["measure"], row["indicator"], row["area"], row["value"])
        for row in report_rows(data.report)
    ]
    assert rows == [
        ("Rucksack KiTa", "Beratungen", "kreisweit", Decimal("1234.5")),
        ("Rucksack KiTa", "Teilnehmende Familien", "kreisweit", Decimal(175)),
        ("Rucksack KiTa", "Teilnehmende Familien", "Altstadt", Decimal(45)),
        # Measures without indicators keep a row of their own.
        ("Interkulturelle Öffnung der Verwaltung", None, None, None),
        ("Laiensprachmittlerpool", None, None, None),
    ]


@pytest.mark.django_db
def test_csv_is_german(client, data, ki_staff):
    data.undated.title = '=HYPERLINK("http://example.org")'
    data.undated.save()
    client.force_login(ki_staff)
    response = get(client, "export_csv", data.report)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="Sachstandsbericht-')
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header = rows[0]
    assert header[:3] == ["Schwerpunkt", "Handlungsfeld", "Maßnahme"]
    by_name = {(r[header.index("Kennzahl")], r[header.index("Gebiet")]): r for r in rows[1:]}
    families = by_name[("Teilnehmende Familien", "kreisweit")]
    assert families[header.index("Wert im Berichtszeitraum")] == "175,00"
    assert families[header.index("Stichtag")] == "30.09.2025"
    assert families[header.index("Wert zu Beginn vom")] == "30.06.2024"
    assert families[header.index("Zielerreichung in %")] == "75,0"
    assert families[header.index("Bewertung")] == "im Plan"
    assert by_name[("Beratungen", "kreisweit")][header.index("Wert im Berichtszeitraum")] == (
        "1234,50"
    )
    assert by_name[("Teilnehmende Familien", "Altstadt")][header.index("Stichtag")] == "01.08.2025"
    # A text that a spreadsheet would run as a formula is neutralised.
    assert any(r[header.index("Maßnahme")] == '\'=HYPERLINK("http://example.org")' for r in rows)


@pytest.mark.django_db
def test_xlsx_has_real_numbers_and_dates(client, data, ki_staff):
    client.force_login(ki_staff)
    response = get(client, "export_xlsx", data.report)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    families = next(
        r for r in rows if r[header.index("Kennzahl")] == "Teilnehmende Familien"
        and r[header.index("Gebiet")] == "kreisweit"
    )  # fmt: skip
    assert families[header.index("Wert im Berichtszeitraum")] == 175
    assert families[header.index("Stichtag")] == datetime.datetime(2025, 9, 30)
    assert families[header.index("Zielerreichung in %")] == 75
    counselling = next(r for r in rows if r[header.index("Kennzahl")] == "Beratungen")
    assert counselling[header.index("Wert im Berichtszeitraum")] == 1234.5
