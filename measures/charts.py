"""Trend charts of indicators as server-rendered SVG (the CSP allows no chart script).

The geometry is computed here; ``templates/measures/_trend_chart.html`` draws it. The chart
shows the kreisweit values over time – the figure the target refers to (see queries.py) – with
the target as a dashed line. Its text alternative names range, first and last value and target;
the full values stand in the measurement table next to it.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils.formats import date_format

from .models import Indicator, Measurement

WIDTH, HEIGHT = 560, 240
LEFT, RIGHT, TOP, BOTTOM = 72, 20, 16, 44
Y_TICKS = 4


def german_number(value: Decimal | float | int | None) -> str:
    """``1.234,5`` – the way the measure page writes numbers: grouped, decimal comma, no
    trailing zeros (12,5 not 12,50), at most two decimals."""
    if value is None or value == "":
        return "–"
    try:
        number = Decimal(str(value)).quantize(Decimal("0.01")).normalize()
    except ArithmeticError:
        return str(value)
    decimals = max(0, -number.as_tuple().exponent)
    return floatformat(number, f"{decimals}g")


def german_date(day: date) -> str:
    return date_format(day, "d.m.Y")


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class Point:
    x: float
    y: float
    label: str


@dataclass
class TrendChart:
    description: str
    points: list[Point]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    target_y: float | None = None
    target_label: str = ""
    series_label: str = "kreisweit"  # whose values: the legend's and description's words
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    bottom_edge: int = HEIGHT - BOTTOM
    x_label_y: int = HEIGHT - BOTTOM + 20
    polyline: str = field(init=False)

    def __post_init__(self):
        self.polyline = " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


def _unit(indicator: Indicator) -> str:
    return f" {indicator.unit}" if indicator.unit else ""


def trend_chart(
    indicator: Indicator, measurements: Sequence[Measurement], *, municipality=None
) -> TrendChart | None:
    """The chart of ``indicator``'s kreisweit values in ``measurements`` (any order), or None
    when there is none to draw. With ``municipality``: that municipality's values, without the
    kreisweit target and baseline (for a Kennzahl summed over the municipalities the Kreis's
    target would dwarf one town; the Kommunalbericht, issue 20)."""
    wanted = municipality.pk if municipality is not None else None
    values = sorted((m for m in measurements if m.municipality_id == wanted), key=lambda m: m.date)
    if not values:
        return None
    series = municipality.name if municipality is not None else "kreisweit"
    target = indicator.target if municipality is None else None
    numbers = [m.value for m in values]
    baseline = indicator.baseline if municipality is None else None
    extra = [n for n in (target, baseline) if n is not None]
    low = min([Decimal(0), *numbers, *extra])
    high = max([*numbers, *extra])
    if high == low:
        high = low + 1
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM

    def y_of(value: Decimal) -> float:
        return TOP + plot_h * float((high - value) / (high - low))

    first, last = values[0].date, values[-1].date
    span = (last - first).days

    def x_of(day: date) -> float:
        if span == 0:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (day - first).days / span

    unit = _unit(indicator)
    points = [
        Point(x_of(m.date), y_of(m.value), f"{german_date(m.date)}: {german_number(m.value)}{unit}")
        for m in values
    ]
    y_ticks = [
        Tick(
            y_of(low + (high - low) * i / Y_TICKS), german_number(low + (high - low) * i / Y_TICKS)
        )
        for i in range(Y_TICKS + 1)
    ]
    x_days = [first] if span == 0 else [first, last]
    if len(values) > 2:
        middle = values[len(values) // 2].date
        if (middle - first).days > span / 4 and (last - middle).days > span / 4:
            x_days.insert(1, middle)
    x_ticks = [Tick(x_of(day), german_date(day)) for day in x_days]

    count = len(values)
    description = (
        f"Verlauf der Kennzahl „{indicator.name}“ ({series}): "
        f"{count} Messwert{'e' if count != 1 else ''}"
    )
    if count == 1:
        description += f" am {german_date(first)}: {german_number(numbers[0])}{unit}"
    else:
        description += (
            f" vom {german_date(first)} bis {german_date(last)}, "
            f"von {german_number(numbers[0])} auf {german_number(numbers[-1])}{unit}"
        )
    chart = TrendChart(
        description=description,
        points=points,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        series_label=series,
    )
    if target is not None:
        chart.target_y = y_of(target)
        chart.target_label = f"Zielwert {german_number(target)}{unit}"
        chart.description += f"; Zielwert {german_number(target)}{unit}"
    chart.description += "."
    return chart
