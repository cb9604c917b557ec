"""Leases held by this process: what it is working on right now (issue 15).

A render renews its lease at every progress report, but one step (laying out a whole concept)
reports nothing for a while. ``manage.py worker`` therefore renews, with every heartbeat, the
lease of each record this process holds; a lease runs out only when the process is gone.
"""

import threading
from collections import defaultdict
from contextlib import contextmanager

from django.utils import timezone

_held: set[tuple[type, int]] = set()
_lock = threading.Lock()


@contextmanager
def holding(record):
    """While the block runs, ``record`` (a document or release request) is this process's."""
    key = (type(record), record.pk)
    with _lock:
        _held.add(key)
    try:
        yield
    finally:
        with _lock:
            _held.discard(key)


def renew() -> int:
    """Renew the lease of every pending record this process holds; how many were renewed."""
    with _lock:
        held = list(_held)
    by_model = defaultdict(list)
    for model, pk in held:
        by_model[model].append(pk)
    now = timezone.now()
    renewed = 0
    for model, pks in by_model.items():
        pending = [model.Status.QUEUED, model.Status.RUNNING]
        renewed += model.objects.filter(pk__in=pks, status__in=pending).update(heartbeat_at=now)
    return renewed
