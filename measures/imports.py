"""A measurement import from the checked file to its outcome (issue 16).

The upload is checked (``csv_import.parse``) and kept as a ``MeasurementImport`` in preview;
"Jetzt importieren" checks it again against the catalogue as it is then and saves every row or
none – in the request for a file up to ``MEASUREMENT_IMPORT_SYNC_ROWS`` rows, in the task
worker (``measures.tasks``) above that.
"""

import datetime
import logging
import time

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from districts.models import District

from . import csv_import, services
from .models import MeasurementImport

logger = logging.getLogger(__name__)

# Seconds between preview and "Jetzt importieren"; older previews are dropped.
PREVIEW_MAX_AGE = 60 * 60
FAILED_MESSAGE = (
    "Der Import ist wegen eines technischen Fehlers abgebrochen; nichts wurde gespeichert. "
    "Bitte die Datei noch einmal hochladen; bleibt der Fehler, wenden Sie sich an die Betreuung."
)
LOST_MESSAGE = (
    "Der Import wurde unterbrochen (der Hintergrunddienst wurde beendet); nichts wurde "
    "gespeichert. Bitte die Datei noch einmal hochladen."
)
Status = MeasurementImport.Status


def preview_create(
    *, district: District, user, file_name: str, text: str, rows: int
) -> MeasurementImport:
    """Keep a checked file until "Jetzt importieren"; previews past their time are dropped."""
    cutoff = timezone.now() - datetime.timedelta(seconds=PREVIEW_MAX_AGE)
    MeasurementImport.objects.for_district(district).filter(
        status=Status.PREVIEW, created__lt=cutoff
    ).delete()
    return MeasurementImport.objects.create(
        district=district,
        created_by=user,
        file_name=file_name[:255],
        content=text,
        row_count=rows,
    )


def runs_in_background(record: MeasurementImport) -> bool:
    return record.row_count > settings.MEASUREMENT_IMPORT_SYNC_ROWS


def _store(record: MeasurementImport, **fields) -> None:
    for name, value in fields.items():
        setattr(record, name, value)
    record.heartbeat_at = timezone.now()
    record.save(update_fields=[*fields, "heartbeat_at", "modified"])


def run(record: MeasurementImport) -> int:
    """Check the file again and import it, all or nothing; the outcome is stored on ``record``.

    Returns the number of rows imported; 0 if a line is wrong now (the errors are stored on
    the record, nothing is saved). An unexpected failure is stored and raised again.
    """
    started = time.perf_counter()
    _store(record, status=Status.RUNNING, progress=10, step="Datei prüfen und speichern")
    try:
        with transaction.atomic():
            result = csv_import.parse(record.content, record.district)
            if result.ok:
                counts = services.measurements_import(
                    district=record.district, rows=result.rows, user=record.created_by
                )
    except Exception:
        logger.exception("measurement import %s failed", record.pk)
        _store(
            record,
            status=Status.FAILED,
            step="fehlgeschlagen",
            errors=[FAILED_MESSAGE],
            finished_at=timezone.now(),
        )
        raise
    if not result.ok:
        _store(
            record,
            status=Status.FAILED,
            step="fehlgeschlagen",
            errors=result.errors,
            finished_at=timezone.now(),
        )
        return 0
    _store(
        record,
        status=Status.DONE,
        progress=100,
        step="fertig",
        content="",
        errors=[],
        created_count=counts.created,
        updated_count=counts.updated,
        unchanged_count=counts.unchanged,
        finished_at=timezone.now(),
        import_seconds=time.perf_counter() - started,
    )
    return counts.total


def fail_lost(record: MeasurementImport) -> bool:
    """Mark ``record`` failed if its worker died (no sign of life for ``TASK_LEASE_SECONDS``).

    The import runs in one transaction, so a lost worker saved nothing (issue 15's lease rule).
    """
    if record.status != Status.RUNNING:
        return False
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS)
    if record.heartbeat_at is None or record.heartbeat_at >= cutoff:
        return False
    updated = MeasurementImport.objects.filter(
        pk=record.pk, status=Status.RUNNING, heartbeat_at=record.heartbeat_at
    ).update(
        status=Status.FAILED,
        step="fehlgeschlagen",
        errors=[LOST_MESSAGE],
        finished_at=timezone.now(),
        modified=timezone.now(),
    )
    if updated:
        record.refresh_from_db()
    return bool(updated)
