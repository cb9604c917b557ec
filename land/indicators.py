"""The Land's indicator catalogue (issue 17): reads across all Districts and the catalogue's writes.

``compare`` puts every District's latest kreisweit value of the Kennzahlen mapped to one Land
key side by side, with the previous value, the change and — for counts, where the District's
population is known — the value per 1,000 inhabitants. It reads in a fixed number of queries
whatever the number of Districts. Nothing is estimated: a District without a population or
without a value shows "–" and says why.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet

from districts.models import District
from measures.charts import german_date, german_number
from measures.models import Indicator, LandIndicator, Measurement

# How many of a District's latest values the trend shows.
TREND_LENGTH = 8
PER = 1000


def catalogue() -> QuerySet[LandIndicator]:
    """The catalogue with the number of Districts that map one of their Kennzahlen to each key."""
    return LandIndicator.objects.annotate(
        district_count=Count(
            "indicators__measure__district",
            filter=Q(indicators__measure__is_archived=False),
            distinct=True,
        )
    ).order_by("name", "key")


@dataclass
class Row:
    """One KI's Kennzahl mapped to the Land key, with its latest values (oldest first)."""

    district: District
    indicator: Indicator
    values: list[Measurement]
    land_indicator: LandIndicator

    @property
    def latest(self) -> Measurement | None:
        return self.values[-1] if self.values else None

    @property
    def previous(self) -> Measurement | None:
        return self.values[-2] if len(self.values) > 1 else None

    @property
    def change(self) -> Decimal | None:
        if self.latest is None or self.previous is None:
            return None
        return self.latest.value - self.previous.value

    @property
    def change_text(self) -> str:
        """The change in words, so it reads without colour: "+12 (günstig)"."""
        change = self.change
        if change is None:
            return "–"
        if change == 0:
            return "unverändert"
        sign = "+" if change > 0 else "−"
        better = (change > 0) == (self.land_indicator.direction == Indicator.Direction.UP)
        return f"{sign}{german_number(abs(change))} ({'günstig' if better else 'ungünstig'})"

    @property
    def per_thousand(self) -> Decimal | None:
        """The latest value per 1,000 inhabitants; None unless the Land's Kennzahl is a count,
        the District's population is known and there is a value."""
        population = self.district.population
        if not (self.land_indicator.per_inhabitants and population and self.latest is not None):
            return None
        return (self.latest.value * PER / population).quantize(Decimal("0.01"))

    @property
    def per_thousand_note(self) -> str:
        if not self.land_indicator.per_inhabitants:
            return "bei Durchschnitten und Quoten nicht sinnvoll"
        if not self.district.population:
            return "Einwohnerzahl nicht erfasst"
        if self.latest is None:
            return "noch kein Wert"
        return ""

    @property
    def unit_differs(self) -> bool:
        return bool(self.indicator.unit) and self.indicator.unit != self.land_indicator.unit


@dataclass
class Comparison:
    land_indicator: LandIndicator
    rows: list[Row]
    without: list[District] = field(default_factory=list)  # Districts with no mapped Kennzahl


def compare(land_indicator: LandIndicator) -> Comparison:
    """Every District's Kennzahlen mapped to ``land_indicator``, sorted by District, with their
    last ``TREND_LENGTH`` kreisweit values; archived measures are left out. Three queries."""
    indicators = (
        land_indicator.indicators.filter(measure__is_archived=False)
        .select_related("measure__district")
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.filter(municipality__isnull=True).order_by("date"),
                to_attr="districtwide_values",
            )
        )
        .order_by("measure__district__name", "measure__title", "name")
    )
    rows = [
        Row(
            district=indicator.measure.district,
            indicator=indicator,
            values=indicator.districtwide_values[-TREND_LENGTH:],
            land_indicator=land_indicator,
        )
        for indicator in indicators
    ]
    mapped = {row.district.pk for row in rows}
    without = [d for d in District.objects.order_by("name") if d.pk not in mapped]
    return Comparison(land_indicator=land_indicator, rows=rows, without=without)


# --- The chart: small multiples, one line per District ----------------------------------------

WIDTH, HEIGHT = 300, 140
LEFT, RIGHT, TOP, BOTTOM = 8, 8, 32, 26


@dataclass
class Panel:
    """One District's line; the name stands above it as text, first and last value beside their
    markers, so the chart reads without colour and without a legend."""

    title: str
    description: str
    polyline: str
    points: list[tuple[float, float, str]]  # x, y, label (the marker's <title>)
    first_label: tuple[float, float, str] | None
    last_label: tuple[float, float, str] | None
    width: int = WIDTH
    height: int = HEIGHT
    baseline_y: float = HEIGHT - BOTTOM
    x_start: str = ""
    x_end: str = ""
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT


def small_multiples(comparison: Comparison) -> list[Panel]:
    """One panel per row with values, on a shared time axis and a shared value scale from 0, so
    the Districts' lines can be compared panel by panel."""
    rows = [row for row in comparison.rows if row.values]
    if not rows:
        return []
    days = [m.date for row in rows for m in row.values]
    numbers = [m.value for row in rows for m in row.values]
    first, last = min(days), max(days)
    low, high = min([Decimal(0), *numbers]), max(numbers)
    if high == low:
        high = low + 1
    span = (last - first).days
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    unit = comparison.land_indicator.unit

    def x_of(day: date) -> float:
        return LEFT + plot_w / 2 if span == 0 else LEFT + plot_w * (day - first).days / span

    def y_of(value: Decimal) -> float:
        return TOP + plot_h * float((high - value) / (high - low))

    def shown(value: Decimal) -> str:
        return f"{german_number(value)} {unit}".strip()

    panels = []
    for row in rows:
        points = [
            (x_of(m.date), y_of(m.value), f"{german_date(m.date)}: {shown(m.value)}")
            for m in row.values
        ]
        title = row.district.name
        if _several(comparison, row):
            title += f" – {row.indicator.name}"
        head, tail = row.values[0], row.values[-1]
        if len(row.values) == 1:
            description = f"{title}: ein Wert am {german_date(head.date)}: {shown(head.value)}."
        else:
            description = (
                f"{title}: {len(row.values)} Werte vom {german_date(head.date)} bis "
                f"{german_date(tail.date)}, von {shown(head.value)} auf {shown(tail.value)}."
            )
        panels.append(
            Panel(
                title=title,
                description=description,
                polyline=" ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points),
                points=points,
                first_label=(points[0][0], points[0][1] - 6, german_number(head.value))
                if len(points) > 1
                else None,
                last_label=(points[-1][0], points[-1][1] - 6, german_number(tail.value)),
                x_start=german_date(first),
                x_end=german_date(last),
            )
        )
    return panels


def _several(comparison: Comparison, row: Row) -> bool:
    return sum(1 for other in comparison.rows if other.district.pk == row.district.pk) > 1


# --- Writes ------------------------------------------------------------------------------------

CATALOGUE_FIELDS = ("key", "name", "unit", "definition", "direction", "aggregation", "source")


def land_indicator_create(*, fields: dict[str, Any], user) -> LandIndicator:
    """Add a Kennzahl to the Land's catalogue from validated form data."""
    with transaction.atomic():
        land_indicator = LandIndicator(**{name: fields[name] for name in CATALOGUE_FIELDS})
        land_indicator._history_user = user
        land_indicator.save()
        return land_indicator


def land_indicator_update(
    *, land_indicator: LandIndicator, fields: dict[str, Any], user
) -> LandIndicator:
    """Write validated form data to ``land_indicator``; the view has refused a stale save."""
    with transaction.atomic():
        for name in CATALOGUE_FIELDS:
            if name in fields:
                setattr(land_indicator, name, fields[name])
        land_indicator._history_user = user
        land_indicator.save()
        return land_indicator
