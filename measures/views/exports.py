"""The measures catalogue with its Kennzahlen as CSV and XLSX (issue 7).

The export shows exactly what the catalogue shows the visitor: the same visibility (a liaison
sees their municipality's and the kreisweit measures), the same filters from the query string
(``MeasureFilter``) and the same order (``?sort=``). One row per Kennzahl; a measure without
Kennzahlen gets one row with empty Kennzahl columns. The number of queries does not grow with
the number of measures.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.access import district_view
from accounts.rights import Capability
from core.exports import Column, Kind, csv_response, xlsx_response

from ..filters import MeasureFilter
from ..models import Indicator
from .measures import catalogue_ordering

COLUMNS = [
    Column("Maßnahme", width=40),
    Column("Schwerpunkt", width=28),
    Column("Handlungsfeld", width=28),
    Column("Status", width=16),
    Column("Kommunen", width=28),
    Column("federführender Akteur", width=30),
    Column("Beginn", Kind.DATE, width=12),
    Column("Ende", Kind.DATE, width=12),
    Column("Kennzahl", width=36),
    Column("Einheit", width=14),
    Column("Ausgangswert", Kind.NUMBER, width=14),
    Column("Zielwert", Kind.NUMBER, width=14),
    Column("letzter Messwert", Kind.NUMBER, width=16),
    Column("Datum des letzten Messwerts", Kind.DATE, width=16),
    Column("Zielerreichung in %", Kind.PERCENT, width=14),
]
NO_INDICATOR = [None] * 7


def exported_measures(request):
    """The catalogue's measures for this visitor, filtered and sorted as the list page does,
    with municipalities and Kennzahlen (with their latest kreisweit value) prefetched.
    """
    district, access = request.district, request.access
    indicators = Indicator.objects.order_by("name", "pk")
    measures = (
        district.measures.visible_to(access)
        .select_related("focus_area", "field_of_action", "lead_actor")
        .prefetch_related("municipalities", Prefetch("indicators", queryset=indicators))
    )
    measure_filter = MeasureFilter(
        request.GET or None, queryset=measures, request=request, district=district, access=access
    )
    *_, ordering = catalogue_ordering(request.GET.get("sort", "titel"))
    return measure_filter.qs.order_by(*ordering, "pk")


def export_rows(measures):
    for measure in measures:
        municipalities = ", ".join(m.name for m in measure.municipalities.all()) or "kreisweit"
        head = [
            measure.title,
            measure.focus_area.name,
            measure.field_of_action.name if measure.field_of_action else "",
            measure.get_status_display(),
            municipalities,
            measure.lead_actor.name if measure.lead_actor else "",
            measure.start,
            measure.end,
        ]
        indicators = list(measure.indicators.all())
        if not indicators:
            yield head + NO_INDICATOR
        for indicator in indicators:
            yield head + [
                indicator.name,
                indicator.unit,
                indicator.baseline,
                indicator.target,
                indicator.latest_value,
                indicator.latest_date,
                indicator.attainment(indicator.latest_value),
            ]


def _filename(district, suffix: str) -> str:
    return f"massnahmen-{district.slug}-{timezone.localdate():%Y-%m-%d}.{suffix}"


@district_view(Capability.READ)
@require_safe
def export_csv(request):
    rows = export_rows(exported_measures(request))
    return csv_response(COLUMNS, rows, filename=_filename(request.district, "csv"))


@district_view(Capability.READ)
@require_safe
def export_xlsx(request):
    district = request.district
    return xlsx_response(
        COLUMNS,
        export_rows(exported_measures(request)),
        filename=_filename(district, "xlsx"),
        sheet_title="Maßnahmen",
        title=f"Maßnahmenkatalog – {district.name}",
    )
