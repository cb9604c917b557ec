"""Reading KIM case figures from a CSV file (issue 19: "entered as a grid like measurements or
imported from CSV").

The dialect of the measurement import (``measures.csv_import``): semicolons, a header line,
UTF-8 with or without BOM or Windows-1252 as German Excel writes it. One line per municipality
and quarter: ``Kommune`` (name or AGS), ``Jahr``, ``Quartal``, the three figures, and one column
per topic of the District, each a whole number from 0 as the grid takes it
(``kim.forms.CountField``). ``parse`` checks every line and returns either the rows to save or
one German error per wrong cell, naming its line and column; nothing is written here.
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms

from districts.models import District

from .forms import FIGURES, FIXED_COLUMNS, CountField, column_key
from .models import CaseFigures, CaseTopic
from .services import QuarterFigures

PLACE, YEAR, QUARTER = FIXED_COLUMNS[:3]
COUNT = CountField()


def columns(topics: list[CaseTopic]) -> list[str]:
    """The header line of a file for a District with these topics."""
    return [*FIXED_COLUMNS, *(topic.name for topic in topics)]


@dataclass
class ImportRow:
    """One checked line: the quarter it saves and the stored figures it replaces, if any."""

    line: int
    figures: QuarterFigures
    replaces: CaseFigures | None = None

    @property
    def changes(self) -> bool:
        return not self.figures.same_as(self.replaces)

    @property
    def counts(self) -> list[int]:
        """The row's numbers in column order, for the preview."""
        return [
            *(getattr(self.figures, key) for key, _label in FIGURES),
            *self.figures.topics.values(),
        ]

    @property
    def replaced_counts(self) -> list[int | None]:
        stored = {count.topic_id: count.count for count in self.replaces.topics.all()}
        return [
            *(getattr(self.replaces, key) for key, _label in FIGURES),
            *(stored.get(topic.pk) for topic in self.figures.topics),
        ]


@dataclass
class ImportResult:
    topics: list[CaseTopic] = field(default_factory=list)
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
        """Rows that change a stored quarter (same municipality, year and quarter)."""
        return sum(1 for row in self.rows if row.replaces is not None and row.changes)

    @property
    def unchanged(self) -> int:
        return len(self.rows) - self.new - self.replaced

    @property
    def last_year(self) -> int | None:
        return max((row.figures.year for row in self.rows), default=None)


def parse(text: str, district: District, *, years: range) -> ImportResult:
    """Check every line of ``text`` against ``district``'s municipalities and topics; a year
    outside ``years`` (the grid's) is refused."""
    topics = CaseTopic.for_district(district)
    result = ImportResult(topics=topics)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    lines, start = [], 1
    try:
        for cells in reader:
            lines.append((reader.line_num, cells))
            start = reader.line_num + 1
    except csv.Error:  # e.g. a quotation mark that never closes swallows the rest of the file
        result.errors.append(
            f"Zeile {start}: Die Datei lässt sich ab hier nicht als CSV lesen; steht "
            "dort ein Anführungszeichen ohne Gegenstück?"
        )
        return result
    header = lines[0][1] if lines else None
    if header is None or not any(cell.strip() for cell in header):
        result.errors.append("Die Datei ist leer. Zeile 1 muss die Spaltenüberschriften enthalten.")
        return result
    index, errors = _header(header, topics)
    if errors:
        result.errors = errors
        return result

    municipalities = {}
    for municipality in district.municipalities.all():
        municipalities[column_key(municipality.name)] = municipality
        if municipality.ags:
            municipalities[municipality.ags] = municipality
    seen: dict[tuple, int] = {}
    for line, cells in lines[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        figures, errors = _parse_line(line, cells, index, topics, municipalities, years)
        if figures is not None:
            key = (figures.municipality.pk, figures.year, figures.quarter)
            if key in seen:
                errors.append(
                    f"Zeile {line}: {figures.municipality.name}, {figures.quarter}. Quartal "
                    f"{figures.year} steht schon in Zeile {seen[key]}."
                )
            else:
                seen[key] = line
                result.rows.append(ImportRow(line=line, figures=figures))
        result.errors.extend(errors)
    if not result.rows and not result.errors:
        result.errors.append("Die Datei enthält keine Fallzahlen, nur die Kopfzeile.")
    if result.rows and not result.errors:
        _find_replaced(result.rows, district)
    return result


def _header(header: list[str], topics: list[CaseTopic]) -> tuple[dict, list[str]]:
    """Column name → position, or the errors of line 1."""
    expected = {column_key(name): name for name in columns(topics)}
    index, errors = {}, []
    for position, cell in enumerate(header):
        if not cell.strip():
            continue  # Excel writes trailing semicolons for empty columns
        name = expected.get(column_key(cell))
        if name is None:
            errors.append(
                f"Zeile 1: Spalte „{cell.strip()}“ ist weder eine Spalte der Fallzahlen noch ein "
                f"Thema dieses Kreises (Themen: {', '.join(t.name for t in topics)})."
            )
        elif name in index:
            errors.append(f"Zeile 1: Spalte „{name}“ steht zweimal in der Kopfzeile.")
        else:
            index[name] = position
    missing = [name for name in expected.values() if name not in index]
    if missing:
        names = ", ".join(f"„{name}“" for name in missing)
        errors.append(
            f"Zeile 1: Spalte{'n' if len(missing) > 1 else ''} {names} fehl"
            f"{'en' if len(missing) > 1 else 't'}. Erwartet wird die Kopfzeile "
            f"„{';'.join(expected.values())}“ (Vorlage herunterladen)."
        )
    return index, errors


def _parse_line(line, cells, index, topics, municipalities, years):
    values = {
        name: cells[position].strip() if position < len(cells) else None
        for name, position in index.items()
    }
    absent = [name for name in index if values[name] is None]
    if absent:
        names = ", ".join(f"„{name}“" for name in absent)
        return None, [f"Zeile {line}: Spalte {names} fehlt (zu wenige Semikolons)."]

    errors: list[str] = []

    def refuse(column: str, message: str) -> None:
        errors.append(f"Zeile {line}, Spalte „{column}“: {message}")

    place = values[PLACE]
    municipality = municipalities.get(column_key(place)) or municipalities.get(place)
    if not place:
        refuse(PLACE, "Bitte die Kommune eintragen (Name oder AGS).")
    elif municipality is None:
        refuse(PLACE, f"„{place}“ gibt es in diesem Kreis nicht (Name oder AGS).")

    year = _whole(values[YEAR])
    if year is None or year not in years:
        year = None
        refuse(
            YEAR,
            f"„{values[YEAR]}“ – Bitte ein Jahr von {years.start} bis {years.stop - 1} eintragen."
            if values[YEAR]
            else "Bitte das Jahr eintragen.",
        )
    quarter = _whole(values[QUARTER])
    if quarter is None or not 1 <= quarter <= 4:
        quarter = None
        refuse(
            QUARTER,
            f"„{values[QUARTER]}“ – Das Quartal ist 1, 2, 3 oder 4."
            if values[QUARTER]
            else "Bitte das Quartal eintragen (1 bis 4).",
        )

    numbers = [label for _key, label in FIGURES] + [topic.name for topic in topics]
    if not any(values[name] for name in numbers):
        errors.append(
            f"Zeile {line}: keine Zahlen. Hat die Kommune für das Quartal nichts gemeldet, "
            "bitte die Zeile löschen."
        )
        return None, errors
    counts = {}
    for name in numbers:
        if not values[name]:
            refuse(name, "Zahl fehlt.")
            continue
        try:
            counts[name] = COUNT.clean(values[name])
        except forms.ValidationError as error:
            refuse(name, f"„{values[name]}“ – {' '.join(error.messages)}")

    if errors or municipality is None or year is None or quarter is None:
        return None, errors
    figures = QuarterFigures(
        municipality=municipality,
        year=year,
        quarter=quarter,
        **{key: counts[label] for key, label in FIGURES},
        topics={topic: counts[topic.name] for topic in topics},
    )
    return figures, errors


def _whole(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isascii() and text.isdecimal() and len(text) <= 4 else None


def _find_replaced(rows: list[ImportRow], district: District) -> None:
    """Mark the rows whose municipality already has figures for that quarter (two queries)."""
    stored = {
        (figures.municipality_id, figures.year, figures.quarter): figures
        for figures in CaseFigures.objects.for_district(district)
        .filter(
            municipality__in={row.figures.municipality.pk for row in rows},
            year__in={row.figures.year for row in rows},
        )
        .prefetch_related("topics")
    }
    for row in rows:
        figures = row.figures
        row.replaces = stored.get((figures.municipality.pk, figures.year, figures.quarter))


def template_rows(municipalities, topics, *, year: int, quarter: int) -> list[list]:
    """The template file's lines: one per municipality for the quarter, the numbers empty."""
    empty = [None] * (len(FIGURES) + len(topics))
    return [[municipality.name, year, quarter, *empty] for municipality in municipalities]
