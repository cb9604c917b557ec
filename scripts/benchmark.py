"""Benchmark (issue 16): the main pages under gunicorn at a tenth of NRW and at NRW scale.

Usage (from the project root):

    .venv/bin/python scripts/benchmark.py                      # throw-away SQLite
    .venv/bin/python scripts/benchmark.py --postgres           # throw-away PostgreSQL database
    .venv/bin/python scripts/benchmark.py --seconds 2 --rounds 2 --skip-full   # a quick look

In one run, on a new database: ``migrate``, ``load_demo``, ``seed_scale --factor 0.1``; then
gunicorn (production profile through ``scripts/bench_settings.py``, 2 sync workers) serves the
app and ``/__hello__/``, a hello-world Django view behind the same middleware, in one server
with one set of flags. ``wrk`` loads page and hello-world in turn (page, hello, page, hello …,
``--rounds`` rounds), so a change of the machine's load hits both alike. Per page: requests/s,
p50/p99 latency (medians over the rounds), throughput relative to hello-world (median of the
per-round ratios) and SQL queries per request (Django's test client in this process). Then
``seed_scale --factor 1`` grows the database by the rest and the same table follows at full
size, with the time ratio full / tenth per page. ``--concept`` adds the whole-concept PDF of
Kreis Mettmann (its concept in work holds the District's measures: ≈ 50 at a tenth, ≈ 500 at
full size), rendered by the documents app in a child process: seconds, pages, peak memory.

Figures, not pass/fail. PostgreSQL: ``--postgres`` creates and drops ``ki_benchmark_<pid>`` on
``--pg`` (default postgres://postgres@127.0.0.1:5432); or set DATABASE_URL to a database you
may wipe. Needs ``wrk`` (Debian: ``apt-get install -y wrk``).
"""

import argparse
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
GUNICORN = Path(PYTHON).parent / "gunicorn"
DISTRICT = "kreis-mettmann"
STAFF_USER = "ki.kreis-mettmann"
HELLO = "/__hello__/"
# Behind the TLS proxy of production; without it SECURE_SSL_REDIRECT answers every request 301.
PROXY_HEADER = ("X-Forwarded-Proto", "https")


@dataclass
class Run:
    rps: float
    p50: float
    p99: float
    errors: int


@dataclass
class PageFigures:
    name: str
    path: str
    logged_in: bool
    queries: int = 0
    runs: list[Run] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)

    @property
    def rps(self) -> float:
        return statistics.median(r.rps for r in self.runs)

    @property
    def p50(self) -> float:
        return statistics.median(r.p50 for r in self.runs)

    @property
    def p99(self) -> float:
        return statistics.median(r.p99 for r in self.runs)

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios)

    @property
    def errors(self) -> int:
        return sum(r.errors for r in self.runs)


# -- database and Django ---------------------------------------------------------------------


def environment(args, tmp: Path) -> dict:
    env = {
        "DJANGO_SETTINGS_MODULE": "scripts.bench_settings",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DEBUG": "false",
        "MEDIA_ROOT": str(tmp / "media"),
        "BENCH_STATIC_ROOT": str(tmp / "static"),
        "LOG_LEVEL": "WARNING",
    }
    if args.postgres:
        env["DATABASE_URL"] = f"{args.pg.rstrip('/')}/{args.pg_name}"
    else:
        env["DATABASE_URL"] = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
    return env


def pg_command(args, tool: str, *extra: str) -> None:
    from urllib.parse import urlparse

    url = urlparse(args.pg)
    options = ["-h", url.hostname or "127.0.0.1", "-p", str(url.port or 5432)]
    options += ["-U", url.username or "postgres"]
    subprocess.run([tool, *options, *extra, args.pg_name], check=True)


def timed(label: str, function, *a, **kw):
    started = time.perf_counter()
    result = function(*a, **kw)
    print(f"{label}: {time.perf_counter() - started:.1f} s", flush=True)
    return result


def seed(factor: float) -> None:
    from django.core.management import call_command

    # --force: DEBUG is off in the production profile, and this database is the benchmark's own.
    timed(f"seed_scale --factor {factor:g}", call_command, "seed_scale", factor=factor, force=True)


def session_cookie() -> str:
    """A session of the KI staff user of Kreis Mettmann, stored where gunicorn reads it."""
    from django.conf import settings
    from django.test import Client

    from accounts.models import User

    client = Client()
    client.force_login(
        User.objects.get(username=STAFF_USER), backend="django.contrib.auth.backends.ModelBackend"
    )
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def pages() -> list[PageFigures]:
    """The pages of issue 16's goals, for Kreis Mettmann; the same objects at both sizes."""
    from django.urls import reverse

    from districts.models import District

    district = District.objects.get(slug=DISTRICT)
    # A demo measure with indicators: the same object at both sizes.
    measure = (
        district.measures.filter(indicators__isnull=False)
        .exclude(title__startswith="Benchmark-")
        .order_by("pk")
        .first()
    )
    version = district.concept.versions.order_by("-number").first()
    slug = {"district_slug": DISTRICT}
    return [
        PageFigures("Übersicht", reverse("workspace:home", kwargs=slug), True),
        PageFigures("Maßnahmen", reverse("measures:list", kwargs=slug), True),
        PageFigures(
            "Maßnahme (Demo)",
            reverse("measures:detail", kwargs={**slug, "pk": measure.pk}),
            True,
        ),
        PageFigures("Vorlagen", reverse("papers:list", kwargs=slug), True),
        PageFigures(
            "Konzeptfassung",
            reverse("concepts:version_detail", kwargs={**slug, "pk": version.pk}),
            True,
        ),
        PageFigures("Akteure öffentl.", reverse("public:directory", kwargs=slug), False),
        PageFigures(
            "OParl Vorlagen", reverse("oparl:paper_list", kwargs={"body": DISTRICT}), False
        ),
        PageFigures(
            "OParl Sitzungen", reverse("oparl:meeting_list", kwargs={"body": DISTRICT}), False
        ),
    ]


def count_queries(figures: list[PageFigures], cookie: str) -> None:
    """Queries per request, in this process (the page's second request, caches warm)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    name, value = cookie.split("=", 1)
    for page in figures:
        client = Client(headers={PROXY_HEADER[0]: PROXY_HEADER[1]})
        if page.logged_in:
            client.cookies[name] = value
        client.get(page.path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        if response.status_code != 200:
            sys.exit(f"{page.name} ({page.path}) antwortet {response.status_code}")
        page.queries = len(queries.captured_queries)


# -- gunicorn and wrk ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    from django.db import connections

    connections.close_all()  # SQLite: nothing of this process holds the file meanwhile
    server = subprocess.Popen(
        [
            str(GUNICORN), "kreisintegration.wsgi:application",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--worker-class", "sync",
            "--log-level", "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
    )  # fmt: skip
    end = time.monotonic() + 60
    while time.monotonic() < end:
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{HELLO}", headers=dict([PROXY_HEADER])
            )
            if urllib.request.urlopen(request, timeout=5).status == 200:
                return server
        except OSError:  # URLError, a refused connection, a first answer slower than 5 s
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn antwortet nicht auf /__hello__/")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(args, port: int, path: str, cookie: str | None, seconds: float) -> Run:
    command = [
        "wrk", "-t", str(args.threads), "-c", str(args.connections),
        "-d", f"{seconds:g}s", "--latency",
        "-H", f"{PROXY_HEADER[0]}: {PROXY_HEADER[1]}",
    ]  # fmt: skip
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * UNITS[unit]

    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    failed = re.search(r"Socket errors:.*timeout (\d+)", output)
    errors = (int(bad.group(1)) if bad else 0) + (int(failed.group(1)) if failed else 0)
    return Run(rps, latency("50"), latency("99"), errors)


def measure(args, env: dict, label: str) -> tuple[Run, list[PageFigures]]:
    figures = pages()
    cookie = session_cookie()
    count_queries(figures, cookie)
    port = free_port()
    server = start_server(env, port, args.workers)
    hello_runs = []
    try:
        for page in figures:  # warm-up: every worker loads templates and fills its caches
            wrk(args, port, page.path, cookie if page.logged_in else None, 1)
        wrk(args, port, HELLO, None, 1)
        for round_number in range(1, args.rounds + 1):
            print(f"  {label}: Runde {round_number}/{args.rounds}", flush=True)
            for page in figures:
                run = wrk(args, port, page.path, cookie if page.logged_in else None, args.seconds)
                hello = wrk(args, port, HELLO, None, args.seconds)
                page.runs.append(run)
                page.ratios.append(run.rps / hello.rps)
                hello_runs.append(hello)
    finally:
        stop_server(server)
    hello = Run(
        statistics.median(r.rps for r in hello_runs),
        statistics.median(r.p50 for r in hello_runs),
        statistics.median(r.p99 for r in hello_runs),
        sum(r.errors for r in hello_runs),
    )
    return hello, figures


def print_table(label: str, hello: Run, figures: list[PageFigures], sizes: str) -> None:
    print(f"\n{label} ({sizes})")
    print(
        f"{'Seite':18} {'Anfr./s':>8} {'p50 ms':>8} {'p99 ms':>8} {'× Hallo':>8} "
        f"{'Abfragen':>9}  Adresse"
    )
    print(
        f"{'Hallo-Welt':18} {hello.rps:8.1f} {hello.p50:8.1f} {hello.p99:8.1f} {1:8.3f} {'':>9}  {HELLO}"
    )
    for page in figures:
        flag = f"  FEHLER: {page.errors} Antworten ohne 2xx/3xx" if page.errors else ""
        print(
            f"{page.name:18} {page.rps:8.1f} {page.p50:8.1f} {page.p99:8.1f} {page.ratio:8.3f} "
            f"{page.queries:9d}  {page.path}{flag}"
        )


def sizes() -> str:
    from actors.models import Actor
    from districts.models import District
    from measures.models import Measure, Measurement
    from papers.models import DecisionPaper

    district = District.objects.get(slug=DISTRICT)
    return (
        f"NRW: {Measure.objects.count()} Maßnahmen, {Measurement.objects.count()} Messwerte, "
        f"{Actor.objects.count()} Akteure, {DecisionPaper.objects.count()} Vorlagen; "
        f"Kreis Mettmann: {district.measures.count()} Maßnahmen, "
        f"{district.actors.filter(is_published=True).count()} veröffentlichte Akteure, "
        f"{DecisionPaper.objects.filter(district=district).count()} Vorlagen"
    )


# -- the whole concept -----------------------------------------------------------------------


def peak_memory_mb() -> float:
    """Peak resident memory of this process: VmHWM, because ``ru_maxrss`` on Linux keeps the
    high-water mark of the process before ``exec`` (here: the benchmark driver)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def concept_child() -> None:
    """Runs in a child process: render Kreis Mettmann's concept in work, print the figures."""
    import django

    django.setup()
    from accounts.models import User
    from districts.models import District
    from documents.models import GeneratedDocument
    from documents.services import ensure_pdf

    district = District.objects.get(slug=DISTRICT)
    version = district.concept.versions.order_by("-number").first()
    before = peak_memory_mb()
    started = time.perf_counter()
    content = ensure_pdf(version, user=User.objects.get(username=STAFF_USER))
    seconds = time.perf_counter() - started
    peak = peak_memory_mb()
    document = GeneratedDocument.objects.filter(concept_version=version).latest("pk")
    print(
        f"Gesamtkonzept Kreis Mettmann, Fassung {version.number} "
        f"({version.measures.count()} Maßnahmen): {document.pages} Seiten, "
        f"{len(content) / 1e6:.1f} MB, {seconds:.1f} s "
        f"({1000 * seconds / max(document.pages, 1):.0f} ms/Seite), "
        f"Spitze {peak:.0f} MB Speicher (vor dem Rendern {before:.0f} MB)"
    )


def concept(env: dict) -> None:
    from django.db import connections

    connections.close_all()
    subprocess.run(
        [PYTHON, __file__, "--concept-child"], cwd=ROOT, env={**os.environ, **env}, check=True
    )


# -- main ------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs ({cpu}), Last {load}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5, help="Dauer je wrk-Lauf (5)")
    parser.add_argument("--rounds", type=int, default=3, help="Runden Seite/Hallo (3)")
    parser.add_argument("--skip-full", action="store_true", help="nur beim Zehntel messen")
    parser.add_argument("--concept", action="store_true", help="Gesamtkonzept-PDF messen")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    parser.add_argument("--connections", type=int, default=4, help="wrk -c (4)")
    parser.add_argument("--threads", type=int, default=2, help="wrk -t (2)")
    parser.add_argument("--postgres", action="store_true", help="Wegwerf-Datenbank in PostgreSQL")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--pg-name", default=f"ki_benchmark_{os.getpid()}")
    parser.add_argument("--concept-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.concept_child:
        concept_child()
        return
    if not shutil.which("wrk"):
        sys.exit("wrk fehlt. Debian/Ubuntu: sudo apt-get install -y wrk")

    tmp = Path(tempfile.mkdtemp(prefix="ki-bench-"))
    env = environment(args, tmp)
    os.environ.update(env)
    if args.postgres:
        pg_command(args, "createdb")
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(f"Maschine: {machine()}")
        print(
            f"Datenbank: {engine}; gunicorn {args.workers} sync workers, "
            f"wrk -t{args.threads} -c{args.connections} -d{args.seconds:g}s, "
            f"{args.rounds} Runden\n"
        )
        timed("migrate", call_command, "migrate", verbosity=0)
        timed("load_demo", call_command, "load_demo", verbosity=0)
        timed("collectstatic", call_command, "collectstatic", interactive=False, verbosity=0)
        seed(0.1)
        tenth_sizes = sizes()
        hello_tenth, tenth = measure(args, env, "Zehntel")
        print_table("Ein Zehntel (seed_scale --factor 0.1)", hello_tenth, tenth, tenth_sizes)
        if args.concept:
            concept(env)
        if args.skip_full:
            return
        seed(1)
        full_sizes = sizes()
        hello_full, full = measure(args, env, "NRW")
        print_table("NRW-Größe (seed_scale --factor 1)", hello_full, full, full_sizes)
        print(
            f"\n{'Seite':18} {'Zeit voll/Zehntel':>18} {'Abfragen':>12}   "
            "(Ziel: ≤ 1,3; × Hallo ≥ 0,02)"
        )
        for small, large in zip(tenth, full, strict=True):
            print(
                f"{small.name:18} {small.rps / large.rps:18.2f} "
                f"{small.queries:5d} → {large.queries:<5d}"
            )
        if args.concept:
            concept(env)
    finally:
        from django.db import connections

        connections.close_all()
        if args.postgres:
            pg_command(args, "dropdb", "--if-exists")
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
