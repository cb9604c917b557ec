"""The Kommunalbericht (issue 20): what the Kreis's Integrationskonzept does in one
municipality over a period of calendar years, for the municipality's own Ausschuss or Rat.

Seeds 000 and 004: the catalogue is adapted per municipality, the work done "gemeinde- bzw.
stadtscharf". The report composes several domains – the measures touching the municipality
(with partners and Arbeitsschwerpunkte), the Kennzahlen with the municipality's own values next
to the kreisweit ones, the municipality's answers in the priority rounds (coordination) and the
KIM posts and case figures in it – so it lives in the top layer (workspace).

It shows what the municipality's liaison reads (``Measure.objects.visible_to``) and nothing of
another municipality. It leaves the KI: case counts from 1 to 4 read "< 5" for every reader,
and a count the KIM Sachbericht hides as partner ("x") is hidden here too, so that putting the
two side by side tells nothing (kim/privacy.py).

The number of queries does not grow with the data: measures, indicators and values come in
one prefetch each, rounds, answers and case figures in one query each.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.access import Access
from accounts.models import Membership
from accounts.rights import Role
from concepts.models import WorkPriority
from coordination.models import PriorityRound, Submission, SubmissionChoice
from core.text import fte_label
from documents import pdf
from documents.renderers import letterhead
from kim.models import CaseFigures, CaseTopic
from kim.privacy import SMALL, cell, quarter_flags
from kim.summary import by_baustein, posts_on, rates_on
from measures.charts import TrendChart, trend_chart
from reports.models import ProgressReport
from reports.progress import IndicatorReport, indicator_report, relevant_measures

# Seed 000: Arbeitsschwerpunkte are fixed "für einen Zeitraum von zwei Jahren"; the report
# covers the last two calendar years unless the reader picks others.
DEFAULT_YEARS = 2
# The TIntG of 2012 set up the KIs; a concept's measures before 2000 are not to be expected,
# a year outside these bounds is a typo.
FIRST_YEAR = 2000
QUARTERS = (1, 2, 3, 4)
HIDDEN = f"< {SMALL}"


# --- The period ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Whole calendar years from ``first`` to ``last``."""

    first: int
    last: int

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.first, 1, 1)

    @property
    def end(self) -> datetime.date:
        return datetime.date(self.last, 12, 31)

    @property
    def label(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"

    @property
    def years(self) -> range:
        return range(self.first, self.last + 1)


def last_year() -> int:
    return timezone.localdate().year


def allowed_years() -> range:
    return range(FIRST_YEAR, last_year() + 1)


def default_period() -> Period:
    year = last_year()
    return Period(year - DEFAULT_YEARS + 1, year)


def _year(text: str) -> int | None:
    text = text.strip()
    if text.isascii() and text.isdecimal() and len(text) == 4 and int(text) in allowed_years():
        return int(text)
    return None


def period_from_query(von: str, bis: str) -> tuple[Period, str]:
    """The period of ``?von=&bis=`` and a German note when the input could not be used as
    given (then the default period, or the years swapped)."""
    default = default_period()
    if not von and not bis:
        return default, ""
    first, last = _year(von or bis), _year(bis or von)
    if first is None or last is None:
        return default, (
            f"„{von or bis}“ bis „{bis or von}“ ist kein Zeitraum, für den es einen Bericht gibt: "
            f"bitte Jahre von {FIRST_YEAR} bis {last_year()} wählen. "
            f"Der Bericht zeigt {default.label}."
        )
    if first > last:
        return Period(last, first), f"Die Jahre waren vertauscht; der Bericht zeigt {last}–{first}."
    return Period(first, last), ""


def period_from_path(first: int, last: int) -> Period | None:
    """The period of a download address, None where it is not one the page offers."""
    years = allowed_years()
    if first in years and last in years and first <= last:
        return Period(first, last)
    return None


# --- What the report shows ------------------------------------------------------------------


def liaison_access(municipality) -> Access:
    """The municipality's liaison as ``visible_to`` knows them: the report shows exactly what
    that liaison reads, whoever downloads it (one place of the rule, measures/models.py)."""
    membership = Membership(
        district_id=municipality.district_id, municipality=municipality, role=Role.LIAISON
    )
    return Access(role=Role.LIAISON, membership=membership)


def own_chart(indicator, measurements, municipality) -> TrendChart | None:
    """The municipality's own values over time (without the kreisweit target)."""
    return trend_chart(indicator, measurements, municipality=municipality)


@dataclass
class IndicatorRow:
    """One Kennzahl: the kreisweit figures of the Sachstandsbericht (``reports.progress``) and
    the municipality's latest value in the period with its own chart."""

    figures: IndicatorReport
    own: object | None  # the municipality's latest Measurement in the period
    own_chart: TrendChart | None

    @property
    def indicator(self):
        return self.figures.indicator


@dataclass
class MeasureRow:
    measure: object
    own: bool  # named for the municipality (else kreisweit)
    partners: list[str]
    priorities: list[str]
    indicators: list[IndicatorRow] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"massnahme-{self.measure.pk}"


def measure_rows(district, municipality, period: Period) -> list[MeasureRow]:
    """The measures running in the period that the municipality's liaison sees: named for it,
    or kreisweit. A Kennzahl is listed where the measure is the municipality's own or the
    municipality has a value of it; a kreisweit Kennzahl without one belongs to the
    Sachstandsbericht."""
    window = ProgressReport(district=district, period_start=period.start, period_end=period.end)
    priorities = WorkPriority.objects.filter(
        work_period__start__lte=period.end, work_period__end__gte=period.start
    ).select_related("work_period")
    measures = (
        relevant_measures(window)
        .visible_to(liaison_access(municipality))
        .prefetch_related(
            "partner_actors",
            Prefetch("work_priorities", queryset=priorities, to_attr="period_priorities"),
        )
        .order_by("focus_area__order", "title", "pk")
    )
    rows = []
    for measure in measures:
        own = any(m.pk == municipality.pk for m in measure.municipalities.all())
        row = MeasureRow(
            measure=measure,
            own=own,
            partners=sorted(a.name for a in measure.partner_actors.all()),
            priorities=[
                f"{p.work_period.label}: {p.title}"
                for p in sorted(
                    measure.period_priorities, key=lambda p: (p.work_period.start, p.title)
                )
            ],
        )
        for indicator in measure.report_indicators:
            mine = [
                m for m in indicator.report_measurements if m.municipality_id == municipality.pk
            ]
            if not (own or mine):
                continue
            figures = indicator_report(indicator, window)
            latest_own = next(
                (m for m in figures.municipal if m.municipality_id == municipality.pk), None
            )
            row.indicators.append(
                IndicatorRow(
                    figures=figures,
                    own=latest_own,
                    own_chart=own_chart(indicator, mine, municipality),
                )
            )
        rows.append(row)
    return rows


@dataclass
class RoundAnswer:
    round: PriorityRound
    submission: Submission | None
    choices: list = field(default_factory=list)


def round_answers(district, municipality, period: Period) -> list[RoundAnswer]:
    """The rounds open to answers in the period or fixing priorities for it, each with the
    municipality's answer (or none): its choices best first, its committee and comment."""
    rounds = (
        PriorityRound.objects.for_district(district)
        .exclude(status=PriorityRound.Status.DRAFT)
        .filter(
            Q(opens_on__lte=period.end, closes_on__gte=period.start)
            | Q(work_period__start__lte=period.end, work_period__end__gte=period.start)
        )
        .select_related("work_period")
        .order_by("opens_on", "pk")
    )
    choices = Prefetch(
        "choices",
        queryset=SubmissionChoice.objects.select_related(
            "option__focus_area", "option__field_of_action"
        ),
    )
    rounds = list(rounds)
    submissions = {
        s.round_id: s
        for s in Submission.objects.for_district(district)
        .filter(municipality=municipality, round__in=rounds)
        .prefetch_related(choices)
    }
    answers = []
    for round in rounds:
        submission = submissions.get(round.pk)
        picked = list(submission.choices.all()) if submission else []
        if round.uses_points:
            picked.sort(key=lambda c: (-(c.points or 0), c.option.order))
        else:
            picked.sort(key=lambda c: (c.rank or 999, c.option.order))
        answers.append(RoundAnswer(round=round, submission=submission, choices=picked))
    return answers


@dataclass
class QuarterRow:
    label: str
    cells: list[str]


def case_rows(district, municipality, period: Period) -> tuple[list, list[QuarterRow], bool]:
    """The municipality's case figures per quarter of the period: opened, active, closed and
    per topic. The hidden cells are worked out over all municipalities of each quarter, as on
    the Fallzahlen page and in the Sachbericht, and then the municipality's row is taken.
    Also: whether the municipality's figures are the demo's made-up ones."""
    topics = list(CaseTopic.objects.for_district(district))
    figures = (
        CaseFigures.objects.for_district(district)
        .filter(year__gte=period.first, year__lte=period.last)
        .prefetch_related("topics")
        .order_by("year", "quarter", "municipality__name")
    )
    by_quarter: dict[tuple[int, int], list] = {}
    for row in figures:
        by_quarter.setdefault((row.year, row.quarter), []).append(row)
    rows = []
    for (year, quarter), quarter_rows in by_quarter.items():
        flags = quarter_flags(quarter_rows, topics)
        if municipality.pk not in flags:
            continue
        values, row_flags = flags[municipality.pk]
        rows.append(
            QuarterRow(
                label=f"{quarter}. Quartal {year}",
                cells=[cell(v, f) for v, f in zip(values, row_flags, strict=True)],
            )
        )
    examples = any(row.is_example for row in figures if row.municipality_id == municipality.pk)
    return topics, rows, examples


def kim_posts(district, municipality, period: Period):
    """The KIM posts working in the municipality at the end of the period (or today), from
    the posts' history as the Sachbericht counts them."""
    day = min(period.end, timezone.localdate())
    posts = [p for p in posts_on(district, day) if p.municipality_id == municipality.pk]
    for post in posts:
        post.fte_display = fte_label(post.fte)
    rows, total = by_baustein(posts, rates_on(day))
    return day, posts, [r for r in rows if r.fte], total


def report_context(district, municipality, period: Period, *, show_answers: bool) -> dict:
    """Everything the Kommunalbericht shows, for the page, the PDF and the XLSX alike.

    ``show_answers``: whether the reader may see the municipality's answers in the priority
    rounds (the KI and the municipality itself; coordination shows the others only the
    aggregated result)."""
    measures = measure_rows(district, municipality, period)
    topics, quarters, examples = case_rows(district, municipality, period)
    day, posts, baustein_rows, total = kim_posts(district, municipality, period)
    indicators = [i for m in measures for i in m.indicators]
    return {
        **letterhead(district),
        "municipality": municipality,
        "period": period,
        "title": title(municipality, period),
        "generated_at": timezone.localtime(),
        "measures": measures,
        "own_count": sum(1 for m in measures if m.own),
        "districtwide_count": sum(1 for m in measures if not m.own),
        "indicator_count": len(indicators),
        "with_own_value": sum(1 for i in indicators if i.own),
        "show_answers": show_answers,
        "answers": round_answers(district, municipality, period) if show_answers else [],
        "topics": topics,
        "quarters": quarters,
        "has_examples": examples,
        "posts_day": day,
        "posts": posts,
        "baustein_rows": baustein_rows,
        "posts_total": total,
        "hidden": HIDDEN,
    }


def title(municipality, period: Period) -> str:
    return f"Kommunalbericht {municipality.name} {period.label}"


def file_stem(municipality, period: Period) -> str:
    return f"Kommunalbericht-{municipality.slug}-{period.first}-{period.last}"


def report_pdf(context: dict) -> bytes:
    """The report as tagged PDF (PDF/UA-1, lang de) through the documents kit; the same content
    gives the same cached PDF (documents.pdf.cached_pdf)."""
    return pdf.cached_pdf(render_to_string("workspace/pdf/municipal_report.html", context))
