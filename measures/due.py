"""Indicators without a value in the current work period (issue 17, reminders).

The Indicator model has no frequency or period of its own (only baseline and target dates;
a Messwert has a date and a free ``period_label``), so "their period" is the District's current
work period: an indicator of an active measure with no Messwert dated inside it is due at the
period's end. Registered in ``core.due`` by ``land/apps.py``.
"""

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse

from concepts.queries import current_period
from core.due import DueItem, DueKind

from .models import Indicator, Measurement


def indicator_items(district, today: datetime.date) -> list[DueItem]:
    period = current_period(district, today)
    if period is None:
        return []
    valued = Measurement.objects.filter(
        indicator=OuterRef("pk"), date__gte=period.start, date__lte=period.end
    )
    lacking = (
        Indicator.objects.for_district(district)
        .filter(measure__is_archived=False)
        .filter(~Exists(valued))
        .select_related("measure")
        .order_by("measure__title", "name")
    )
    return [
        DueItem(
            kind=DueKind.INDICATOR,
            key=f"kennzahl:{indicator.pk}:{period.pk}",
            due=period.end,
            title=(
                f"Kennzahl „{indicator.name}“ ({indicator.measure.title}) hat in der "
                f"Arbeitsperiode {period.label} noch keinen Messwert"
            ),
            path=reverse(
                "measures:detail",
                kwargs={"district_slug": district.slug, "pk": indicator.measure_id},
            ),
        )
        for indicator in lacking
    ]
