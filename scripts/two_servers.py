#!/usr/bin/env python3
"""Two app servers on one PostgreSQL, with a worker each (issue 15, "more than one server").

Starts, on a fresh database with the demo data, two gunicorn servers (ports 8101 and 8102,
production profile) that share PostgreSQL, MEDIA_ROOT and a file cache, and a `manage.py worker`
beside each. Then, over HTTP as a browser would:

1. logs in on server A; the session (stored in the database) works on server B too;
2. releases a Vorlage on A and downloads its PDF from A and B: the bytes must be identical;
3. asks A for a whole-concept PDF, waits on B until it is done, downloads it from both: identical,
   one document row, one task run, by one worker.

Run: `.venv/bin/python scripts/two_servers.py` (needs PostgreSQL at 127.0.0.1:5432 and pg tools;
takes about two minutes). Prints what it measured; exits 1 on any difference.
"""

import hashlib
import http.cookies
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
DATABASE = "ki_zwei_server"
PORTS = (8101, 8102)


def environment(shared: Path) -> dict:
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="kreisintegration.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        MEDIA_ROOT=str(shared / "media"),
        CACHE_URL=f"filecache://{shared / 'cache'}",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args) -> str:
    if args[0] == "shell":
        args = ("shell", "--no-imports", *args[1:])
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} ist fehlgeschlagen:\n{result.stderr[-3000:]}")
    return result.stdout


class Browser:
    """Cookies by hand: the production profile's cookies are Secure, and the app sits behind
    a TLS proxy, which X-Forwarded-Proto stands in for here."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port: int, path: str, data: dict | None = None) -> tuple[int, bytes, dict]:
        url = f"http://127.0.0.1:{port}{path}"
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urllib.parse.urlencode(data).encode()
            headers["Origin"] = f"https://127.0.0.1:{port}"
            headers["Referer"] = f"https://127.0.0.1:{port}{path}"
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(urllib.request.Request(url, body, headers), timeout=120)
            status, content, info = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, content, info = error.code, error.read(), error.headers
        except urllib.error.URLError:
            return 0, b"", {}  # not listening yet
        for header in info.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return status, content, dict(info)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_until(check, what: str, seconds: int = 180):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    sys.exit(f"Zeitüberschreitung: {what}")


def main() -> int:
    shared = Path(tempfile.mkdtemp(prefix="ki-zwei-server-"))
    env = environment(shared)
    pg = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", "--if-exists", *pg, DATABASE], check=True)
    subprocess.run(["createdb", *pg, DATABASE], check=True)
    processes = []
    started = time.monotonic()
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", "-v0")
        for port in PORTS:
            processes.append(
                subprocess.Popen(
                    [
                        str(BIN / "gunicorn"),
                        "kreisintegration.wsgi",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "--workers",
                        "2",
                        "--log-level",
                        "warning",
                    ],
                    cwd=ROOT,
                    env=env,
                )  # fmt: skip
            )
            processes.append(
                subprocess.Popen(
                    [PYTHON, "manage.py", "worker", "--interval", "0.5"],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                )  # fmt: skip
            )
        browser = Browser()
        for port in PORTS:
            wait_until(lambda p=port: browser.request(p, "/healthz")[0] == 200, f"/healthz {port}")
        print(f"Zwei Server bereit nach {time.monotonic() - started:.0f} s: {PORTS}")

        a, b = PORTS
        browser.request(a, "/konto/anmelden/")
        status, _, headers = browser.request(
            a, "/konto/anmelden/", {"username": "leitung.rhein-erft-kreis", "password": "demo"}
        )
        assert status == 302, f"Anmeldung auf A: {status}"
        status, page, _ = browser.request(b, "/rhein-erft-kreis/vorlagen/")
        assert status == 200 and b"Vorlagen" in page, f"Sitzung von A gilt auf B nicht: {status}"
        print("Anmeldung auf A, Sitzung gilt auf B: ja")

        pk = manage(
            env,
            "shell",
            "-c",
            "from papers.models import DecisionPaper as P; print(P.objects.get("
            "district__slug='rhein-erft-kreis', reference='50/031/2026').pk)",
        ).strip()
        release_path = f"/rhein-erft-kreis/vorlagen/{pk}/freigeben/"
        browser.request(a, release_path)
        status, _, _ = browser.request(a, release_path, {"confirm": "on"})
        assert status == 302, f"Freigabe auf A: {status}"
        pdf_path = f"/rhein-erft-kreis/vorlagen/{pk}/pdf/"
        pdf_b = wait_until(
            lambda: (r := browser.request(b, pdf_path))[0] == 200 and r[1], "freigegebenes PDF"
        )
        pdf_a = browser.request(a, pdf_path)[1]
        same = hashlib.sha256(pdf_a).hexdigest() == hashlib.sha256(pdf_b).hexdigest()
        print(
            f"Vorlage 50/031/2026 auf A freigegeben, PDF von A und B: {len(pdf_a)} Bytes, "
            f"SHA-256 {hashlib.sha256(pdf_a).hexdigest()[:16]}…, gleich: {'ja' if same else 'NEIN'}"
        )

        version = manage(
            env,
            "shell",
            "-c",
            "from concepts.models import ConceptVersion as V; print(V.objects.filter("
            "concept__district__slug='rhein-erft-kreis').order_by('number').first().pk)",
        ).strip()
        runs_query = (
            "from django_tasks_db.models import DBTaskResult as T; "
            "print(T.objects.filter(task_path__endswith='render_document').count())"
        )
        runs_before = int(manage(env, "shell", "-c", runs_query).strip().splitlines()[-1])
        request_path = f"/rhein-erft-kreis/konzept/{version}/gesamtdokument/"
        status, _, headers = browser.request(a, request_path, {})
        location = headers.get("Location", "")
        match = re.search(r"/dokumente/(\d+)/", location)
        assert status == 302 and match, f"Gesamtdokument auf A angefordert: {status} {location}"
        document = match.group(1)
        download = f"/rhein-erft-kreis/dokumente/{document}/pdf/"
        render_started = time.monotonic()
        doc_b = wait_until(
            lambda: (r := browser.request(b, download))[0] == 200 and r[1], "Gesamtdokument", 300
        )
        doc_a = browser.request(a, download)[1]
        counts = manage(
            env,
            "shell",
            "-c",
            "from documents.models import GeneratedDocument as D; "
            "from django_tasks_db.models import DBTaskResult as T; "
            f"d = D.objects.get(pk={document}); "
            "runs = T.objects.filter(task_path__endswith='render_document')"
            f".order_by('enqueued_at')[{runs_before}:]; "
            "print(D.objects.filter(kind=d.kind, concept_version=d.concept_version).count(), "
            "len(runs), sum(1 for r in runs if r.status == 'SUCCESSFUL'), "
            "len({w for r in runs for w in (r.worker_ids or [])}))",
        ).split()
        same_doc = doc_a == doc_b
        print(
            f"Gesamtdokument auf A angefordert, auf B fertig nach "
            f"{time.monotonic() - render_started:.0f} s: {len(doc_a)} Bytes, gleich: "
            f"{'ja' if same_doc else 'NEIN'}; Dokumente: {counts[0]}, Aufgaben: {counts[1]} "
            f"(erfolgreich {counts[2]}), ausgeführt von {counts[3]} Worker"
        )
        ok = same and same_doc and counts[0] == "1" and counts[1] == "1" and counts[3] == "1"
        print("Ergebnis:", "alles gleich, nichts doppelt" if ok else "ABWEICHUNG")
        return 0 if ok else 1
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        subprocess.run(["dropdb", "--if-exists", *pg, DATABASE], check=False)
        shutil.rmtree(shared, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
