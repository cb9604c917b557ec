"""Tabular downloads: CSV as German Excel reads it, and XLSX with real numbers and dates.

An export declares its ``Column``s and yields rows of plain Python values (str, int, Decimal,
date, None); these helpers write them. Text that a spreadsheet would run as a formula is
neutralised (CSV/formula injection, OWASP): a leading ``= + - @``, tab or carriage return gets
an apostrophe in CSV and is stored as text, never as a formula, in XLSX.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.http import HttpResponse
from django.utils import timezone

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel allows 31 characters and none of these in a sheet title.
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


class Kind(StrEnum):
    TEXT = "text"
    NUMBER = "number"  # two decimal places
    PERCENT = "percent"  # a number of percent (50,0), one decimal place
    DATE = "date"


# Excel number formats; Excel shows them with the reader's own decimal separator.
_NUMBER_FORMATS = {Kind.NUMBER: "#,##0.00", Kind.PERCENT: "0.0", Kind.DATE: "DD.MM.YYYY"}
# Decimal places in CSV, so a value reads the same whichever database computed it.
_PLACES = {Kind.NUMBER: Decimal("0.01"), Kind.PERCENT: Decimal("0.1")}


@dataclass(frozen=True)
class Column:
    label: str
    kind: Kind = Kind.TEXT
    width: int = 14  # in characters, for XLSX


def neutralise(value: str) -> str:
    """Text that cannot start a formula in a spreadsheet: ``=SUMME(A1)`` → ``'=SUMME(A1)``."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_value(value, kind: Kind = Kind.TEXT) -> str:
    """One cell as German Excel reads it: decimal comma, dates as d.m.Y, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, Decimal):
        if kind in _PLACES:
            value = value.quantize(_PLACES[kind])
        return format(value, "f").replace(".", ",")
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return neutralise(str(value))


def csv_bytes(columns: Sequence[Column], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with BOM and semicolons: German Excel opens it with umlauts and columns intact."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(column.label) for column in columns])
    for row in rows:
        writer.writerow(
            [csv_value(value, column.kind) for column, value in zip(columns, row, strict=True)]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(
    columns: Sequence[Column], rows: Iterable[Sequence], *, sheet_title: str, title: str
) -> bytes:
    """An XLSX workbook: bold frozen header with a filter, column widths, typed cells."""
    return xlsx_workbook([(sheet_title, columns, rows)], title=title)


def xlsx_workbook(
    sheets: Sequence[tuple[str, Sequence[Column], Iterable[Sequence]]], *, title: str
) -> bytes:
    """An XLSX workbook of one sheet per ``(sheet title, columns, rows)``, each as
    ``xlsx_bytes`` writes its one sheet."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.properties.title = title
    workbook.properties.language = "de-DE"
    workbook.remove(workbook.active)
    for sheet_title, columns, rows in sheets:
        _write_sheet(
            workbook.create_sheet(sheet_title.translate(_SHEET_FORBIDDEN)[:31]), columns, rows
        )
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()


def _write_sheet(sheet, columns: Sequence[Column], rows: Iterable[Sequence]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append([column.label for column in columns])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    for row_number, row in enumerate(rows, start=2):
        for column_number, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            if value is None or value == "":
                continue
            cell = sheet.cell(row=row_number, column=column_number)
            if isinstance(value, str):
                cell.value = value
                # Stored as text: openpyxl would otherwise write "=…" as a formula.
                cell.data_type = "s"
                continue
            if isinstance(value, datetime.datetime):
                value = timezone.localtime(value).replace(tzinfo=None)
            cell.value = value
            number_format = _NUMBER_FORMATS.get(column.kind)
            if number_format:
                cell.number_format = number_format
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def download(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(columns: Sequence[Column], rows: Iterable[Sequence], *, filename: str):
    return download(
        csv_bytes(columns, rows), filename=filename, content_type="text/csv; charset=utf-8"
    )


def xlsx_response(
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    *,
    filename: str,
    sheet_title: str,
    title: str,
):
    content = xlsx_bytes(columns, rows, sheet_title=sheet_title, title=title)
    return download(content, filename=filename, content_type=XLSX_CONTENT_TYPE)
