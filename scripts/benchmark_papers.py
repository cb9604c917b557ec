"""Benchmark: how long council papers take to render as PDF and to serve again.

Usage (from the project root):  .venv/bin/python scripts/benchmark_papers.py [--repeat 5]

Issue 6, point 5: the time to render Kreis Mettmann's Beschlussvorlage 50/020/2015 (seed 001)
end to end (print HTML + WeasyPrint), next to WeasyPrint alone and the HTML alone; the time to
serve it again (the stored release for a Kreistag member, the working copy rendered once and
then taken from the content cache for the KI-Leitung, the public PDF for anyone); the PDFs'
sizes and page counts.

Runs against a throw-away SQLite database (or DATABASE_URL if set, which must point at a
database you can wipe) with the demo data, like scripts/benchmark.py. Each figure is the median
of ``--repeat`` runs in milliseconds, after one warm-up run. Figures, not a pass/fail: compare
them before and after a change.

The release itself: signing the paper off renders it and, for its Anlage "Integrationskonzept
Kreis Mettmann 2015", the whole concept (or takes the stored one).

Issue 7, point 4: the render time of the whole concept, and how long a request for it waits
(queuing it with the database backend; the stored PDF served again).

Each group of figures is one function taking the ``Bench`` and returning rows in
``FIGURE_GROUPS``.
"""

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DISTRICT = "kreis-mettmann"
REFERENCE = "50/020/2015"
COUNCIL_USER = "kreistag.kreis-mettmann"
LEAD_USER = "leitung.kreis-mettmann"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@dataclass
class Row:
    """One line of the report: a timing (``times`` in ms) and/or a document's size and pages."""

    name: str
    times: list[float] = field(default_factory=list)
    queries: int | None = None
    pdf: bytes | None = None


@dataclass
class Bench:
    repeat: int


def timed(function: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    """Run ``function`` once to warm up, then ``repeat`` times; the times in ms, last result."""
    result = function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def mettmann_paper():
    from papers.models import DecisionPaper

    return DecisionPaper.objects.select_related("district").get(
        district__slug=DISTRICT, reference=REFERENCE
    )


# -- Figure groups -------------------------------------------------------------------------------


def paper_rendering(bench: Bench) -> list[Row]:
    """Render 50/020/2015 as released (with its sign-off line): HTML, WeasyPrint, both."""
    from documents.pdf import html_to_pdf
    from papers.renderers import paper_html

    paper = mettmann_paper()
    release = paper.releases.first()

    def weasyprint_only(html: str) -> bytes:
        return html_to_pdf(html)

    # load_demo has rendered the releases already: fonts and WeasyPrint's own style sheets are
    # loaded, as in a running server.
    html_times, html = timed(lambda: paper_html(paper, release=release), bench.repeat)
    weasy_times, weasy_pdf = timed(lambda: weasyprint_only(html), bench.repeat)
    full_times, full_pdf = timed(
        lambda: html_to_pdf(paper_html(paper, release=release)), bench.repeat
    )
    return [
        Row("Nur HTML (paper_html)", times=html_times),
        Row("Nur WeasyPrint (PDF/UA-1)", times=weasy_times, pdf=weasy_pdf),
        Row("Ende zu Ende (HTML + PDF)", times=full_times, pdf=full_pdf),
    ]


def paper_serving(bench: Bench) -> list[Row]:
    """Serve 50/020/2015 again over HTTP: stored release, draft (render, cache), public PDF."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from accounts.models import User

    paper = mettmann_paper()
    args = [DISTRICT, paper.pk]

    def getter(client: Client, url: str):
        def get():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            assert response["Content-Type"] == "application/pdf", url
            return response

        return get

    def measure(name: str, get, *, before: Callable[[], object] | None = None) -> Row:
        """Median of ``repeat`` GETs; ``before`` runs untimed ahead of each one."""
        get()  # warm-up
        times = []
        for _ in range(bench.repeat):
            if before:
                before()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = get()
                times.append((time.perf_counter() - started) * 1000)
        return Row(
            name,
            times=times,
            queries=len(queries.captured_queries),
            pdf=b"".join(response.streaming_content) if response.streaming else response.content,
        )

    council = Client()
    council.force_login(User.objects.get(username=COUNCIL_USER), backend=MODEL_BACKEND)
    lead = Client()
    lead.force_login(User.objects.get(username=LEAD_USER), backend=MODEL_BACKEND)
    anonymous = Client()

    draft = getter(lead, reverse("papers:draft_pdf", args=args))
    return [
        measure(
            "Kreistag: freigegebenes PDF",
            getter(council, reverse("papers:pdf", args=args)),
        ),
        # An empty cache before each round: the first request renders the working copy …
        measure("KI-Leitung: Entwurf, 1. Abruf", draft, before=cache.clear),
        # … the second finds the same HTML in the content cache (documents.pdf.cached_pdf).
        measure("KI-Leitung: Entwurf, 2. Abruf", draft, before=lambda: (cache.clear(), draft())),
        measure(
            "Öffentlich: PDF ohne Anmeldung",
            getter(anonymous, reverse("public:paper_pdf", args=args)),
        ),
    ]


def mettmann_version():
    from concepts.models import ConceptVersion

    return (
        ConceptVersion.objects.select_related("concept__district")
        .filter(concept__district__slug=DISTRICT)
        .order_by("-number")
        .first()
    )


def concept_rendering(bench: Bench) -> list[Row]:
    """Issue 7: the whole concept (newest Mettmann version) — HTML, WeasyPrint, both."""
    from documents.concept import concept_fingerprint, concept_html
    from documents.pdf import html_to_pdf

    version = mettmann_version()
    repeat = max(1, bench.repeat // 2)  # seconds each, not milliseconds
    fingerprint_times, _ = timed(lambda: concept_fingerprint(version), bench.repeat)
    html_times, html = timed(lambda: concept_html(version), repeat)
    full_times, pdf = timed(lambda: html_to_pdf(concept_html(version)), repeat)
    return [
        Row("Datenstand prüfen (Fingerabdruck)", times=fingerprint_times),
        Row("Nur HTML (concept_html)", times=html_times),
        Row("Ende zu Ende (HTML + PDF)", times=full_times, pdf=pdf),
    ]


def concept_request(bench: Bench) -> list[Row]:
    """How long a request waits: queuing (database backend), and serving the stored PDF."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.urls import reverse

    from accounts.models import User
    from documents.models import GeneratedDocument
    from documents.tasks import render_document

    version = mettmann_version()
    client = Client()
    client.force_login(User.objects.get(username=LEAD_USER), backend=MODEL_BACKEND)
    request_url = reverse("documents:request_concept", args=[DISTRICT, version.pk])
    rows = []
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        times = []
        for _ in range(bench.repeat):
            GeneratedDocument.objects.filter(concept_version=version).delete()
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.post(request_url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 302, response.status_code
        rows.append(
            Row(
                "Anfordern (neu, in Warteschlange)",
                times=times,
                queries=len(queries.captured_queries),
            )
        )
        document = GeneratedDocument.objects.get(concept_version=version)
        started = time.perf_counter()
        render_document.call(document.pk)
        worker_ms = (time.perf_counter() - started) * 1000
        rows.append(Row("Worker: Dokument erstellen", times=[worker_ms]))
        times, response = timed(lambda: client.post(request_url), bench.repeat)
        rows.append(Row("Anfordern (fertig, Daten unverändert)", times=times))
        download = reverse("documents:download", args=[DISTRICT, document.pk])
        times, response = timed(lambda: client.get(download), bench.repeat)
        rows.append(Row("Gespeichertes PDF ausliefern", times=times, pdf=response.content))
    return rows


def paper_release_timing(bench: Bench) -> list[Row]:
    """Signing 50/020/2015 off with its Anlage "Integrationskonzept Kreis Mettmann 2015": the
    release renders the paper and, unless a current one is stored, the whole concept. Each run
    is rolled back, so every run releases the same paper."""
    from django.db import transaction

    from accounts.models import User
    from documents.models import GeneratedDocument
    from documents.services import ensure_pdf
    from papers.models import DecisionPaper
    from papers.services import paper_release

    lead = User.objects.get(username=LEAD_USER)
    pk = mettmann_paper().pk
    rows = []
    for name, stored in [
        ("Freigabe, Konzept-PDF erst setzen (load_demo)", False),
        ("Freigabe, Konzept-PDF liegt vor (Web)", True),
    ]:
        times, release_pdf = [], None
        for _ in range(bench.repeat + 1):  # the first run warms up
            with transaction.atomic():
                paper = DecisionPaper.objects.get(pk=pk)
                paper.releases.all().delete()
                paper.released_at = None
                paper.save(update_fields=["released_at"])
                GeneratedDocument.objects.filter(concept_version=paper.concept_version).delete()
                if stored:
                    ensure_pdf(paper.concept_version, user=lead)
                started = time.perf_counter()
                release = paper_release(
                    district=paper.district, paper=paper, user=lead, wait_for_anlagen=True
                ).release
                times.append((time.perf_counter() - started) * 1000)
                release_pdf = bytes(release.attachments.get().file.read())
                transaction.set_rollback(True)
        rows.append(Row(name, times=times[1:], pdf=release_pdf))
    return rows


FIGURE_GROUPS: list[tuple[str, Callable[[Bench], list[Row]]]] = [
    (f"PDF erzeugen: Beschlussvorlage {REFERENCE}", paper_rendering),
    (f"PDF ausliefern: Beschlussvorlage {REFERENCE}", paper_serving),
    (f"Freigabe: Beschlussvorlage {REFERENCE} mit Konzept als Anlage", paper_release_timing),
    ("Gesamtes Integrationskonzept (Kreis Mettmann, neueste Fassung)", concept_rendering),
    ("Gesamtes Integrationskonzept: Wartezeit einer Anfrage", concept_request),
]


# -- Setup and report ----------------------------------------------------------------------------


def setup() -> None:
    """A throw-away database (and media folder) with the demo data, as scripts/benchmark.py."""
    from benchmark import demo_database

    demo_database("ki-bench-papers-")


def report(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    print(f"{'':36} {'Median ms':>10} {'Max ms':>8} {'Abfragen':>9} {'PDF KB':>8} {'Seiten':>7}")
    for row in rows:
        median = f"{statistics.median(row.times):10.1f}" if row.times else f"{'':10}"
        most = f"{max(row.times):8.1f}" if row.times else f"{'':8}"
        queries = f"{row.queries:9d}" if row.queries is not None else f"{'':9}"
        size = f"{len(row.pdf) / 1024:8.1f}" if row.pdf else f"{'':8}"
        pages = f"{page_count(row.pdf):7d}" if row.pdf else f"{'':7}"
        print(f"{row.name:36} {median} {most} {queries} {size} {pages}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    setup()
    bench = Bench(repeat=args.repeat)
    print(f"Median aus {args.repeat} Läufen nach einem Aufwärmlauf")
    for title, figures in FIGURE_GROUPS:
        report(title, figures(bench))


if __name__ == "__main__":
    main()
