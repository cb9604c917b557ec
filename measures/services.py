"""Writes to the measures catalogue: measures, indicators (Kennzahlen) and measured values.

Every function is keyword-only, runs in one transaction and takes the District it works in, so a
caller cannot write into another District by passing a foreign object.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from core.locking import EditConflict
from core.models import check_district
from districts.models import District, Municipality

from . import bulk
from .latest import refresh_latest_values
from .models import Indicator, Measure, Measurement

# Many-to-many fields of a measure; set after the measure row exists.
MEASURE_M2M = (
    "work_priorities",
    "target_groups",
    "municipalities",
    "partner_actors",
    "concept_versions",
)
INDICATOR_FIELDS = (
    "name",
    "unit",
    "baseline",
    "baseline_date",
    "target",
    "target_date",
    "direction",
    "land_key",
)


def _check_district(district: District, *objects) -> None:
    for obj in objects:
        if obj.district.pk != district.pk:
            raise PermissionDenied("Das Objekt gehört zu einem anderen Kreis.")


def _write_measure(measure: Measure, fields: dict[str, Any], user) -> Measure:
    for name, value in fields.items():
        if name not in MEASURE_M2M:
            setattr(measure, name, value)
    measure._history_user = user
    measure.save()
    for name in MEASURE_M2M:
        if name in fields:
            getattr(measure, name).set(fields[name])
    return measure


def measure_create(*, district: District, fields: dict[str, Any], user) -> Measure:
    """Create a measure in ``district`` from validated form data (M2M sets included)."""
    with transaction.atomic():
        return _write_measure(Measure(district=district), fields, user)


def measure_update(
    *, district: District, measure: Measure, fields: dict[str, Any], user
) -> Measure:
    """Write validated form data to ``measure``; M2M fields present in ``fields`` are replaced.

    The view has refused a stale save before (``core.locking``).
    """
    _check_district(district, measure)
    with transaction.atomic():
        return _write_measure(measure, fields, user)


def measure_copy(*, district: District, measure: Measure, user) -> Measure:
    """A new, unarchived measure "Kopie von …" with the same sets and indicators, no measurements.

    Seed 000: the catalogue can be adapted for each municipality – copying a measure is how KI
    staff start a municipality's variant.
    """
    _check_district(district, measure)
    with transaction.atomic():
        copy = Measure(
            district=district,
            title=f"Kopie von {measure.title}"[: Measure._meta.get_field("title").max_length],
            focus_area_id=measure.focus_area_id,
            field_of_action_id=measure.field_of_action_id,
            start=measure.start,
            end=measure.end,
            goal=measure.goal,
            effect=measure.effect,
            status=measure.status,
            lead_actor_id=measure.lead_actor_id,
            is_archived=False,
        )
        copy._history_user = user
        copy.save()
        for name in MEASURE_M2M:
            getattr(copy, name).set(getattr(measure, name).all())
        for indicator in measure.indicators.all():
            Indicator.objects.create(
                measure=copy, **{name: getattr(indicator, name) for name in INDICATOR_FIELDS}
            )
        return copy


def measure_archive(*, district: District, measure: Measure, archived: bool, user) -> Measure:
    """Archive (hide from the catalogue) or restore ``measure``; its data stay as they are."""
    _check_district(district, measure)
    with transaction.atomic():
        measure.is_archived = archived
        measure._history_user = user
        measure.save(update_fields=["is_archived", "modified"])
        return measure


def indicator_create(
    *, district: District, measure: Measure, fields: dict[str, Any], user
) -> Indicator:
    """Add a Kennzahl to ``measure`` from validated form data."""
    _check_district(district, measure)
    with transaction.atomic():
        indicator = Indicator(measure=measure, **fields)
        indicator._history_user = user
        indicator.save()
        return indicator


def indicator_update(
    *, district: District, indicator: Indicator, fields: dict[str, Any], user
) -> Indicator:
    """Write validated form data to ``indicator``."""
    _check_district(district, indicator.measure)
    with transaction.atomic():
        for name, value in fields.items():
            setattr(indicator, name, value)
        indicator._history_user = user
        indicator.save()
        return indicator


def indicator_delete(*, district: District, indicator: Indicator, user) -> None:
    """Delete ``indicator`` together with all its measured values."""
    _check_district(district, indicator.measure)
    with transaction.atomic():
        indicator._history_user = user
        indicator.delete()


def measurement_create(
    *, district: District, indicator: Indicator, fields: dict[str, Any], user
) -> Measurement:
    """Record a value of ``indicator`` (validated form data: value, date, municipality, …)."""
    _check_district(district, indicator.measure)
    municipality = fields.get("municipality")
    if municipality is not None and municipality.district_id != district.pk:
        raise PermissionDenied("Die Kommune gehört zu einem anderen Kreis.")
    with transaction.atomic():
        measurement = Measurement(indicator=indicator, **fields)
        measurement._history_user = user
        measurement.save()
        if municipality is not None:
            _rederive(indicator, measurement.date, user)
        return measurement


def measurement_delete(*, district: District, measurement: Measurement, user) -> None:
    """Delete one measured value; a derived kreisweit value of that date follows."""
    check_district(district, measurement)
    with transaction.atomic():
        measurement._history_user = user
        measurement.delete()
        if measurement.municipality_id is not None:
            _rederive(measurement.indicator, measurement.date, user)


def measurement_update(
    *, district: District, measurement: Measurement, fields: dict[str, Any], user
) -> Measurement:
    """Write validated form data to ``measurement``; the change is kept in its history.

    The view has refused a stale save before (``core.locking``). A municipal value changes the
    derived kreisweit value of its date (and of its old date, if the date moved).
    """
    check_district(district, measurement)
    municipality = fields.get("municipality")
    if municipality is not None:
        check_district(district, municipality)
    with transaction.atomic():
        old_date, was_municipal = measurement.date, measurement.municipality_id is not None
        for name, value in fields.items():
            setattr(measurement, name, value)
        measurement._history_user = user
        measurement.save()
        indicator = measurement.indicator
        if was_municipal and old_date != measurement.date:
            _rederive(indicator, old_date, user)
        if measurement.municipality_id is not None:
            _rederive(indicator, measurement.date, user)
        return measurement


@dataclass(frozen=True)
class GridResult:
    """What a grid save wrote: the number of values and, for a derived Kennzahl, the kreisweit
    value with the number of municipalities it comes from."""

    written: int
    districtwide: Decimal | None
    reported: int
    municipalities: int


def measurements_grid_save(
    *,
    district: District,
    indicator: Indicator,
    day: date,
    values: dict[Municipality, Decimal | None],
    districtwide: Decimal | None = None,
    period_label: str = "",
    source: str = "",
    seen: str = "",
    user,
) -> GridResult:
    """Store the values of ``indicator`` at ``day`` for many municipalities at once.

    All or nothing: one transaction; the form has checked every cell before. A value already
    stored for that date and municipality is updated, not duplicated; an empty cell (None)
    leaves what is stored. The kreisweit value is ``districtwide`` for an entered Kennzahl and
    is computed from the municipal values of ``day`` for a derived one (``Indicator.derive``).
    ``seen`` is ``grid_stamp`` of the values the page showed for ``day``: if someone saved a
    value of that date since, nothing is saved and ``EditConflict`` carries the stored values.
    """
    check_district(district, indicator, *values)
    with transaction.atomic():
        rows = list(indicator.measurements.filter(date=day).select_for_update())
        # core.locking's rule for a whole grid: the values of this date the page showed.
        if seen and seen.startswith(f"{day.isoformat()}|") and seen != grid_stamp(day, rows):
            raise EditConflict(rows)
        stored = {m.municipality_id: m for m in rows}
        written = 0
        for municipality, value in values.items():
            if value is None:
                continue
            _write_value(
                stored.get(municipality.pk),
                indicator,
                municipality,
                day,
                value,
                period_label,
                source,
                user,
            )
            written += 1
        if not indicator.is_derived and districtwide is not None:
            _write_value(
                stored.get(None), indicator, None, day, districtwide, period_label, source, user
            )
            written += 1
        derived, reported = _rederive(indicator, day, user, period_label, source)
        return GridResult(
            written=written,
            districtwide=derived,
            reported=reported,
            municipalities=district.municipalities.count(),
        )


def grid_stamp(day: date, measurements) -> str:
    """The state of the stored values of ``day`` as a grid page carries it (``core.locking``)."""
    rows = [m for m in measurements if m.date == day]
    newest = max((m.modified for m in rows), default=None)
    return f"{day.isoformat()}|{len(rows)}|{newest.isoformat() if newest else ''}"


def _write_value(measurement, indicator, municipality, day, value, period_label, source, user):
    if measurement is None:
        measurement = Measurement(indicator=indicator, municipality=municipality, date=day)
    elif (
        measurement.value == value
        and (not period_label or measurement.period_label == period_label)
        and (not source or measurement.source == source)
    ):
        return measurement  # unchanged: no history record of nothing
    measurement.value = value
    if period_label:
        measurement.period_label = period_label
    if source:
        measurement.source = source
    measurement._history_user = user
    measurement.save()
    return measurement


def _rederive(
    indicator: Indicator, day: date, user, period_label: str = "", source: str = ""
) -> tuple[Decimal | None, int]:
    """Recompute the derived kreisweit value of ``day`` from the stored municipal values.

    Returns (value, number of municipalities it comes from). Without any municipal value the
    kreisweit value of that day is removed: a sum of nothing is not zero reported.
    """
    if not indicator.is_derived:
        return None, 0
    rows = list(indicator.measurements.filter(date=day))
    municipal = [m.value for m in rows if m.municipality_id is not None]
    current = next((m for m in rows if m.municipality_id is None), None)
    value = indicator.derive(municipal)
    if value is None:
        if current is not None:
            current._history_user = user
            current.delete()
        return None, 0
    note = f"berechnet aus {len(municipal)} Kommunen ({indicator.get_districtwide_display()})"
    if current is None or current.value != value or current.note != note:
        current = current or Measurement(indicator=indicator, municipality=None, date=day)
        current.value = value
        current.note = note
        if period_label:
            current.period_label = period_label
        if source:
            current.source = source
        current._history_user = user
        current.save()
    return value, len(municipal)


def measurement_settings_update(*, district: District, liaisons_see_all: bool, user) -> District:
    """Whether liaisons see the Messwerte of every municipality or only their own (+ kreisweit).

    README, Rollen und Rechte; the KI-Leitung decides (issue 13).
    """
    with transaction.atomic():
        district.liaisons_see_all_municipalities = liaisons_see_all
        district.save(update_fields=["liaisons_see_all_municipalities", "modified"])
        return district


@dataclass(frozen=True)
class ImportRow:
    """One checked line of a measurement import (see ``measures.csv_import``)."""

    line: int
    indicator: Indicator
    date: date
    value: Decimal
    municipality: Municipality | None
    source: str = ""
    note: str = ""
    # The value this row replaces (same Kennzahl, Stichtag and Kommune), if any.
    replaces: Measurement | None = None


@dataclass(frozen=True)
class ImportCounts:
    """What an import wrote: new values, replaced values and rows equal to the stored value."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


IMPORTED_FIELDS = ("value", "source", "note")


def row_changes(row: ImportRow) -> bool:
    """Whether ``row`` writes something: a new value, or a stored one it changes."""
    stored = row.replaces
    return stored is None or any(
        getattr(stored, name) != getattr(row, name) for name in IMPORTED_FIELDS
    )


def measurements_import(*, district: District, rows: Iterable[ImportRow], user) -> ImportCounts:
    """Save all checked rows in one transaction: new values are added, existing ones replaced.

    The caller has checked every line (``csv_import.parse``, which found the stored value each
    row replaces); a failure here rolls back all. Issue 16: written in bulk (``measures.bulk``)
    with one history record per change (a row equal to the stored value writes nothing);
    derived kreisweit values and the Kennzahlen's latest values follow, all in a fixed number
    of statements whatever the number of rows.
    """
    rows = list(rows)
    # The District by id, from objects the catalogue loaded: no query per row.
    for row in rows:
        municipality = row.municipality
        if row.indicator.measure.district_id != district.pk or (
            municipality is not None and municipality.district_id != district.pk
        ):
            raise PermissionDenied("Das Objekt gehört zu einem anderen Kreis.")
    now = timezone.now()
    new, changed, unchanged = [], [], 0
    for row in rows:
        if row.replaces is None:
            new.append(
                bulk.NewValue(
                    indicator_id=row.indicator.pk,
                    municipality_id=row.municipality.pk if row.municipality else None,
                    date=row.date,
                    value=row.value,
                    source=row.source,
                    note=row.note,
                )
            )
        elif row_changes(row):
            stored = row.replaces
            stored.value, stored.source, stored.note = row.value, row.source, row.note
            stored.modified = now
            changed.append(stored)
        else:
            unchanged += 1
    with transaction.atomic():
        bulk.insert_measurements(new, user=user, now=now)
        bulk.update_measurements(changed, IMPORTED_FIELDS, user=user, now=now)
        # A derived kreisweit value follows the imported municipal values of its date.
        derived = {
            (row.indicator.pk, row.date): row.indicator
            for row in rows
            if row.municipality is not None and row.indicator.is_derived
        }
        _rederive_many(district, derived, user, now)
        refresh_latest_values({row.indicator.pk for row in rows})
    return ImportCounts(created=len(new), updated=len(changed), unchanged=unchanged)


def _rederive_many(district: District, pairs: dict[tuple[int, date], Indicator], user, now) -> None:
    """``_rederive`` for many (Kennzahl, Stichtag) pairs at once, in bulk.

    Only after writing municipal values: there is at least one per pair, so a derived value
    always exists afterwards (nothing to delete, unlike ``_rederive``).
    """
    if not pairs:
        return
    stored = Measurement.objects.for_district(district).filter(
        indicator_id__in={pk for pk, _ in pairs}, date__in={day for _, day in pairs}
    )
    municipal: dict[tuple[int, date], list[Decimal]] = {key: [] for key in pairs}
    current: dict[tuple[int, date], Measurement] = {}
    for measurement in stored:
        key = (measurement.indicator_id, measurement.date)
        if key not in pairs:
            continue
        if measurement.municipality_id is None:
            current[key] = measurement
        else:
            municipal[key].append(measurement.value)
    new, changed = [], []
    for key, indicator in pairs.items():
        value = indicator.derive(municipal[key])
        note = (
            f"berechnet aus {len(municipal[key])} Kommunen ({indicator.get_districtwide_display()})"
        )
        measurement = current.get(key)
        if measurement is None:
            new.append(bulk.NewValue(indicator_id=key[0], date=key[1], value=value, note=note))
        elif measurement.value != value or measurement.note != note:
            measurement.value, measurement.note, measurement.modified = value, note, now
            changed.append(measurement)
    bulk.insert_measurements(new, user=user, now=now)
    bulk.update_measurements(changed, ["value", "note"], user=user, now=now)
