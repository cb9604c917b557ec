"""``/land/``: all KIs in one table for the Land (issue 17), filtered, sorted, exported."""

import datetime

from django import forms
from django.utils import timezone
from django.views.generic import TemplateView

from accounts.access import LandMixin
from core.exports import Column, Kind, csv_response, xlsx_response
from districts.models import District

from .overview import REGIERUNGSBEZIRKE, RULES, Row, overview_rows


class OverviewFilterForm(forms.Form):
    """The table's filters; an unknown value is ignored (the whole table shows)."""

    bezirk = forms.ChoiceField(
        label="Regierungsbezirk",
        required=False,
        choices=[("", "alle")] + [(code, name) for code, name in REGIERUNGSBEZIRKE.items()],
    )
    art = forms.ChoiceField(
        label="Art", required=False, choices=[("", "alle"), *District.Kind.choices]
    )
    regel = forms.ChoiceField(
        label="Förderfähigkeit: Regel nicht erfüllt",
        required=False,
        choices=[("", "keine Auswahl"), *RULES],
    )


# key -> (column label, value to sort by; None sorts last)
SORTS = {
    "name": ("Kreis / kreisfreie Stadt", lambda row: row.district.name.casefold()),
    "bezirk": ("Regierungsbezirk", lambda row: row.regierungsbezirk),
    "alter": ("Konzept in Kraft", lambda row: row.age_years),
    "frist": ("Frist beim Land", lambda row: row.deadline.days_left if row.deadline else None),
    "regeln": ("Regeln nicht erfüllt", lambda row: len(row.failing)),
    "personal": ("Stellen", lambda row: row.funded_fte),
    "bericht": (
        "Letzter Sachstandsbericht",
        lambda row: row.report.period_end if row.report else None,
    ),
    "aktivitaet": ("Letzte Aktivität", lambda row: row.last_activity),
}


def sort_rows(rows: list[Row], key: str) -> tuple[list[Row], str, bool]:
    """Rows sorted by ``key`` (``-key`` descending); empty values last either way."""
    descending = key.startswith("-")
    name = key.removeprefix("-")
    if name not in SORTS:
        return rows, "name", False
    value = SORTS[name][1]
    present = [row for row in rows if value(row) is not None]
    missing = [row for row in rows if value(row) is None]
    present.sort(key=lambda row: (value(row), row.district.name), reverse=descending)
    return present + missing, name, descending


EXPORT_COLUMNS = [
    Column("Kreis / kreisfreie Stadt", width=30),
    Column("Art", width=18),
    Column("Regierungsbezirk", width=16),
    Column("Amtlicher Schlüssel", width=12),
    Column("Konzept in Kraft", width=36),
    Column("beschlossen am", Kind.DATE, width=12),
    Column("Alter (Jahre)", width=10),
    Column("Entwurf in Arbeit", width=36),
    Column("Status des Entwurfs", width=18),
    Column("Frist beim Land", Kind.DATE, width=12),
    Column("Tage bis zur Frist", width=10),
    Column("Förderfähigkeit: Regeln nicht erfüllt", width=12),
    *(Column(f"Förderfähigkeit: {label}", width=16) for _code, label in RULES),
    Column("vom Land geförderte Stellen (VZÄ)", Kind.NUMBER, width=12),
    Column("förderfähige Stellen (VZÄ)", Kind.NUMBER, width=12),
    Column("KIM-Stellen (VZÄ)", Kind.NUMBER, width=12),
    Column("KIM-Stellen besetzt (VZÄ)", Kind.NUMBER, width=12),
    Column("KIM-Stellen gefördert (VZÄ)", Kind.NUMBER, width=12),
    Column("KIM: Quartal der Fallzahlen", width=12),
    Column("KIM: aktive Fälle", width=10),
    Column("KIM: aktive Fälle je 1.000 Einwohner", Kind.NUMBER, width=12),
    Column("Arbeitsperiode", width=14),
    Column("Arbeitsschwerpunkte", width=60),
    Column("Letzter Sachstandsbericht", width=30),
    Column("Bericht bis", Kind.DATE, width=12),
    Column("Letzte Aktivität", width=18),
]


def export_row(row: Row) -> list:
    in_force, draft, deadline = row.in_force, row.draft, row.deadline
    return [
        row.district.name,
        row.district.get_kind_display(),
        row.regierungsbezirk,
        row.district.official_key,
        in_force.title if in_force else "",
        in_force.decided_on if in_force else None,
        row.age_years,
        draft.title if draft else "",
        draft.get_status_display() if draft else "",
        deadline.date if deadline else None,
        deadline.days_left if deadline else None,
        len(row.failing),
        *("erfüllt" if rule.passed else "nicht erfüllt" for rule in row.rules),
        row.funded_fte,
        row.fundable_fte,
        *_kim_cells(row.kim),
        row.period.label if row.period else "",
        "; ".join(f"{area}: {', '.join(titles) or '–'}" for area, titles in row.priorities),
        row.report.full_title if row.report else "",
        row.report.period_end if row.report else None,
        row.last_activity,
    ]


def _kim_cells(kim) -> list:
    if kim is None:
        return [None] * 6
    quarter = f"{kim.quarter[1]}/{kim.quarter[0]}" if kim.quarter else ""
    return [kim.fte, kim.filled, kim.funded, quarter, kim.active_shown or "", kim.per_thousand]


class OverviewView(LandMixin, TemplateView):
    """Every KI in one row: concept, deadline, Förderfähigkeit, staffing, work period, report."""

    template_name = "land/overview.html"

    def get(self, request, *args, **kwargs):
        form = OverviewFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        today = timezone.localdate()
        rows = overview_rows(filters, today=today)
        rows, sort, descending = sort_rows(rows, request.GET.get("sortierung", "name"))
        export = request.GET.get("als")
        if export in ("csv", "xlsx"):
            return self.export(rows, export, today)
        context = self.get_context_data(
            form=form,
            rows=rows,
            rules=RULES,
            columns=self.columns(sort, descending),
            total=District.objects.count(),
            today=today,
        )
        return self.render_to_response(context)

    @staticmethod
    def columns(sort: str, descending: bool) -> dict:
        columns = {}
        for key, (label, _value) in SORTS.items():
            active = key == sort
            columns[key] = {
                "label": label,
                "aria_sort": ("descending" if descending else "ascending") if active else "",
                "next": f"-{key}" if active and not descending else key,
            }
        return columns

    @staticmethod
    def export(rows: list[Row], kind: str, today: datetime.date):
        data = [export_row(row) for row in rows]
        filename = f"kommunale-integrationszentren-{today:%Y-%m-%d}.{kind}"
        if kind == "xlsx":
            return xlsx_response(
                EXPORT_COLUMNS,
                data,
                filename=filename,
                sheet_title="Kommunale Integrationszentren",
                title=f"Kommunale Integrationszentren in NRW, Stand {today:%d.%m.%Y}",
            )
        return csv_response(EXPORT_COLUMNS, data, filename=filename)
