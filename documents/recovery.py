"""Work whose worker died is found and queued again or failed, never left stuck (issue 15).

A render renews its lease (``heartbeat_at``) at every progress report. After ``kill -9`` of
the worker the document would say "wird erstellt 30 %" forever, and django-tasks-db never
hands a claimed task to another worker. So a document "wird erstellt" whose heartbeat is older
than ``TASK_LEASE_SECONDS`` counts as lost: it is queued again as a new task until it has had
``TASK_MAX_ATTEMPTS`` tries, then it is marked failed with a German message, and asking for the
PDF again starts anew (``services.request_document`` skips failed documents).

The check runs wherever lost work matters: when a page shows or polls the document, when the
PDF is asked for again, in ``manage.py recover_tasks`` and in ``manage.py worker`` (at start and
with every heartbeat). Each recovery is a conditional update, so two of them at once (a page
and the worker) queue the document once.
"""

import datetime
import logging
import os
import socket
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import GeneratedDocument, WorkerHeartbeat
from .tasks import render_document

logger = logging.getLogger(__name__)

LOST_MESSAGE = (
    "Die Erstellung wurde unterbrochen (der Hintergrunddienst wurde beendet). "
    "Bitte erneut anfordern."
)
RETRY_STEP = "Erneut in der Warteschlange: die Erstellung wurde unterbrochen"


def lease_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Work without a sign of life since this moment has lost its worker."""
    return (now or timezone.now()) - datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS)


def expired(cutoff: datetime.datetime, since: str = "modified") -> Q:
    """Records (document or release request) whose lease ran out before ``cutoff``; one
    without a heartbeat yet counts from ``since``."""
    return Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, **{f"{since}__lt": cutoff})


def claimed_task_ids(task_ids) -> set[str]:
    """Those of ``task_ids`` that a database worker claimed and never finished.

    A record still "wartet" although its task was claimed lost its worker between the claim and
    the first progress report. Other backends (the tests' immediate one) keep no such rows.
    """
    ids = []
    for task_id in task_ids:
        try:
            ids.append(uuid.UUID(task_id))
        except (ValueError, TypeError):
            continue
    if not ids:
        return set()
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return {
        str(pk)
        for pk in DBTaskResult.objects.filter(
            pk__in=ids, status=TaskResultStatus.RUNNING
        ).values_list("pk", flat=True)
    }


def close_task(task_id: str) -> None:
    """Mark a lost database task failed, so that no list shows it running forever."""
    try:
        key = uuid.UUID(task_id)
    except (ValueError, TypeError):
        return
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.filter(pk=key, status=TaskResultStatus.RUNNING).first()
    if task is not None:
        task.set_failed(RuntimeError("worker lost (lease expired)"))


def lost(queryset, now: datetime.datetime | None = None, since: str = "modified"):
    """The records of ``queryset`` (documents or release requests) whose worker died."""
    cutoff = lease_cutoff(now)
    Status = queryset.model.Status
    stale = queryset.filter(expired(cutoff, since))
    running = list(stale.filter(status=Status.RUNNING))
    waiting = list(stale.filter(status=Status.QUEUED).exclude(task_id=""))
    claimed = claimed_task_ids(record.task_id for record in waiting)
    return running + [record for record in waiting if record.task_id in claimed]


def recover_documents(queryset=None, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Queue again or fail every lost document of ``queryset`` (default: all).

    Returns (queued again, failed).
    """
    if queryset is None:
        queryset = GeneratedDocument.objects.all()
    again = failed = 0
    for document in lost(queryset.defer("pdf"), now):
        outcome = _recover_document(document)
        again += outcome == "again"
        failed += outcome == "failed"
    return again, failed


def _recover_document(document: GeneratedDocument) -> str | None:
    now = timezone.now()
    # Only if nobody recovered or finished it meanwhile: same status, same attempt.
    still_lost = GeneratedDocument.objects.filter(
        pk=document.pk, status=document.status, attempts=document.attempts
    )
    logger.warning(
        "document %s (%s) lost its worker at %s %% (attempt %s)",
        document.pk,
        document.kind,
        document.progress,
        document.attempts,
    )
    if document.attempts >= settings.TASK_MAX_ATTEMPTS:
        if not still_lost.update(
            status=GeneratedDocument.Status.FAILED,
            step="fehlgeschlagen",
            error=LOST_MESSAGE,
            finished_at=now,
            modified=now,
        ):
            return None
        close_task(document.task_id)
        return "failed"
    with transaction.atomic():
        if not still_lost.update(
            status=GeneratedDocument.Status.QUEUED,
            progress=0,
            step=RETRY_STEP,
            attempts=F("attempts") + 1,
            heartbeat_at=now,
            task_id="",
            modified=now,
        ):
            return None
        close_task(document.task_id)
        # Same transaction as the update: the database worker sees both or neither.
        # (The tests' immediate backend renders it right here.)
        result = render_document.enqueue(document.pk)
        GeneratedDocument.objects.filter(pk=document.pk, task_id="").update(task_id=str(result.id))
    return "again"


def worker_beat(worker_id: str, started_at: datetime.datetime) -> None:
    """The worker's sign of life for /healthz; rows of workers gone for a week are dropped."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "seen_at": now,
            "started_at": started_at,
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )
    WorkerHeartbeat.objects.filter(seen_at__lt=now - datetime.timedelta(days=7)).delete()


def last_worker_beat() -> WorkerHeartbeat | None:
    return WorkerHeartbeat.objects.order_by("-seen_at").first()
