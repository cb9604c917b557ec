"""The background worker: django-tasks-db's `db_worker` with a heartbeat and crash recovery.

Same options as `db_worker`. In addition (issue 15) it
- queues again or fails work whose worker died (``papers.recovery.recover_all``) at start, and
- every WORKER_HEARTBEAT_SECONDS writes its sign of life (``documents.WorkerHeartbeat``, shown
  by /healthz), renews the lease of the document or release it works on (``documents.leases``)
  and repeats that recovery, from a thread beside the task loop, so a render step that takes
  long neither silences the worker nor loses its lease.
"""

import logging
import os
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from documents import leases
from documents.recovery import worker_beat
from papers.recovery import recover_all

logger = logging.getLogger(__name__)


def _recover() -> None:
    try:
        outcome = recover_all()
    except Exception:  # a failed round must not end the worker; the next one tries again
        logger.exception("recovering lost background work failed")
        return
    if any(any(counts) for counts in outcome.values()):
        logger.warning("recovered lost background work: %s", outcome)


def _heartbeat_loop(worker_id: str, stop: threading.Event) -> None:
    started_at = timezone.now()
    while not stop.is_set():
        close_old_connections()
        try:
            worker_beat(worker_id, started_at)
            # Before recovering: what this process works on is alive, however long a step.
            leases.renew()
        except Exception:
            logger.exception("writing the worker heartbeat failed")
        _recover()
        stop.wait(settings.WORKER_HEARTBEAT_SECONDS)
    connection.close()


class Command(DbWorkerCommand):
    help = (
        "Hintergrund-Worker (db_worker) mit Lebenszeichen für /healthz und Wiederaufnahme "
        "unterbrochener Arbeit."
    )

    def handle(self, *args, **options):
        # With --reload the first process only watches the files; its child does the work.
        if not options.get("reload") or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            stop = threading.Event()
            threading.Thread(
                target=_heartbeat_loop,
                args=(options["worker_id"], stop),
                name="worker-heartbeat",
                daemon=True,
            ).start()
        return super().handle(*args, **options)
