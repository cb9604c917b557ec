"""A release waiting for its concept Anlage survives a crashed worker (issue 15).

The worker completing a queued release (``services.complete_release``) renews the request's
lease at every step and at every progress report of the concept it sets. A request still
"läuft" whose lease ran out (``TASK_LEASE_SECONDS``) lost its worker: it is queued again until it
has had ``TASK_MAX_ATTEMPTS`` tries, then it fails with a German message and the paper page
offers the release again. Lost concept documents are recovered first (``documents.recovery``),
so the new try finds them queued again or failed, never stuck.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from documents.recovery import close_task, lost, recover_documents

from .models import ReleaseRequest

logger = logging.getLogger(__name__)

LOST_RELEASE_MESSAGE = (
    "Die Freigabe wurde unterbrochen (der Hintergrunddienst wurde beendet). "
    "Bitte geben Sie die Vorlage erneut frei."
)
RETRY_STEP = "Erneut in der Warteschlange: die Freigabe wurde unterbrochen."


def recover_releases(queryset=None, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Queue again or fail every lost release request of ``queryset`` (default: all).

    Returns (queued again, failed).
    """
    if queryset is None:
        queryset = ReleaseRequest.objects.all()
    again = failed = 0
    for request in lost(queryset, now, since="requested_at"):
        outcome = _recover_release(request)
        again += outcome == "again"
        failed += outcome == "failed"
    return again, failed


def recover_all(now: datetime.datetime | None = None) -> dict[str, tuple[int, int]]:
    """Every lost document and release request, documents first (``manage.py recover_tasks``)."""
    return {
        "documents": recover_documents(now=now),
        "releases": recover_releases(now=now),
    }


def _recover_release(request: ReleaseRequest) -> str | None:
    from .services import complete_release

    now = timezone.now()
    still_lost = ReleaseRequest.objects.filter(
        pk=request.pk, status=request.status, attempts=request.attempts
    )
    logger.warning("release request %s lost its worker (attempt %s)", request.pk, request.attempts)
    if request.attempts >= settings.TASK_MAX_ATTEMPTS:
        if not still_lost.update(
            status=ReleaseRequest.Status.FAILED,
            step="fehlgeschlagen",
            error=LOST_RELEASE_MESSAGE,
            heartbeat_at=now,
        ):
            return None
        close_task(request.task_id)
        return "failed"
    with transaction.atomic():
        if not still_lost.update(
            status=ReleaseRequest.Status.QUEUED,
            step=RETRY_STEP,
            attempts=F("attempts") + 1,
            heartbeat_at=now,
            task_id="",
        ):
            return None
        close_task(request.task_id)
        # The concept it waited for: queued again or failed before the release tries anew.
        recover_documents()
        # (The tests' immediate backend completes the release right here.)
        result = complete_release.enqueue(request.pk)
        ReleaseRequest.objects.filter(pk=request.pk, task_id="").update(task_id=str(result.id))
    return "again"
