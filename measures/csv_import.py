"""Reading measurements from a CSV file as KI staff export it from Excel.

Format: semicolon-separated, header line with the columns of ``COLUMNS``, UTF-8 (with or
without BOM) or Windows-1252 (what German Excel writes as "CSV (Trennzeichen-getrennt)");
numbers German (``1.234,5``), dates ``TT.MM.JJJJ``. ``parse`` checks every line and returns
either the rows to save or one German error per bad line; nothing is written here.
"""

import csv
import io
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from districts.models import District

from .models import Indicator, Measurement
from .services import ImportRow, row_changes

COLUMNS = ("Maßnahme", "Kennzahl", "Datum", "Wert", "Kommune", "Quelle", "Anmerkung")
REQUIRED = ("Maßnahme", "Kennzahl", "Datum", "Wert")
DISTRICTWIDE_WORDS = {"", "kreisweit", "gesamt", "kreis"}
# German number: optional sign, digits with optional thousands dots, optional decimal comma.
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_MAX_VALUE = Decimal("999999999999.99")  # Measurement.value: 14 digits, 2 decimals
_SOURCE_MAX = Measurement._meta.get_field("source").max_length


def decode(raw: bytes) -> str:
    """UTF-8 (a BOM is dropped), else Windows-1252 as Excel writes it."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def parse_number(text: str) -> Decimal | None:
    """``1.234,5`` → Decimal("1234.5"); None if ``text`` is not a German number."""
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def parse_date(text: str) -> date | None:
    return _parse_date(text.strip())


@lru_cache(maxsize=4096)
def _parse_date(text: str) -> date | None:
    # Cached: a file repeats a few Stichtage thousands of times, and strptime is slow.
    try:
        return datetime.strptime(text, "%d.%m.%Y").date()
    except ValueError:
        return None


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class ImportResult:
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def new(self) -> int:
        return sum(1 for row in self.rows if row.replaces is None)

    @property
    def replaced(self) -> int:
        """Rows that change a stored value (same Kennzahl, Stichtag and Kommune)."""
        return sum(1 for row in self.rows if row.replaces is not None and row_changes(row))

    @property
    def unchanged(self) -> int:
        return len(self.rows) - self.new - self.replaced


class _Catalogue:
    """The District's measures, indicators, municipalities and existing values, loaded once."""

    def __init__(self, district: District):
        self.district = district
        self.measures: dict[str, list] = {}
        self.indicators: dict[tuple[int, str], Indicator] = {}
        for indicator in Indicator.objects.for_district(district).select_related("measure"):
            self.indicators[(indicator.measure_id, _key(indicator.name))] = indicator
        for measure in district.measures.all():
            self.measures.setdefault(_key(measure.title), []).append(measure)
        self.municipalities = {}
        for municipality in district.municipalities.all():
            self.municipalities[_key(municipality.name)] = municipality
            if municipality.ags:
                self.municipalities[municipality.ags] = municipality


def parse(text: str, district: District) -> ImportResult:
    """Check every line of ``text`` against ``district``'s catalogue."""
    result = ImportResult()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        result.errors.append("Die Datei ist leer. Zeile 1 muss die Spaltenüberschriften enthalten.")
        return result
    positions = {_key(name): index for index, name in enumerate(header)}
    index = {}
    for column in COLUMNS:
        if _key(column) in positions:
            index[column] = positions[_key(column)]
    missing = [column for column in REQUIRED if column not in index]
    if missing:
        names = ", ".join(f"„{column}“" for column in missing)
        result.errors.append(
            f"Zeile 1: Spalte{'n' if len(missing) > 1 else ''} {names} fehl"
            f"{'en' if len(missing) > 1 else 't'}. Erwartet wird die Kopfzeile "
            f"„{';'.join(COLUMNS)}“ (Vorlage herunterladen)."
        )
        return result

    catalogue = _Catalogue(district)
    seen: dict[tuple, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        row, errors = _parse_line(line, cells, index, catalogue)
        if row is not None:
            key = (row.indicator.pk, row.date, getattr(row.municipality, "pk", None))
            if key in seen:
                errors.append(
                    f"Zeile {line}: dieselbe Kennzahl, derselbe Stichtag und dieselbe Kommune "
                    f"stehen schon in Zeile {seen[key]}."
                )
            else:
                seen[key] = line
                result.rows.append(row)
        result.errors.extend(errors)
    if not result.rows and not result.errors:
        result.errors.append("Die Datei enthält keine Messwerte, nur die Kopfzeile.")
    if result.rows and not result.errors:
        result.rows = _with_replaced_values(result.rows, district)
    return result


def _with_replaced_values(rows: list[ImportRow], district: District) -> list[ImportRow]:
    """Mark the rows whose Kennzahl, Stichtag and Kommune already have a value (one query)."""
    existing = {
        (m.indicator_id, m.date, m.municipality_id): m
        for m in Measurement.objects.for_district(district).filter(
            indicator__in={row.indicator.pk for row in rows},
            date__in={row.date for row in rows},
        )
    }
    return [
        replace(
            row,
            replaces=existing.get(
                (row.indicator.pk, row.date, row.municipality.pk if row.municipality else None)
            ),
        )
        for row in rows
    ]


def _parse_line(line: int, cells: list[str], index: dict, catalogue: _Catalogue):
    errors: list[str] = []

    def cell(column: str) -> str | None:
        position = index.get(column)
        if position is None:
            return ""  # optional column absent in the header
        if position >= len(cells):
            return None
        return cells[position].strip()

    values = {column: cell(column) for column in COLUMNS}
    absent = [column for column in REQUIRED if values[column] is None]
    if absent:
        names = ", ".join(f"„{column}“" for column in absent)
        return None, [f"Zeile {line}: Spalte {names} fehlt (zu wenige Semikolons)."]
    for column in REQUIRED:
        if not values[column]:
            errors.append(f"Zeile {line}: „{column}“ ist leer.")

    indicator = None
    title, name = values["Maßnahme"], values["Kennzahl"]
    if title:
        measures = catalogue.measures.get(_key(title), [])
        if not measures:
            errors.append(f"Zeile {line}: Maßnahme „{title}“ gibt es im Maßnahmenkatalog nicht.")
        elif len(measures) > 1:
            errors.append(f"Zeile {line}: Maßnahme „{title}“ gibt es mehrfach; bitte umbenennen.")
        elif name:
            indicator = catalogue.indicators.get((measures[0].pk, _key(name)))
            if indicator is None:
                errors.append(
                    f"Zeile {line}: Kennzahl „{name}“ gibt es bei Maßnahme „{measures[0].title}“ nicht."
                )

    day = None
    if values["Datum"]:
        day = parse_date(values["Datum"])
        if day is None:
            errors.append(
                f"Zeile {line}: „{values['Datum']}“ ist kein gültiges Datum (TT.MM.JJJJ)."
            )

    value = None
    if values["Wert"]:
        value = parse_number(values["Wert"])
        if value is None:
            errors.append(f"Zeile {line}: „{values['Wert']}“ ist keine Zahl.")
        elif value.as_tuple().exponent < -2:
            errors.append(f"Zeile {line}: „{values['Wert']}“ hat mehr als zwei Nachkommastellen.")
            value = None
        elif abs(value) > _MAX_VALUE:
            errors.append(f"Zeile {line}: „{values['Wert']}“ ist zu groß.")
            value = None

    municipality = None
    place = values["Kommune"] or ""
    if _key(place) not in DISTRICTWIDE_WORDS:
        municipality = catalogue.municipalities.get(_key(place)) or catalogue.municipalities.get(
            place
        )
        if municipality is None:
            errors.append(
                f"Zeile {line}: Kommune „{place}“ gibt es in diesem Kreis nicht "
                "(leer lassen oder „kreisweit“ für den ganzen Kreis)."
            )

    source, note = values["Quelle"] or "", values["Anmerkung"] or ""
    if len(source) > _SOURCE_MAX:
        errors.append(f"Zeile {line}: Die Quelle ist länger als {_SOURCE_MAX} Zeichen.")

    if errors or indicator is None or day is None or value is None:
        return None, errors
    row = ImportRow(
        line=line,
        indicator=indicator,
        date=day,
        value=value,
        municipality=municipality,
        source=source,
        note=note,
    )
    return row, errors


def template_csv(example: Indicator | None = None) -> bytes:
    """The template file: header line plus one example line, UTF-8 with BOM so Excel reads
    the umlauts correctly."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    if example is not None:
        writer.writerow(
            [example.measure.title, example.name, "31.12.2025", "1.234,5", "kreisweit", "", ""]
        )
    else:
        writer.writerow(
            ["Griffbereit", "Teilnehmende Familien", "31.12.2025", "125", "kreisweit", "", ""]
        )
    return out.getvalue().encode("utf-8-sig")
