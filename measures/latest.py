"""The latest kreisweit value kept on each Kennzahl (issue 16).

``Indicator.latest_value`` and ``latest_date`` are the newest kreisweit measurement (municipality
empty) by ``date``, ties by pk. They are recomputed here, in one UPDATE per batch of
Kennzahlen, by every path that writes measurements: the signals below cover each single save
and delete (services, htmx cells, admin, cascades), the bulk import calls
``refresh_latest_values`` once for all Kennzahlen it touched.
"""

from collections.abc import Iterable

from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Indicator, Measurement

# Kennzahlen per UPDATE: below SQLite's smallest limit of bound parameters (999).
BATCH = 500


def newest_districtwide():
    """The kreisweit measurements of the outer Kennzahl, newest first (the one rule)."""
    return Measurement.objects.filter(indicator=OuterRef("pk"), municipality__isnull=True).order_by(
        "-date", "-pk"
    )


def refresh_latest_values(indicator_ids: Iterable[int]) -> int:
    """Recompute latest value and date of the given Kennzahlen; returns how many were updated.

    One UPDATE with two correlated subqueries per ``BATCH`` Kennzahlen, whatever the number
    of measurements; a queryset update, so it writes no history record of the Kennzahl.
    """
    ids = sorted({pk for pk in indicator_ids if pk is not None})
    latest = newest_districtwide()
    updated = 0
    for start in range(0, len(ids), BATCH):
        updated += Indicator.objects.filter(pk__in=ids[start : start + BATCH]).update(
            latest_value=Subquery(latest.values("value")[:1]),
            latest_date=Subquery(latest.values("date")[:1]),
        )
    return updated


@receiver(post_save, sender=Measurement, dispatch_uid="measures.latest.saved")
def _measurement_saved(sender, instance: Measurement, raw: bool = False, **kwargs) -> None:
    # A municipal value that was never kreisweit does not change the kreisweit figure.
    if instance.municipality_id is None or getattr(instance, "_loaded_districtwide", False):
        refresh_latest_values([instance.indicator_id])
    instance._loaded_districtwide = instance.municipality_id is None


@receiver(post_delete, sender=Measurement, dispatch_uid="measures.latest.deleted")
def _measurement_deleted(sender, instance: Measurement, **kwargs) -> None:
    if instance.municipality_id is None or getattr(instance, "_loaded_districtwide", False):
        refresh_latest_values([instance.indicator_id])
