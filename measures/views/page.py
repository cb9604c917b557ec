"""The content of a measure's page, shared by the page itself and the measurement actions.

The query count is fixed: indicators and their measurements (with municipality) are prefetched
once; each indicator's latest value, attainment and chart are computed from that list.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from concepts.models import WorkPriority

from ..charts import TrendChart, trend_chart
from ..forms import MeasurementForm
from ..models import Indicator, Measure, Measurement


def detail_queryset(request):
    return (
        request.district.measures.visible_to(request.access)
        .select_related("focus_area", "field_of_action", "lead_actor")
        .prefetch_related(
            "municipalities",
            "partner_actors",
            "target_groups",
            "concept_versions",
            Prefetch(
                "work_priorities",
                queryset=WorkPriority.objects.select_related("work_period", "focus_area"),
            ),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.select_related("land_indicator")
                .order_by("name")
                .prefetch_related(
                    Prefetch(
                        "measurements",
                        queryset=Measurement.objects.visible_to(request.access, request.district)
                        .select_related("municipality")
                        .order_by("-date", "municipality__name"),
                    )
                ),
            ),
        )
    )


def measure_page_context(request, measure: Measure, bound_form=None) -> dict:
    """Everything the measure page shows besides the measure itself."""
    versions = measure.concept_versions.all()
    if not request.access.can_read_internal:
        # Liaisons and the Kreistag see adopted versions only.
        versions = [v for v in versions if v.is_adopted]
    return {
        "district": request.district,
        "access": request.access,
        "measure": measure,
        "concept_versions": versions,
        "cards": indicator_cards(request, measure, bound_form=bound_form),
    }


@dataclass
class IndicatorCard:
    """What the measure page shows for one indicator (``measures/_indicator_card.html``)."""

    indicator: Indicator
    measurements: list[Measurement]
    latest: Measurement | None
    attainment: object
    chart: TrendChart | None
    form: MeasurementForm | None
    saved: bool = False


def form_prefix(indicator: Indicator) -> str:
    return f"kennzahl-{indicator.pk}"


def build_card(
    request, indicator: Indicator, municipalities, bound_form=None, saved=False
) -> IndicatorCard:
    """One card from the indicator's prefetched measurements – no query of its own."""
    measurements = list(indicator.measurements.all())
    districtwide = [m for m in measurements if m.municipality_id is None]
    latest = max(districtwide, key=lambda m: m.date, default=None)
    form = None
    if request.access.can_edit:
        form = bound_form or MeasurementForm(
            district=request.district,
            indicator=indicator,
            municipalities=municipalities,
            prefix=form_prefix(indicator),
        )
    return IndicatorCard(
        indicator=indicator,
        measurements=sorted(
            measurements,
            key=lambda m: (-m.date.toordinal(), m.municipality is not None, str(m.municipality)),
        ),
        latest=latest,
        attainment=indicator.attainment(latest.value if latest else None),
        chart=trend_chart(indicator, measurements),
        form=form,
        saved=saved,
    )


def indicator_cards(request, measure: Measure, bound_form=None) -> list[IndicatorCard]:
    """Cards for all indicators of ``measure`` (indicators and measurements prefetched)."""
    municipalities = list(request.district.municipalities.all()) if request.access.can_edit else []
    return [
        build_card(
            request,
            indicator,
            municipalities,
            bound_form=bound_form
            if bound_form is not None and bound_form.indicator.pk == indicator.pk
            else None,
        )
        for indicator in measure.indicators.all()
    ]
