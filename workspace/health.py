"""``/healthz`` for the load balancer and monitoring (issue 15): public, no login, JSON.

- Database: a trivial query. Failing → 503: nothing works without it.
- Worker: the newest heartbeat of ``manage.py worker`` (``documents.WorkerHeartbeat``).
  A silent worker alone is a warning with 200, not an outage: the web app serves every page
  without it, and a District that asks for no long document may leave no task for hours (a
  worker that is down yet has nothing to do harms nobody). It is 503 only when work has
  waited in the queue longer than the lease (TASK_LEASE_SECONDS) while no worker reported:
  then users do wait for PDFs and releases that will not come.
"""

import datetime

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.text import counted
from documents.recovery import last_worker_beat


def _when(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M:%S")


def _waiting_tasks(since: datetime.datetime) -> int:
    """Tasks the database queue has held since before ``since`` without a worker taking them."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().filter(enqueued_at__lt=since).count()


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse(
            {
                "status": "error",
                "database": f"Datenbank nicht erreichbar ({type(exc).__name__})",
                "worker": "unbekannt",
            },
            status=503,
        )
    try:
        return _worker_health()
    except DatabaseError as exc:  # e.g. a table missing: migrations not run
        return JsonResponse(
            {
                "status": "error",
                "database": f"Datenbank unvollständig ({type(exc).__name__}; migrate gelaufen?)",
                "worker": "unbekannt",
            },
            status=503,
        )


def _worker_health() -> JsonResponse:
    now = timezone.now()
    silent_after = datetime.timedelta(seconds=3 * settings.WORKER_HEARTBEAT_SECONDS)
    beat = last_worker_beat()
    body = {"status": "ok", "database": "ok"}
    if beat is not None and beat.seen_at >= now - silent_after:
        body["worker"] = f"ok, letzte Meldung {_when(beat.seen_at)}"
        return JsonResponse(body)
    body["worker"] = (
        f"Worker: keine Meldung seit {_when(beat.seen_at)}"
        if beat is not None
        else "Worker: keine Meldung seit dem Start (manage.py worker läuft nicht?)"
    )
    waiting = _waiting_tasks(now - datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS))
    if waiting:
        body["status"] = "error"
        body["queue"] = (
            f"{counted(waiting, 'Aufgabe', 'Aufgaben')} in der Warteschlange seit über "
            f"{settings.TASK_LEASE_SECONDS // 60} Minuten"
        )
        return JsonResponse(body, status=503)
    body["status"] = "warning"
    body["queue"] = "keine Aufgabe wartet"
    return JsonResponse(body)
