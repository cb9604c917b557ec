"""/healthz (issue 15): the database and the worker's last heartbeat, public, for monitoring.

A silent worker is a warning (200) while nothing waits for it, an outage (503) once queued work
has waited longer than the lease; a database that does not answer is always 503.
"""

import ast
import datetime
import importlib.util
from pathlib import Path

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from documents.models import WorkerHeartbeat
from documents.recovery import worker_beat
from documents.tasks import render_document

pytestmark = pytest.mark.django_db


def health(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def test_a_running_worker_is_healthy_without_login(client):
    worker_beat("w1", timezone.now())
    status, body = health(client)
    assert status == 200
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["worker"].startswith("ok, letzte Meldung ")


def test_a_silent_worker_without_waiting_work_is_a_warning(client):
    worker_beat("w1", timezone.now())
    WorkerHeartbeat.objects.update(
        seen_at=datetime.datetime(2026, 12, 6, 9, 0, tzinfo=datetime.UTC)
    )
    status, body = health(client)
    assert status == 200 and body["status"] == "warning"
    assert body["worker"] == "Worker: keine Meldung seit 06.12.2026 10:00:00"
    assert body["queue"] == "keine Aufgabe wartet"


def test_a_silent_worker_with_work_waiting_too_long_is_an_outage(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = render_document.enqueue(0)
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=20)
    )
    status, body = health(client)
    assert status == 503 and body["status"] == "error"
    assert body["worker"].startswith("Worker: keine Meldung seit dem Start")
    assert body["queue"] == "1 Aufgabe in der Warteschlange seit über 10 Minuten"

    worker_beat("w1", timezone.now())  # the worker is back: it will take the task
    assert health(client)[0] == 200


def test_a_database_that_does_not_answer_is_an_outage(client, monkeypatch):
    class Broken:
        def cursor(self):
            raise OperationalError("unable to open database file")

    monkeypatch.setattr("workspace.health.connection", Broken())
    status, body = health(client)
    assert status == 503
    assert body["database"] == "Datenbank nicht erreichbar (OperationalError)"


def test_a_database_without_its_tables_is_an_outage_not_a_500(client, monkeypatch):
    def missing():
        raise OperationalError("no such table: documents_workerheartbeat")

    monkeypatch.setattr("workspace.health.last_worker_beat", missing)
    status, body = health(client)
    assert status == 503
    assert body["database"] == "Datenbank unvollständig (OperationalError; migrate gelaufen?)"


def test_production_answers_the_health_check_over_plain_http(client, settings):
    """A load balancer asks gunicorn directly; every other address redirects to HTTPS."""
    source = Path(importlib.util.find_spec("kreisintegration.settings.production").origin)
    source = source.read_text()
    exempt = next(
        ast.literal_eval(node.value)
        for node in ast.parse(source).body
        if isinstance(node, ast.Assign)
        and getattr(node.targets[0], "id", None) == "SECURE_REDIRECT_EXEMPT"
    )
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = exempt
    assert client.get("/healthz").status_code == 200
    assert client.get("/oparl/v1.1/").status_code == 301
