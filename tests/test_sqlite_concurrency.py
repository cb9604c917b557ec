"""The embedded default under its own worker (issue 15): `make run` serves the web and runs
`db_worker` on one SQLite file; neither may answer "database is locked".

Before WAL, IMMEDIATE transactions and a busy timeout (settings/base.py), posts that wrote while
the worker wrote answered HTTP 500 with ``sqlite3.OperationalError: database is locked``.
"""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 25


def _env(database: Path) -> dict[str, str]:
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        {
            "DATABASE_URL": f"sqlite:///{database}",
            "DJANGO_SETTINGS_MODULE": "kreisintegration.settings.base",
            "DEBUG": "false",
            "SECRET_KEY": "nur-fuer-diesen-test-" + "x" * 40,
            "PYTHONIOENCODING": "utf-8",
        }
    )
    return env


def test_web_requests_and_worker_write_at_the_same_time_without_errors(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = _env(database)
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stderr
    worker_log = tmp_path / "worker.log"
    with worker_log.open("w") as log:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.01"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            load = subprocess.run(
                [sys.executable, "-m", "tests.sqlite_load", str(ROUNDS)],
                cwd=PROJECT_ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            )
        finally:
            worker.send_signal(signal.SIGINT)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
    assert load.returncode == 0, load.stderr[-3000:]
    outcome = json.loads(load.stdout.strip().splitlines()[-1])
    log_text = worker_log.read_text()
    assert outcome["errors"] == []
    assert outcome["statuses"] == ["SUCCESSFUL"] * ROUNDS, log_text[-3000:]
    assert "database is locked" not in log_text
    assert "database is locked" not in load.stderr
