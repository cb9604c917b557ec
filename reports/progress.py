"""The Sachstandsbericht (progress report) for a reporting period the KI chooses.

Seed 000: the evaluation measures how far the goals were reached; results go to the
Steuerungsgruppe, into the Berichtswesen and to the Kreistag. The report therefore shows, for
the measures running in the period, grouped by Schwerpunkt and Handlungsfeld, each Kennzahl with
its baseline, target, the latest kreisweit value in the period, the value at the period's start
for comparison, the attainment and a trend chart, and the municipalities' own values (seed 004:
the catalogue is worked out "gemeinde- bzw. stadtscharf").

The query count is fixed: measures, their municipalities, indicators and measurements (up to the
period's end) are loaded in one prefetch each and grouped in Python.
"""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.utils import timezone

from concepts.models import FieldOfAction, FocusArea
from concepts.rendering import render_markdown
from core.exports import Column, Kind
from districts.models import Municipality
from documents.renderers import data_stamp, letterhead
from measures.charts import TrendChart, german_date, trend_chart
from measures.models import Indicator, Measure, Measurement
from papers.models import Attachment, DecisionPaper

from .models import ProgressReport

# Bump when the print template changes, so stored PDFs are rendered anew.
TEMPLATE_VERSION = "2"

# An indicator is "im Plan" when its latest value has gone at least this share of the way from
# baseline to target – the same line the dashboard draws (measures.queries.behind_target).
ON_TRACK_PERCENT = Decimal(50)

# How many indicators the Mitteilungsvorlage names as highlights or as lagging behind.
HIGHLIGHTS = 5

REPORT_FIELDS = ("title", "period_start", "period_end", "introduction", "remarks")
SUBJECT_MAX = DecisionPaper._meta.get_field("subject").max_length
ATTACHMENT_TITLE_MAX = Attachment._meta.get_field("title").max_length


# --- What the report shows --------------------------------------------------------------------


@dataclass
class IndicatorReport:
    """One Kennzahl in the period: values, attainment, chart and the municipalities' values."""

    indicator: Indicator
    latest: Measurement | None
    comparison: Measurement | None
    attainment: Decimal | None
    chart: TrendChart | None
    municipal: list[Measurement]

    @property
    def rating(self) -> str:
        """ "im Plan", "zurück" or "" when the data allows no judgement (no value or target)."""
        if self.attainment is None:
            return ""
        return "im Plan" if self.attainment >= ON_TRACK_PERCENT else "zurück"

    @property
    def change(self) -> Decimal | None:
        """Latest value minus the comparison value at the period's start."""
        if self.latest is None or self.comparison is None:
            return None
        return self.latest.value - self.comparison.value

    @property
    def improved(self) -> bool | None:
        change = self.change
        if change is None or change == 0:
            return None
        return (change > 0) == (self.indicator.direction == Indicator.Direction.UP)


@dataclass
class MeasureReport:
    measure: Measure
    indicators: list[IndicatorReport]
    anchor: str = ""

    def __post_init__(self):
        self.anchor = f"massnahme-{self.measure.pk}"


@dataclass
class FieldGroup:
    """The measures of one Handlungsfeld within one Schwerpunkt (None: without Handlungsfeld)."""

    field: FieldOfAction | None
    anchor: str
    measures: list[MeasureReport] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.field.name if self.field else "Ohne Handlungsfeld"


@dataclass
class FocusGroup:
    focus_area: FocusArea
    fields: list[FieldGroup]

    @property
    def anchor(self) -> str:
        return f"schwerpunkt-{self.focus_area.code}"

    @property
    def measure_count(self) -> int:
        return sum(len(group.measures) for group in self.fields)


def period_label(report: ProgressReport) -> str:
    return f"{german_date(report.period_start)}–{german_date(report.period_end)}"


def relevant_measures(report: ProgressReport):
    """The District's measures running in the period, not archived, with everything prefetched.

    Running: begun by the period's end (or without a start date: the catalogue need not name
    one, seed 004) and not ended before the period's start.
    """
    measurements = (
        Measurement.objects.filter(date__lte=report.period_end)
        .select_related("municipality")
        .order_by("date", "municipality__name")
    )
    indicators = Indicator.objects.order_by("name").prefetch_related(
        Prefetch("measurements", queryset=measurements, to_attr="report_measurements")
    )
    return (
        Measure.objects.for_district(report.district)
        .filter(is_archived=False)
        .filter(Q(start__isnull=True) | Q(start__lte=report.period_end))
        .filter(Q(end__isnull=True) | Q(end__gte=report.period_start))
        .select_related("focus_area", "field_of_action", "lead_actor")
        .prefetch_related(
            "municipalities",
            Prefetch("indicators", queryset=indicators, to_attr="report_indicators"),
        )
        .order_by("title", "pk")
    )


def indicator_report(indicator: Indicator, report: ProgressReport) -> IndicatorReport:
    """The figures of one indicator from its prefetched measurements (no query of its own)."""
    measurements = indicator.report_measurements  # date <= period_end, ordered by date
    start, end = report.period_start, report.period_end
    districtwide = [m for m in measurements if m.municipality_id is None]
    in_period = [m for m in districtwide if start <= m.date <= end]
    latest = in_period[-1] if in_period else None
    before = [m for m in districtwide if m.date <= start and m is not latest]
    comparison = before[-1] if before else None
    municipal: dict[int, Measurement] = {}
    for m in measurements:
        if m.municipality_id is not None and start <= m.date <= end:
            municipal[m.municipality_id] = m  # later dates overwrite earlier ones
    return IndicatorReport(
        indicator=indicator,
        latest=latest,
        comparison=comparison,
        attainment=indicator.attainment(latest.value if latest else None),
        chart=trend_chart(indicator, measurements),
        municipal=sorted(municipal.values(), key=lambda m: m.municipality.name),
    )


def _field_key(field_of_action: FieldOfAction | None) -> tuple:
    if field_of_action is None:
        return (1, True, 0, "")
    return (0, field_of_action.is_cross_cutting, field_of_action.order, field_of_action.name)


def report_context(report: ProgressReport) -> dict:
    """Everything the report shows, for the PDF and the preview page alike."""
    district = report.district
    measure_reports = [
        MeasureReport(
            measure=measure,
            indicators=[indicator_report(i, report) for i in measure.report_indicators],
        )
        for measure in relevant_measures(report)
    ]
    # Eckpunktepapier (seed 002): both Schwerpunkte are mandatory, so both always appear.
    focus_groups = []
    for focus_area in FocusArea.objects.order_by("order"):
        mine = [r for r in measure_reports if r.measure.focus_area_id == focus_area.pk]
        fields: dict[int | None, FieldGroup] = {}
        for item in sorted(mine, key=lambda r: _field_key(r.measure.field_of_action)):
            fa = item.measure.field_of_action
            key = fa.pk if fa else None
            if key not in fields:
                anchor = f"handlungsfeld-{focus_area.code}-{key or 'ohne'}"
                fields[key] = FieldGroup(field=fa, anchor=anchor)
            fields[key].measures.append(item)
        focus_groups.append(FocusGroup(focus_area=focus_area, fields=list(fields.values())))

    indicators = [i for r in measure_reports for i in r.indicators]
    by_status = dict.fromkeys(Measure.Status.values, 0)
    for item in measure_reports:
        by_status[item.measure.status] += 1
    return {
        "report": report,
        **letterhead(district),
        "generated_at": timezone.localtime(),
        "period": period_label(report),
        "introduction_html": render_markdown(report.introduction, district),
        "remarks_html": render_markdown(report.remarks, district),
        "focus_groups": focus_groups,
        "measures": measure_reports,
        "measure_count": len(measure_reports),
        "status_counts": [
            (label, by_status[value]) for value, label in Measure.Status.choices if by_status[value]
        ],
        "indicator_count": len(indicators),
        "on_track": sum(1 for i in indicators if i.rating == "im Plan"),
        "behind": sum(1 for i in indicators if i.rating == "zurück"),
        "unrated": sum(1 for i in indicators if not i.rating),
        "on_track_percent": ON_TRACK_PERCENT,
    }


def report_html(report: ProgressReport) -> str:
    """The print HTML of the report for WeasyPrint (tagged PDF/UA, see documents/pdf.py)."""
    return render_to_string("reports/pdf.html", report_context(report))


def report_title(report: ProgressReport) -> str:
    return f"{report.full_title} ({period_label(report)})"


# --- Has anything the report shows changed? ---------------------------------------------------


def report_fingerprint(report: ProgressReport) -> str:
    """A hash over everything the report shows; changes whenever any of it does.

    Cheap aggregates only: count and latest change of the District's measures, indicators,
    measurements, Handlungsfelder, municipalities and actors (names appear in the report).
    """
    district = report.district
    parts = [
        TEMPLATE_VERSION,
        f"{district.pk}:{district.modified}:{district.name}:{district.logo.name}",
        f"{report.pk}:{report.modified}",
        *(str(getattr(report, name)) for name in REPORT_FIELDS),
        data_stamp(Measure.objects.for_district(district)),
        data_stamp(Indicator.objects.for_district(district)),
        data_stamp(Measurement.objects.for_district(district)),
        data_stamp(FieldOfAction.objects.for_district(district)),
        data_stamp(Municipality.objects.for_district(district)),
        data_stamp(district.actors.all()),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


# --- Rows for the CSV and XLSX exports ----------------------------------------------------------

# (key, column) for the exports; the rows' values are typed: Decimal, date, str or None.
ROW_COLUMNS = [
    ("focus_area", Column("Schwerpunkt", width=30)),
    ("field_of_action", Column("Handlungsfeld", width=24)),
    ("measure", Column("Maßnahme", width=36)),
    ("status", Column("Status")),
    ("lead_actor", Column("Federführung", width=24)),
    ("indicator", Column("Kennzahl", width=30)),
    ("unit", Column("Einheit")),
    ("direction", Column("Richtung", width=20)),
    ("area", Column("Gebiet", width=18)),
    ("baseline", Column("Ausgangswert", Kind.NUMBER)),
    ("target", Column("Zielwert", Kind.NUMBER)),
    ("comparison", Column("Wert zu Beginn", Kind.NUMBER)),
    ("comparison_date", Column("Wert zu Beginn vom", Kind.DATE)),
    ("value", Column("Wert im Berichtszeitraum", Kind.NUMBER)),
    ("value_date", Column("Stichtag", Kind.DATE)),
    ("attainment", Column("Zielerreichung in %", Kind.PERCENT)),
    ("rating", Column("Bewertung")),
]


def report_rows(report: ProgressReport, context: dict | None = None) -> list[dict]:
    """One row per indicator (kreisweit) and one per municipality value, in report order.

    A measure without indicators still gets a row, so every measure of the report appears.
    """
    context = context or report_context(report)
    rows = []
    for group in context["focus_groups"]:
        for field_group in group.fields:
            for item in field_group.measures:
                measure = item.measure
                base = {
                    "focus_area": group.focus_area.name,
                    "field_of_action": field_group.field.name if field_group.field else "",
                    "measure": measure.title,
                    "status": measure.get_status_display(),
                    "lead_actor": measure.lead_actor.name if measure.lead_actor else "",
                }
                empty = dict.fromkeys(key for key, _column in ROW_COLUMNS if key not in base)
                if not item.indicators:
                    rows.append(base | empty)
                for entry in item.indicators:
                    indicator = entry.indicator
                    about = (
                        base
                        | empty
                        | {
                            "indicator": indicator.name,
                            "unit": indicator.unit,
                            "direction": indicator.get_direction_display(),
                            "baseline": indicator.baseline,
                            "target": indicator.target,
                        }
                    )
                    rows.append(
                        about
                        | {
                            "area": "kreisweit",
                            "comparison": entry.comparison.value if entry.comparison else None,
                            "comparison_date": entry.comparison.date if entry.comparison else None,
                            "value": entry.latest.value if entry.latest else None,
                            "value_date": entry.latest.date if entry.latest else None,
                            "attainment": entry.attainment,
                            "rating": entry.rating,
                        }
                    )
                    for m in entry.municipal:
                        rows.append(
                            about
                            | {"area": m.municipality.name, "value": m.value, "value_date": m.date}
                        )
    return rows


# --- The Mitteilungsvorlage to the bodies -------------------------------------------------------
