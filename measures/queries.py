"""Reads about indicators that several pages share (dashboard, catalogue, measure page)."""

from decimal import Decimal

from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Round

from .models import Indicator


def with_latest_value(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    """``indicators`` unchanged: latest value and date are fields of the Kennzahl now.

    Kept for callers from before issue 16; ``Indicator.latest_value`` and ``latest_date`` are
    kept current by ``measures.latest`` (newest kreisweit measurement by date, ties by pk).
    """
    return indicators


def _cents(expression):
    # Whole cents: exact on SQLite too, where decimals are stored as floating point.
    return Round(expression * Value(Decimal(100)))


def with_attainment(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    """Alias ``attainment_sort`` (float, percent of the way from baseline – or 0 – to target
    the latest value has gone) and the integer parts ``behind_target`` compares exactly.

    The database's version of ``Indicator.attainment``: "niedriger ist besser" needs nothing
    special (the way is negative, so is the progress); a way of zero counts as 100 % if the
    target is reached in the Kennzahl's direction, else 0 %.
    """
    zero = Value(Decimal(0))
    start = Coalesce(F("baseline"), zero)
    reached = Q(direction=Indicator.Direction.UP, latest_value__gte=F("target")) | Q(
        direction=Indicator.Direction.DOWN, latest_value__lte=F("target")
    )
    return (
        indicators.filter(latest_value__isnull=False, target__isnull=False)
        .alias(
            progress_cents=_cents(F("latest_value")) - _cents(start),
            way_cents=_cents(F("target")) - _cents(start),
        )
        .alias(
            attainment_sort=Case(
                When(Q(way_cents=0) & reached, then=Value(100.0)),
                When(way_cents=0, then=Value(0.0)),
                default=Cast(F("progress_cents"), FloatField())
                * Value(100.0)
                / Cast(F("way_cents"), FloatField()),
                output_field=FloatField(),
            )
        )
    )


def behind_target_filter(threshold: int) -> tuple[Q, dict]:
    """Exactly ``Indicator.attainment(latest_value) < threshold`` for ``with_attainment`` rows,
    with the aliases the condition needs.

    ``attainment`` rounds to 0.1 % (half to even), so it is below ``threshold`` exactly when
    the unrounded share is below ``threshold - 0.05``: 2000 · progress < (20 · threshold − 1)
    · way for a positive way (the inequality turns for a negative one), in whole cents.
    """
    limit = Value(Decimal(20 * threshold - 1))
    scaled = Q(way_cents__gt=0, scaled_progress__lt=F("scaled_limit")) | Q(
        way_cents__lt=0, scaled_progress__gt=F("scaled_limit")
    )
    reached = Q(direction=Indicator.Direction.UP, latest_value__gte=F("target")) | Q(
        direction=Indicator.Direction.DOWN, latest_value__lte=F("target")
    )
    if threshold > 100:
        zero_way = Q(way_cents=0)
    elif threshold > 0:
        zero_way = Q(way_cents=0) & ~reached
    else:
        zero_way = Q(pk__in=[])
    return scaled | zero_way, {
        "scaled_progress": F("progress_cents") * Value(Decimal(2000)),
        "scaled_limit": F("way_cents") * limit,
    }


def behind_target(
    indicators: QuerySet[Indicator], threshold: int = 50, limit: int | None = None
) -> tuple[list[Indicator], int]:
    """Kennzahlen whose latest value has gone less than ``threshold`` % of the way to target.

    Computed in the database (issue 16): the furthest behind first (by the unrounded share,
    then as Kennzahlen are ordered), at most ``limit`` of them, with the total number; each
    comes with ``attainment_percent`` from ``Indicator.attainment``.
    """
    condition, aliases = behind_target_filter(threshold)
    behind = with_attainment(indicators).alias(**aliases).filter(condition)
    ordering = ("attainment_sort", *Indicator._meta.ordering, "pk")
    rows = list(
        behind.order_by(*ordering)[:limit] if limit is not None else behind.order_by(*ordering)
    )
    for indicator in rows:
        indicator.attainment_percent = indicator.attainment(indicator.latest_value)
    total = len(rows) if limit is None or len(rows) < limit else behind.count()
    return rows, total
