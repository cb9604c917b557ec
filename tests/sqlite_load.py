"""Load for tests/test_sqlite_concurrency.py: web requests that write while `db_worker` writes.

Run as ``python -m tests.sqlite_load <rounds>`` against a migrated SQLite file (DATABASE_URL);
the worker runs ``tests.sqlite_load.write_rows``. Prints one JSON line with what went wrong.
"""

import json
import secrets
import sys
import time

import django
from django_tasks import task


@task()
def write_rows(count: int) -> int:
    """What a worker does to the database: several writes in one transaction, a while long."""
    from django.contrib.sessions.models import Session
    from django.db import transaction
    from django.utils import timezone

    with transaction.atomic():
        Session.objects.filter(expire_date__lt=timezone.now()).count()  # read, then write
        for _ in range(count):
            Session.objects.create(
                session_key=secrets.token_hex(16),
                session_data="",
                expire_date=timezone.now(),
            )
            time.sleep(0.005)
    return count


def main(rounds: int) -> None:
    django.setup()
    from django.test import Client

    from accounts.models import User
    from tests import sqlite_load  # the task's path must name this module, not __main__

    User.objects.create_user("last", password="geheim-und-lang-genug")
    errors: list[str] = []
    results = []
    for _ in range(rounds):
        results.append(sqlite_load.write_rows.enqueue(20))
        client = Client()
        # A login writes the session, last_login and django-axes' access log: a web request
        # that reads first and then writes, as every form post does.
        for password in ("falsch-falsch-falsch", "geheim-und-lang-genug"):
            try:
                response = client.post(
                    "/konto/anmelden/", {"username": "last", "password": password}
                )
                if response.status_code >= 500:
                    errors.append(f"HTTP {response.status_code}")
            except Exception as error:  # the point is to count them
                errors.append(repr(error))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for result in results:
            result.refresh()
        if all(result.status in ("SUCCESSFUL", "FAILED") for result in results):
            break
        time.sleep(0.2)
    statuses = [str(result.status) for result in results]
    print(json.dumps({"errors": errors, "statuses": statuses}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
