"""Background work of the measures app (django-tasks): large measurement imports (issue 16)."""

import logging

from django_tasks import task

from . import imports
from .models import MeasurementImport

logger = logging.getLogger(__name__)


@task()
def run_measurement_import(import_id: int) -> int:
    """Import the queued file ``import_id`` all or nothing; the outcome is kept on the record.

    Returns the number of rows imported (0 if the file had errors).
    """
    record = MeasurementImport.objects.select_related("district", "created_by").get(pk=import_id)
    if record.status != MeasurementImport.Status.QUEUED:
        return record.created_count + record.updated_count + record.unchanged_count
    return imports.run(record)


def queue_import(record: MeasurementImport) -> None:
    """Hand ``record`` (a checked preview) to the task worker."""
    record.status = MeasurementImport.Status.QUEUED
    record.step = "in der Warteschlange"
    record.save(update_fields=["status", "step", "modified"])
    result = run_measurement_import.enqueue(record.pk)
    # The immediate backend (tests) has run it already; keep what it stored.
    MeasurementImport.objects.filter(pk=record.pk, task_id="").update(task_id=str(result.id))
