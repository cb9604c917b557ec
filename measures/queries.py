"""Reads about indicators that several pages share (dashboard, catalogue, measure page)."""

from django.db.models import OuterRef, QuerySet, Subquery

from .models import Indicator, Measurement


def with_latest_value(indicators: QuerySet[Indicator]) -> QuerySet[Indicator]:
    """Annotate ``latest_value`` and ``latest_date``: the newest kreisweit measurement.

    Per-municipality values stay out: the kreisweit figure is what the target refers to.
    """
    latest = Measurement.objects.filter(
        indicator=OuterRef("pk"), municipality__isnull=True
    ).order_by("-date")
    return indicators.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_date=Subquery(latest.values("date")[:1]),
    )


def behind_target(indicators, threshold: int = 50) -> list[Indicator]:
    """Indicators whose latest value has gone less than ``threshold`` % of the way to target.

    Expects indicators annotated by ``with_latest_value``.
    """
    behind = []
    for indicator in indicators:
        attainment = indicator.attainment(indicator.latest_value)
        if attainment is not None and attainment < threshold:
            indicator.attainment_percent = attainment
            behind.append(indicator)
    return behind
