"""The Districts' population, entered or imported by the Land (issue 17).

The per-1,000 figures of the Land's Kennzahlen divide by it, so it is only ever taken from the
statistics office: IT.NRW publishes the population of every Kreis and kreisfreie Stadt in its
Landesdatenbank NRW (www.landesdatenbank.nrw.de). No such file can be reached from here, so
none is shipped; the Land downloads the table, saves it as CSV with the header
``Schlüssel;Name;Einwohner;Stand`` and uploads it. Rows are matched by
``District.official_key``; any error and nothing is saved (the errors name their line).
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction

from districts.models import District

HEADER = ("schlüssel", "name", "einwohner", "stand")
MAX_BYTES = 2 * 1024 * 1024
# Rows with a shorter key are totals (Land NRW "05", a Regierungsbezirk "051"), not Districts.
DISTRICT_KEY_LENGTH = 5


class PopulationFileError(ValueError):
    """The file cannot be read at all; the message is German and meant for the user."""


@dataclass(frozen=True)
class PopulationRow:
    line: int
    key: str
    name: str
    population: int
    year: int
    district: District


@dataclass
class PopulationImport:
    rows: list[PopulationRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    totals_skipped: int = 0
    not_in_file: list[District] = field(default_factory=list)


def _decode(content: bytes) -> str:
    # IT.NRW's CSV exports are Windows-1252; a file saved by hand is mostly UTF-8.
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252")


def _population(text: str) -> int:
    """A count as the tables write it: 485684, 485.684 or 485 684."""
    digits = text.replace(".", "").replace(" ", "").replace("\u00a0", "")
    if not digits.isdigit() or int(digits) == 0:
        raise ValueError(text)
    return int(digits)


def _year(text: str) -> int:
    """The year of the Stand: "2023", "31.12.2023" or "2023-12-31"."""
    text = text.strip()
    if len(text) == 4 and text.isdigit():
        year = int(text)
    elif len(text) == 10 and text[2] == "." and text[5] == "." and text[6:].isdigit():
        year = int(text[6:])
    elif len(text) == 10 and text[4] == "-" and text[:4].isdigit():
        year = int(text[:4])
    else:
        raise ValueError(text)
    if not 1950 <= year <= 2100:
        raise ValueError(text)
    return year


def read_population_csv(content: bytes, districts: list[District]) -> PopulationImport:
    """The rows of the uploaded CSV matched to ``districts``, and the errors by line."""
    if not content.strip():
        raise PopulationFileError("Die Datei ist leer.")
    if len(content) > MAX_BYTES:
        raise PopulationFileError(
            "Die Datei ist größer als 2 MB; das ist keine Tabelle der Kreise."
        )
    text = _decode(content)
    if "\x00" in text:
        raise PopulationFileError("Die Datei ist keine CSV-Datei.")
    try:
        table = list(enumerate(csv.reader(io.StringIO(text), delimiter=";"), start=1))
    except csv.Error as error:
        raise PopulationFileError("Die CSV-Datei lässt sich nicht lesen.") from error
    table = [(line, [cell.strip() for cell in cells]) for line, cells in table if any(cells)]
    if not table or tuple(cell.casefold() for cell in table[0][1][:4]) != HEADER:
        raise PopulationFileError(
            "Die erste Zeile muss „Schlüssel;Name;Einwohner;Stand“ lauten (Spalten durch "
            "Semikolon getrennt)."
        )
    by_key = {district.official_key: district for district in districts}
    result = PopulationImport()
    seen: dict[str, int] = {}
    for line, cells in table[1:]:
        cells = cells + [""] * (4 - len(cells))
        key, name, population, stand = cells[:4]
        if key.isdigit() and len(key) < DISTRICT_KEY_LENGTH:
            result.totals_skipped += 1
            continue
        district = by_key.get(key)
        if district is None:
            hint = " (die führende 0 fehlt – Excel hat sie vermutlich entfernt)"
            result.errors.append(
                f"Zeile {line}: Der Schlüssel „{key}“ gehört zu keinem Kreis und keiner "
                f"kreisfreien Stadt{hint if key.isdigit() and '0' + key in by_key else ''}."
            )
            continue
        if key in seen:
            result.errors.append(
                f"Zeile {line}: Der Schlüssel {key} steht schon in Zeile {seen[key]}."
            )
            continue
        seen[key] = line
        try:
            count = _population(population)
        except ValueError:
            result.errors.append(
                f"Zeile {line}: „{population}“ ist keine Einwohnerzahl (ganze Zahl größer 0)."
            )
            continue
        try:
            year = _year(stand)
        except ValueError:
            result.errors.append(
                f"Zeile {line}: „{stand}“ ist kein Stand (Jahr wie 2023 oder Datum wie 31.12.2023)."
            )
            continue
        result.rows.append(
            PopulationRow(
                line=line, key=key, name=name, population=count, year=year, district=district
            )
        )
    if not result.rows and not result.errors:
        result.errors.append("In der Datei steht kein Kreis und keine kreisfreie Stadt.")
    found = {row.district.pk for row in result.rows}
    result.not_in_file = [d for d in districts if d.pk not in found]
    return result


def population_import(*, parsed: PopulationImport, source: str) -> int:
    """Write the population of every District in ``parsed``; all or nothing. Returns how many
    Districts were written. Refuses a file with errors (the view shows them first)."""
    if parsed.errors:
        raise ValueError("Eine Datei mit Fehlern wird nicht übernommen.")
    with transaction.atomic():
        for row in parsed.rows:
            district = row.district
            district.population = row.population
            district.population_year = row.year
            district.population_source = source
            district.save(
                update_fields=["population", "population_year", "population_source", "modified"]
            )
    return len(parsed.rows)


def population_update(*, district: District, population, year, source: str) -> District:
    """Write the population the Land entered for ``district`` (validated form data)."""
    with transaction.atomic():
        district.population = population
        district.population_year = year
        district.population_source = source
        district.save(
            update_fields=["population", "population_year", "population_source", "modified"]
        )
        return district
