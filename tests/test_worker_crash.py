"""`kill -9` of the worker mid-render (issue 15): the restarted worker renders the document.

Before, the document said "wird erstellt 30 %" forever: django-tasks-db never hands a claimed
task to another worker. Here a real `manage.py worker` renders a long concept on a temporary
SQLite file and is killed with SIGKILL while it lays out the pages; a second worker (with a
short lease, TASK_LEASE_SECONDS=2) finds the lease expired, queues the document again and
renders it: fertig, on the second attempt, the dead worker's task closed as failed.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .test_sqlite_concurrency import _env

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SECTIONS = 60


def _document(database: Path, pk: int) -> dict:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=20) as db:
        db.row_factory = sqlite3.Row
        row = db.execute(
            "SELECT status, progress, attempts, task_id FROM documents_generateddocument "
            "WHERE id = ?",
            (pk,),
        ).fetchone()
        return dict(row)


def _task_status(database: Path, task_id: str) -> str:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=20) as db:
        row = db.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult WHERE replace(id, '-', '') = ?",
            (task_id.replace("-", ""),),
        ).fetchone()
        return row[0]


def _worker(env: dict, log) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--interval", "0.1", "--no-reload"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"waited {seconds} s for {what}")


def test_a_render_killed_with_sigkill_is_finished_by_the_restarted_worker(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = _env(database) | {"TASK_LEASE_SECONDS": "2", "WORKER_HEARTBEAT_SECONDS": "1"}
    run = {"cwd": PROJECT_ROOT, "env": env, "capture_output": True, "text": True, "timeout": 300}
    migrate = subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], **run)
    assert migrate.returncode == 0, migrate.stderr
    setup = subprocess.run([sys.executable, "-m", "tests.worker_crash", str(SECTIONS)], **run)
    assert setup.returncode == 0, setup.stderr
    pk = int(setup.stdout.strip().splitlines()[-1])
    first_task = _document(database, pk)["task_id"]

    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        worker = _worker(env, log)
        try:
            # Killed while it lays out the pages ("Seiten setzen", 30 %).
            _wait_for(lambda: _document(database, pk)["progress"] >= 30, 60, "the render")
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)
        finally:
            if worker.poll() is None:
                worker.kill()
        killed = _document(database, pk)
        assert killed["status"] == "laeuft", "render finished before the kill: raise SECTIONS"
        assert killed["progress"] == 30

        worker = _worker(env, log)
        try:
            done = _wait_for(
                lambda: (doc := _document(database, pk))["status"] in ("fertig", "fehler") and doc,
                90,
                "the restarted worker",
            )
        finally:
            worker.send_signal(signal.SIGINT)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
    log_text = log_path.read_text()
    assert done["status"] == "fertig", log_text[-3000:]
    assert done["attempts"] == 2 and done["task_id"] != first_task
    assert _task_status(database, first_task) == "FAILED"
    assert _task_status(database, done["task_id"]) == "SUCCESSFUL"
