"""Reading the official municipality list (GV-ISys) and planning what an import would change.

No package reachable from here ships the Gemeindeverzeichnis itself (see README, "Kommunen"),
so the KI uploads the file the Statistisches Bundesamt publishes. Two layouts are read:

1. **GV-ISys** – the "Gemeindeverzeichnis-Informationssystem GV-ISys" extract of Destatis
   ("AuszugGV…" as XLSX, or that sheet saved as CSV). Its municipality rows have Satzart ``60``;
   the columns, counted from the first, are: Satzart, Textkennzeichen, Land (2 digits),
   Regierungsbezirk (1), Kreis (2), Gemeindeverband (4), Gemeinde (3), Gemeindename,
   Fläche km², Bevölkerung insgesamt, … We read Satzart, Land, RB, Kreis, Gem, Gemeindename
   and Bevölkerung insgesamt; the AGS is Land + RB + Kreis + Gem (8 digits). The rows above
   the data (titles, the multi-row header) and all other Satzarten (Land, RB, Kreis,
   Gemeindeverband) are passed over. The name's official suffix (", Stadt") is dropped.
   The same directory as fixed-width text, **GV100AD**, is read too (``_parse_gv100ad``).
2. **Simple CSV** – a first row ``AGS;Name;Einwohner;Stand`` (``;``, ``,`` or tab), for lists
   kept by hand or copied from IT.NRW; Einwohner and Stand (a year or a date) may be empty.

Only rows whose AGS begins with the District's 5-digit key are taken; the others are counted
as belonging to another Kreis. Nothing here writes: ``plan_import`` says what
``districts.services.municipalities_import`` would do, and the service checks it again.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.text import capfirst
from openpyxl import load_workbook

AGS = re.compile(r"^\d{8}$")
MAX_BYTES = 20 * 1024 * 1024
GV_ISYS = "GV-ISys (Statistisches Bundesamt)"
SIMPLE = "AGS;Name;Einwohner;Stand"
GV100AD = "GV100AD (Statistisches Bundesamt)"
# A GV100AD record starts with the Satzart (2 digits) and the Gebietsstand (YYYYMMDD).
GV100AD_LINE = re.compile(r"^\d{2}(19|20)\d{6}\d")
# GV-ISys: Satzart 60 = Gemeinde; column positions of the extract (see module docstring).
SATZART_GEMEINDE = "60"
COL_SATZART, COL_LAND, COL_RB, COL_KREIS, COL_GEM, COL_NAME, COL_POPULATION = 0, 2, 3, 4, 6, 7, 9
KEY_WIDTHS = {COL_LAND: 2, COL_RB: 1, COL_KREIS: 2, COL_GEM: 3}


class ImportFileError(ValueError):
    """The file cannot be read at all; the message is German and meant for the user."""


@dataclass(frozen=True)
class Row:
    line: int
    ags: str
    name: str
    population: int | None = None
    population_year: int | None = None


@dataclass
class ParsedFile:
    layout: str
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_file(name: str, content: bytes) -> ParsedFile:
    """The municipality rows of an uploaded GV-ISys extract (XLSX/CSV) or simple CSV."""
    if not content:
        raise ImportFileError("Die Datei ist leer.")
    if len(content) > MAX_BYTES:
        raise ImportFileError("Die Datei ist größer als 20 MB; das ist kein Gemeindeverzeichnis.")
    if content[:2] == b"PK" or name.lower().endswith((".xlsx", ".xlsm")):
        table = _xlsx_rows(content)
    else:
        text = _decode(content)
        if GV100AD_LINE.match(text):
            return _parse_gv100ad(text)
        table = _csv_rows(text)
    table = [(line, [_cell(value) for value in cells]) for line, cells in table]
    first = next((cells for _, cells in table if any(cells)), [])
    if first and first[0].strip().upper() == "AGS":
        return _parse_simple(table)
    parsed = _parse_gv_isys(table)
    if not parsed.rows and not parsed.errors:
        raise ImportFileError(
            "In der Datei steht keine Gemeinde: Erwartet wird der Auszug aus dem "
            "Gemeindeverzeichnis GV-ISys (Zeilen mit Satzart 60) oder eine CSV-Datei mit der "
            "Kopfzeile „AGS;Name;Einwohner;Stand“."
        )
    return parsed


def _xlsx_rows(content: bytes) -> list[tuple[int, list]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise ImportFileError(
            "Die Datei lässt sich nicht als Excel-Arbeitsmappe (XLSX) lesen."
        ) from error
    rows = []
    try:
        # The extract has sheets for notes and one for the municipalities; rows of Satzart 60
        # are found wherever they are.
        for sheet in workbook.worksheets:
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                rows.append((number, list(cells)))
    except Exception as error:
        raise ImportFileError("Die Excel-Arbeitsmappe ist beschädigt.") from error
    finally:
        workbook.close()
    return rows


def _decode(content: bytes) -> str:
    # Destatis' CSV exports are Windows-1252; a file saved by hand is mostly UTF-8.
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise ImportFileError("Die Datei ist weder eine CSV- noch eine Excel-Datei.")
    return text


def _csv_rows(text: str) -> list[tuple[int, list]]:
    sample = "\n".join(text.splitlines()[:50])
    delimiter = max((";", ",", "\t"), key=sample.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return [(number, cells) for number, cells in enumerate(reader, start=1)]
    except csv.Error as error:
        raise ImportFileError("Die CSV-Datei lässt sich nicht lesen.") from error


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(text: str) -> int | None:
    """A count as the files write it: 55123, 55.123 or 55 123; empty → None."""
    digits = re.sub(r"[\s.\u00a0']", "", text)
    if not digits:
        return None
    if not digits.isdigit():
        raise ValueError(text)
    return int(digits)


def _year(text: str) -> int | None:
    """A year from "2023" or a date "31.12.2023" / "2023-12-31"; empty → None."""
    if not text:
        return None
    match = re.fullmatch(r"(\d{4})|\d{1,2}\.\d{1,2}\.(\d{4})|(\d{4})-\d{2}-\d{2}(?:[ T].*)?", text)
    if not match:
        raise ValueError(text)
    year = int(next(group for group in match.groups() if group))
    if not 1950 <= year <= 2100:
        raise ValueError(text)
    return year


def _official_name(text: str) -> str:
    # GV-ISys writes "Hilden, Stadt"; the KI and its papers say "Hilden".
    return text.split(",")[0].strip()


def _parse_gv_isys(table) -> ParsedFile:
    parsed = ParsedFile(layout=GV_ISYS)
    for line, cells in table:
        if not cells or cells[COL_SATZART] != SATZART_GEMEINDE:
            continue
        cells = cells + [""] * (COL_POPULATION + 1 - len(cells))
        parts = []
        for column, width in KEY_WIDTHS.items():
            part = cells[column]
            # Excel may have turned "05" into the number 5; the width of each key is fixed.
            parts.append(part.zfill(width) if part.isdigit() else part)
        ags = "".join(parts)
        name = _official_name(cells[COL_NAME])
        if not AGS.match(ags) or any(
            len(part) != width for part, width in zip(parts, KEY_WIDTHS.values(), strict=True)
        ):
            parsed.errors.append(
                f"Zeile {line}: Aus Land, RB, Kreis und Gemeinde ergibt sich kein AGS mit 8 "
                f"Ziffern („{ags}“)."
            )
            continue
        if not name:
            parsed.errors.append(f"Zeile {line}: Der Gemeindename fehlt.")
            continue
        try:
            population = _number(cells[COL_POPULATION])
        except ValueError:
            parsed.errors.append(
                f"Zeile {line}: „{cells[COL_POPULATION]}“ ist keine Einwohnerzahl."
            )
            continue
        parsed.rows.append(Row(line=line, ags=ags, name=name, population=population))
    return parsed


def _parse_gv100ad(text: str) -> ParsedFile:
    """GV100AD: one fixed-width line per record; Satzart 60 (Gemeinde) has the Regionalschlüssel
    (= AGS) at 11–18, the name at 23–72 and Bevölkerung insgesamt at 140–150 (positions as
    read by the MIT-licensed reader gv100ad-py, ``entities/municipality.py``)."""
    parsed = ParsedFile(layout=GV100AD)
    for line, record in enumerate(text.splitlines(), start=1):
        if not record.startswith(SATZART_GEMEINDE):
            continue
        ags, name = record[10:18], _official_name(record[22:72])
        if not AGS.match(ags) or not name:
            parsed.errors.append(f"Zeile {line}: kein Gemeindesatz mit AGS aus 8 Ziffern und Name.")
            continue
        try:
            population = _number(record[139:150])
        except ValueError:
            parsed.errors.append(
                f"Zeile {line}: „{record[139:150].strip()}“ ist keine Einwohnerzahl."
            )
            continue
        parsed.rows.append(Row(line=line, ags=ags, name=name, population=population))
    return parsed


def _parse_simple(table) -> ParsedFile:
    parsed = ParsedFile(layout=SIMPLE)
    header_seen = False
    for line, cells in table:
        if not any(cells):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = cells + [""] * (4 - len(cells))
        ags, name = cells[0].replace(" ", ""), _official_name(cells[1])
        if not AGS.match(ags):
            hint = (
                " (die führende 0 fehlt – Excel hat sie vermutlich entfernt)"
                if (len(ags) == 7 and ags.isdigit())
                else ""
            )
            parsed.errors.append(
                f"Zeile {line}: „{cells[0]}“ ist kein AGS; er besteht aus genau 8 Ziffern{hint}."
            )
            continue
        if not name:
            parsed.errors.append(f"Zeile {line}: Der Name fehlt.")
            continue
        try:
            population = _number(cells[2])
        except ValueError:
            parsed.errors.append(f"Zeile {line}: „{cells[2]}“ ist keine Einwohnerzahl.")
            continue
        try:
            year = _year(cells[3])
        except ValueError:
            parsed.errors.append(
                f"Zeile {line}: „{cells[3]}“ ist kein Stand (Jahr wie 2023 oder Datum wie "
                "31.12.2023)."
            )
            continue
        parsed.rows.append(
            Row(line=line, ags=ags, name=name, population=population, population_year=year)
        )
    return parsed


# --- Planning ----------------------------------------------------------------------------------

FIELD_LABELS = {
    "name": "Name",
    "ags": "AGS",
    "population": "Einwohnerzahl",
    "population_year": "Stand",
    "population_source": "Quelle",
}


@dataclass
class PlannedChange:
    row: Row
    values: dict
    municipality: object | None = None  # None: a new municipality
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (label, old, new)


@dataclass
class ImportPlan:
    created: list[PlannedChange] = field(default_factory=list)
    changed: list[PlannedChange] = field(default_factory=list)
    unchanged: int = 0
    other_district: int = 0
    errors: list[str] = field(default_factory=list)
    not_in_file: list = field(default_factory=list)

    @property
    def has_work(self) -> bool:
        return bool(self.created or self.changed)


def plan_import(
    district, rows: list[Row], *, population_year=None, population_source=""
) -> ImportPlan:
    """What importing ``rows`` into ``district`` would create and change; nothing is written.

    A row is matched to a municipality by AGS, else by name among those without an AGS (the
    demo Districts and lists typed by hand have names but few AGS). ``population_year`` and
    ``population_source`` apply to rows with a population that bring no Stand of their own.
    """
    plan = ImportPlan()
    existing = list(district.municipalities.all())
    by_ags = {m.ags: m for m in existing if m.ags}
    by_name = {m.name.casefold(): m for m in existing}
    seen_ags: dict[str, int] = {}
    matched = set()
    for row in rows:
        if not belongs_to(district, row.ags):
            plan.other_district += 1
            continue
        if row.ags in seen_ags:
            plan.errors.append(
                f"Zeile {row.line}: Der AGS {row.ags} steht schon in Zeile {seen_ags[row.ags]}."
            )
            continue
        seen_ags[row.ags] = row.line
        values = {"ags": row.ags, "name": row.name}
        if row.population is not None:
            values.update(
                population=row.population,
                population_year=row.population_year or population_year,
                population_source=population_source,
            )
        municipality = by_ags.get(row.ags)
        if municipality is None:
            namesake = by_name.get(row.name.casefold())
            if namesake is not None and namesake.ags:
                plan.errors.append(
                    f"Zeile {row.line}: {row.name} hat hier den AGS {namesake.ags}, die Datei "
                    f"nennt {row.ags}. Bitte den AGS der Kommune erst von Hand prüfen."
                )
                continue
            municipality = namesake
        if municipality is None:
            plan.created.append(PlannedChange(row=row, values=values))
            continue
        if municipality.pk in matched:
            plan.errors.append(f"Zeile {row.line}: {row.name} steht zweimal in der Datei.")
            continue
        matched.add(municipality.pk)
        changes = [
            (FIELD_LABELS[name], _shown(name, getattr(municipality, name)), _shown(name, value))
            for name, value in values.items()
            if getattr(municipality, name) != value
        ]
        if changes:
            plan.changed.append(
                PlannedChange(row=row, values=values, municipality=municipality, changes=changes)
            )
        else:
            plan.unchanged += 1
    plan.not_in_file = [m for m in existing if m.pk not in matched]
    return plan


def belongs_to(district, ags: str) -> bool:
    """The AGS is one of ``district``'s: it begins with the Kreis's 5-digit key; a District
    with an 8-digit key (Stadt Aachen in the StädteRegion) is that one municipality."""
    if len(district.official_key) == 8:
        return ags == district.official_key
    return ags.startswith(district.ags_prefix)


def _shown(name: str, value) -> str:
    if value is None or value == "":
        return "–"
    if name == "population":
        return number_format(value, force_grouping=True)
    return capfirst(str(value))
