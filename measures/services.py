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

from districts.models import District, Municipality

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
        return Measurement.objects.create(indicator=indicator, **fields)


def measurement_delete(*, district: District, measurement: Measurement, user) -> None:
    """Delete one measured value."""
    _check_district(district, measurement.indicator.measure)
    with transaction.atomic():
        measurement.delete()


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


def measurements_import(*, district: District, rows: Iterable[ImportRow], user) -> int:
    """Save all checked rows in one transaction: new values are added, existing ones replaced.

    The caller has checked every line (``csv_import.parse``); a failure here rolls back all.
    Returns the number of values written.
    """
    rows = list(rows)
    for row in rows:
        _check_district(district, row.indicator.measure)
    with transaction.atomic():
        for row in rows:
            row.indicator.measurements.update_or_create(
                date=row.date,
                municipality=row.municipality,
                defaults={"value": row.value, "source": row.source, "note": row.note},
            )
    return len(rows)
