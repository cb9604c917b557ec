"""The annual KIM Sachbericht of a District (issue 19): the posts per Baustein at the end of the
year, the decisions on posts, the case figures per quarter, municipality and topic, and the
Strukturbedarfe reported and decided in the year – for the Land (Bezirksregierung Arnsberg,
Kompetenzzentrum für Integration; DOMAIN.md "KIM") and the Ausschuss.

The report leaves the KI, so every count of cases from 1 to 4 reads "< 5" (kim/privacy.py),
whoever downloads it. A table with a "Kreis" total would give a hidden count away by
subtraction when it is the only hidden one in its column; the next smallest count of that
column is hidden too (secondary suppression).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from core.text import fte_label
from kim.models import DECIDED_STATES, CaseFigures, CaseTopic, Finding, PostChange
from kim.privacy import PRIMARY, SHOWN, SMALL, cell, is_small, quarter_flags, suppress_columns
from kim.summary import by_baustein, by_municipality, posts_on, rates_on

QUARTERS = (1, 2, 3, 4)
FIGURE_TABLES = (
    ("opened", "Neu aufgenommene Fälle je Quartal"),
    ("active", "Aktiv betreute Fälle je Quartal"),
    ("closed", "Abgeschlossene Fälle je Quartal"),
)
HIDDEN = f"< {SMALL}"


@dataclass
class CountTable:
    """Rows of municipalities, columns, a "Kreis" total row; cells are shown text."""

    title: str
    columns: list[str]
    rows: list[tuple[str, list[str]]] = field(default_factory=list)
    total: list[str] = field(default_factory=list)
    totals: list[int | None] = field(default_factory=list)  # the raw totals, for the chart


def suppressed_table(title, columns, raw_rows, forced=None) -> CountTable:
    """Hide counts 1–4 ("< 5") and, where a column would otherwise give one of them away
    through its total, the next smallest count of that column ("x"; kim/privacy.py)."""
    names = [name for name, _values in raw_rows]
    values = [list(row) for _name, row in raw_rows]
    flags = suppress_columns(values, forced)
    totals: list[int | None] = []
    total_cells: list[str] = []
    for col in range(len(columns)):
        known = [row[col] for row in values if row[col] is not None]
        total = sum(known) if known else None
        totals.append(total)
        total_cells.append(cell(total, PRIMARY if is_small(total) else SHOWN))
    rows = [
        (name, [cell(v, f) for v, f in zip(row, row_flags, strict=True)])
        for name, row, row_flags in zip(names, values, flags, strict=True)
    ]
    return CountTable(title, list(columns), rows, total_cells, totals)


@dataclass
class Bar:
    x: float
    y: float
    height: float
    label: str
    css: str

    @property
    def label_y(self) -> float:
        return self.y - 4


BAR_SERIES = (
    ("opened", "neu aufgenommen"),
    ("active", "aktiv betreut"),
    ("closed", "abgeschlossen"),
)
CHART_WIDTH, CHART_HEIGHT, CHART_BOTTOM = 520, 200, 30


def quarter_chart(tables: dict[str, CountTable]) -> dict | None:
    """Grouped bars of the kreisweit totals per quarter (server-rendered SVG). A hidden total
    (1–4) has no bar, only its label "< 5"."""
    peak = max((t for table in tables.values() for t in table.totals if t is not None), default=0)
    if not peak:
        return None
    bars = []
    slot = CHART_WIDTH / 4
    width = slot / 4
    for q_index in range(4):
        for s_index, (key, _label) in enumerate(BAR_SERIES):
            total = tables[key].totals[q_index]
            if total is None:
                continue
            shown = not (0 < total < SMALL)
            height = (CHART_HEIGHT - CHART_BOTTOM - 20) * total / peak if shown else 0
            bars.append(
                Bar(
                    x=q_index * slot + width * (s_index + 0.5),
                    y=CHART_HEIGHT - CHART_BOTTOM - height,
                    height=height,
                    label=str(total) if shown else HIDDEN,
                    css=f"bar-{key}",
                )
            )
    description = "; ".join(
        f"{q}. Quartal: "
        + ", ".join(f"{label} {tables[key].total[q - 1]}" for key, label in BAR_SERIES)
        for q in QUARTERS
    )
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "axis_y": CHART_HEIGHT - CHART_BOTTOM,
        "labels": [(slot * (q - 1) + slot / 2, f"{q}. Quartal") for q in QUARTERS],
        "series": BAR_SERIES,
        "bar_width": width * 0.9,
        "description": "Fälle kreisweit je Quartal – " + description,
    }


def reference_day(year: int, today: datetime.date | None = None) -> datetime.date:
    """The day the posts are counted: 31 December, or today within the running year."""
    today = today or timezone.localdate()
    return min(datetime.date(year, 12, 31), today)


def sachbericht_context(district, year: int, *, today: datetime.date | None = None) -> dict:
    today = today or timezone.localdate()
    day = reference_day(year, today)
    posts = posts_on(district, day)
    for post in posts:
        post.fte_display = fte_label(post.fte)
    rows, total = by_baustein(posts, rates_on(day))
    changes = [
        change
        for change in PostChange.objects.for_district(district)
        if (change.effective_on or change.decided_on)
        and (change.effective_on or change.decided_on).year == year
    ]
    for change in changes:
        change.fte_before_display = fte_label(change.fte_before)
        change.fte_after_display = fte_label(change.fte_after)

    municipalities = list(district.municipalities.order_by("name"))
    figures = list(
        CaseFigures.objects.for_district(district).filter(year=year).prefetch_related("topics")
    )
    topics = list(CaseTopic.objects.for_district(district))
    by_key = {(f.municipality_id, f.quarter): f for f in figures}
    reporting = [m for m in municipalities if any(f.municipality_id == m.pk for f in figures)]
    tables = {}
    for key, title in FIGURE_TABLES:
        raw = [
            (
                m.name,
                [
                    getattr(by_key[(m.pk, q)], key) if (m.pk, q) in by_key else None
                    for q in QUARTERS
                ],
            )
            for m in reporting
        ]
        tables[key] = suppressed_table(title, [f"{q}. Quartal" for q in QUARTERS], raw)
    # A year's sum per topic would give a hidden quarter away (sum minus the shown quarters):
    # it is hidden wherever one of its quarters is, as the Fallzahlen page hides them.
    hidden_quarters = set()
    for q in QUARTERS:
        rows_q = [by_key[(m.pk, q)] for m in reporting if (m.pk, q) in by_key]
        for municipality_id, (_values, row_flags) in quarter_flags(rows_q, topics).items():
            for index, flag in enumerate(row_flags[3:]):
                if flag != SHOWN:
                    hidden_quarters.add((municipality_id, index))
    topic_raw, forced = [], []
    for m in reporting:
        sums = {}
        for f in figures:
            if f.municipality_id != m.pk:
                continue
            for count in f.topics.all():
                sums[count.topic_id] = sums.get(count.topic_id, 0) + count.count
        topic_raw.append((m.name, [sums.get(t.pk) for t in topics]))
        forced.append([(m.pk, index) in hidden_quarters for index in range(len(topics))])
    topic_table = suppressed_table(
        "Fälle nach Hauptthema im Jahr (Summe der Quartale)",
        [t.name for t in topics],
        topic_raw,
        forced,
    )

    # The Sachbericht goes to the Land and the Ausschuss: it names what the Lenkungsgruppe
    # decided in the year (issue 19: "findings and decisions of the year"), as the Kreistag
    # reads them on the board, and only counts the ones still in work.
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    decided = list(
        Finding.objects.for_district(district)
        .filter(state__in=DECIDED_STATES, meeting__start__date__range=(start, end))
        .select_related("municipality", "project_group", "meeting__committee")
        .order_by("meeting__start", "pk")
    )
    for finding in decided:
        # As it stood at the end of the year: implemented later is still "beschlossen" then.
        done = finding.implemented_on and finding.implemented_on <= end
        finding.state_then = (
            finding.get_state_display()
            if finding.state != Finding.State.IMPLEMENTED or done
            else Finding.State.DECIDED.label
        )
        finding.implemented_then = finding.implemented_on if done else None
    reported = Finding.objects.for_district(district).filter(reported_on__range=(start, end))
    in_work = reported.exclude(pk__in=[f.pk for f in decided]).exclude(
        state__in=DECIDED_STATES, meeting__start__date__lte=end
    )
    findings = decided
    return {
        "district": district,
        "year": year,
        "day": day,
        "generated_at": timezone.localtime(),
        "posts": posts,
        "baustein_rows": rows,
        "total": total,
        "municipality_rows": by_municipality(posts),
        "changes": changes,
        "figure_tables": [tables[key] for key, _title in FIGURE_TABLES],
        "topic_table": topic_table,
        "chart": quarter_chart(tables),
        "has_figures": bool(figures),
        "findings": findings,
        "decided": decided,
        "reported_count": reported.count(),
        "in_work_count": in_work.count(),
        "hidden": HIDDEN,
        "has_examples": any(f.is_example for f in figures) or any(f.is_example for f in decided),
    }


def sachbericht_pdf(district, year: int, *, context: dict | None = None) -> bytes:
    """The Sachbericht as tagged PDF (PDF/UA-1, lang de) through the documents kit; the same
    content gives the same cached PDF (documents.pdf.cached_pdf). ``context``: the
    ``sachbericht_context`` a caller built already (the Mitteilungsvorlage's, of its day)."""
    from django.template.loader import render_to_string

    from documents import pdf

    context = context if context is not None else sachbericht_context(district, year)
    html = render_to_string("reports/kim_pdf.html", {**context, "logo_url": pdf.logo_url(district)})
    return pdf.cached_pdf(html)


def xlsx_sheets(context: dict) -> list[tuple[str, list, list]]:
    """The Sachbericht as workbook sheets (core.exports.xlsx_workbook): posts, decisions,
    case figures (hidden counts as the text "< 5"), findings."""
    from core.exports import Column, Kind

    posts = (
        "Stellen",
        [
            Column("Baustein", width=52),
            Column("VZÄ", kind=Kind.NUMBER),
            Column("besetzt (VZÄ)", kind=Kind.NUMBER),
            Column("gefördert (VZÄ)", kind=Kind.NUMBER),
            Column("Förderung höchstens (€)", kind=Kind.NUMBER, width=22),
        ],
        [
            [row.label, row.fte, row.filled, row.funded, row.funding or None]
            for row in [*context["baustein_rows"], context["total"]]
        ],
    )
    changes = (
        "Stellenbeschlüsse",
        [
            Column("Art der Stelle", width=30),
            Column("vorher (VZÄ)", kind=Kind.NUMBER),
            Column("nachher (VZÄ)", kind=Kind.NUMBER),
            Column("gilt ab", kind=Kind.DATE),
            Column("Beschluss", width=50),
        ],
        [
            [c.get_kind_display(), c.fte_before, c.fte_after, c.effective_on, c.decision]
            for c in context["changes"]
        ],
    )
    figure_rows = []
    for table in [*context["figure_tables"], context["topic_table"]]:
        for name, cells in [*table.rows, ("Kreis insgesamt", table.total)]:
            for column, text in zip(table.columns, cells, strict=True):
                figure_rows.append([table.title, name, column, _number_or_text(text)])
    figures = (
        "Fallzahlen",
        [
            Column("Tabelle", width=44),
            Column("Kommune", width=24),
            Column("Spalte", width=16),
            Column("Fälle"),
        ],
        figure_rows,
    )
    findings = (
        "Strukturbedarfe",
        [
            Column("Titel", width=40),
            Column("Kommune", width=20),
            Column("Rechtskreise", width=40),
            Column("gemeldet am", kind=Kind.DATE),
            Column("Stand", width=20),
            Column("Sitzung", width=36),
            Column("Beschluss", width=50),
            Column("umgesetzt am", kind=Kind.DATE),
        ],
        [
            [
                f.title,
                f.municipality.name if f.municipality_id else "kreisweit",
                ", ".join(f.rechtskreis_labels()),
                f.reported_on,
                f.state_then,
                str(f.meeting) if f.meeting_id else "",
                f.decision,
                f.implemented_then,
            ]
            for f in context["findings"]
        ],
    )
    return [posts, changes, figures, findings]


def _number_or_text(cell: str):
    return int(cell) if cell.isdecimal() else cell


def paper_facts(context: dict) -> str:
    """The Sachbericht in sentences for the Mitteilungsvorlage (Markdown, as papers/prefill)."""
    from papers.prefill import markdown_escape

    total = context["total"]
    lines = [
        f"**Stellen am {context['day']:%d.%m.%Y}**",
        "\n".join(
            f"- {row.label}: {fte_label(row.fte)} VZÄ, davon {fte_label(row.filled)} besetzt "
            f"und {fte_label(row.funded)} vom Land gefördert"
            for row in context["baustein_rows"]
        ),
        f"Zusammen {fte_label(total.fte)} VZÄ, davon {fte_label(total.filled)} besetzt.",
    ]
    if context["changes"]:
        lines.append("**Stellenbeschlüsse**")
        lines.append(
            "\n".join(
                f"- {c.get_kind_display()}: {c.fte_after_display} statt "
                f"{c.fte_before_display} VZÄ – {markdown_escape(c.decision)}"
                for c in context["changes"]
            )
        )
    lines.append("**Case Management**")
    if context["has_figures"]:
        active = context["figure_tables"][1]
        lines.append(
            "Aktiv betreute Fälle kreisweit: "
            + ", ".join(
                f"{q}. Quartal {cell}" for q, cell in zip(QUARTERS, active.total, strict=True)
            )
            + f". Zahlen von 1 bis 4 erscheinen als „{HIDDEN}“, mit „x“ verdeckt ist eine weitere "
            "Zahl, aus der sich eine kleine errechnen ließe."
        )
    else:
        lines.append("Für das Jahr sind keine Fallzahlen erfasst.")
    lines.append("**Strukturbedarfe**")
    if context["decided"]:
        lines.append(
            "\n".join(
                f"- {markdown_escape(f.title)}: {f.state_then} ({markdown_escape(str(f.meeting))})"
                for f in context["decided"]
            )
        )
    else:
        lines.append("Die Lenkungsgruppe hat im Jahr über keinen Strukturbedarf entschieden.")
    return "\n\n".join(lines)
