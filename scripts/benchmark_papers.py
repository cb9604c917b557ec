"""Benchmark: how long council papers take to render as PDF and to serve again.

Usage (from the project root):  .venv/bin/python scripts/benchmark_papers.py [--repeat 5]

Issue 6, point 5: the time to render Kreis Mettmann's Beschlussvorlage 50/020/2015 (seed 001)
end to end (print HTML + WeasyPrint), next to WeasyPrint alone and the HTML alone; the time to
serve it again (the stored release for a Kreistag member, the working copy rendered once and
then taken from the content cache for the KI-Leitung, the public PDF for anyone); the PDFs'
sizes and page counts.

Runs against a throw-away SQLite database (or DATABASE_URL if set, which must point at a
database you can wipe) with the demo data. Each figure is the median
of ``--repeat`` rounds in milliseconds, after one warm-up round. The variants of a group run
interleaved in one loop (round 1: A, B, C; round 2: A, B, C …), so a change of the machine's load
hits each alike, and the ratios between them are taken per round, with their median (issue 16:
"Nur WeasyPrint" once came out slower than "Ende zu Ende" because each variant had its own
block of time). Figures, not a pass/fail: compare them before and after a change.

The release itself: signing the paper off renders it and, for its Anlage "Integrationskonzept
Kreis Mettmann 2015", the whole concept (or takes the stored one).

Issue 7, point 4: the render time of the whole concept, and how long a request for it waits
(queuing it with the database backend; the stored PDF served again).

Each group of figures is one function taking the ``Bench`` and returning rows in
``FIGURE_GROUPS``.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import warnings
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
    # A ratio of two variants, one value per round (then ``times`` is empty).
    per_round: list[float] | None = None


@dataclass
class Bench:
    repeat: int


@dataclass
class Variant:
    """One variant of a group. ``run`` returns its result, or ``(ms, result)`` when
    ``self_timed`` (it times only part of itself); ``before`` runs untimed ahead of it."""

    name: str
    run: Callable[[], object]
    before: Callable[[], object] | None = None
    pdf_of: Callable[[object], bytes | None] | None = None
    self_timed: bool = False


def interleaved(variants: list[Variant], repeat: int, *, queries: bool = False) -> list[Row]:
    """One warm-up round, then ``repeat`` rounds of every variant in turn (A, B, C, A, B, C …),
    so that a change of the machine's load between rounds hits all variants alike."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rows = {v.name: Row(v.name) for v in variants}
    results = {}
    for round_number in range(repeat + 1):
        for variant in variants:
            if variant.before:
                variant.before()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                result = variant.run()
                ms = (time.perf_counter() - started) * 1000
            if variant.self_timed:
                ms, result = result
            results[variant.name] = result
            if round_number:  # round 0 warms up
                rows[variant.name].times.append(ms)
                if queries:
                    rows[variant.name].queries = len(captured.captured_queries)
    for variant in variants:
        result = results[variant.name]
        rows[variant.name].pdf = variant.pdf_of(result) if variant.pdf_of else None
    return list(rows.values())


def ratio(name: str, part: Row, whole: Row) -> Row:
    """``part`` / ``whole`` per round (both from the same ``interleaved`` loop)."""
    return Row(name, per_round=[a / b for a, b in zip(part.times, whole.times, strict=True)])


def as_pdf(result) -> bytes:
    return result


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

    # load_demo has rendered the releases already: fonts and WeasyPrint's own style sheets are
    # loaded, as in a running server.
    html = paper_html(paper, release=release)
    html_only, weasy, full = interleaved(
        [
            Variant("Nur HTML (paper_html)", lambda: paper_html(paper, release=release)),
            Variant("Nur WeasyPrint (PDF/UA-1)", lambda: html_to_pdf(html), pdf_of=as_pdf),
            Variant(
                "Ende zu Ende (HTML + PDF)",
                lambda: html_to_pdf(paper_html(paper, release=release)),
                pdf_of=as_pdf,
            ),
        ],
        bench.repeat,
    )
    return [
        html_only,
        weasy,
        full,
        ratio("WeasyPrint / Ende zu Ende", weasy, full),
        ratio("HTML / Ende zu Ende", html_only, full),
    ]


def paper_serving(bench: Bench) -> list[Row]:
    """Serve 50/020/2015 again over HTTP: stored release, draft (render, cache), public PDF."""
    from django.core.cache import cache
    from django.test import Client
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

    def pdf_of(response) -> bytes:
        return b"".join(response.streaming_content) if response.streaming else response.content

    council = Client()
    council.force_login(User.objects.get(username=COUNCIL_USER), backend=MODEL_BACKEND)
    lead = Client()
    lead.force_login(User.objects.get(username=LEAD_USER), backend=MODEL_BACKEND)
    anonymous = Client()

    draft = getter(lead, reverse("papers:draft_pdf", args=args))
    return interleaved(
        [
            Variant(
                "Kreistag: freigegebenes PDF",
                getter(council, reverse("papers:pdf", args=args)),
                pdf_of=pdf_of,
            ),
            # An empty cache before each round: the first request renders the working copy …
            Variant("KI-Leitung: Entwurf, 1. Abruf", draft, before=cache.clear, pdf_of=pdf_of),
            # … the second finds the same HTML in the content cache (documents.pdf.cached_pdf).
            Variant(
                "KI-Leitung: Entwurf, 2. Abruf",
                draft,
                before=lambda: (cache.clear(), draft()),
                pdf_of=pdf_of,
            ),
            Variant(
                "Öffentlich: PDF ohne Anmeldung",
                getter(anonymous, reverse("public:paper_pdf", args=args)),
                pdf_of=pdf_of,
            ),
        ],
        bench.repeat,
        queries=True,
    )


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
    html = concept_html(version)
    fingerprint, html_only, weasy, full = interleaved(
        [
            Variant("Datenstand prüfen (Fingerabdruck)", lambda: concept_fingerprint(version)),
            Variant("Nur HTML (concept_html)", lambda: concept_html(version)),
            Variant("Nur WeasyPrint (PDF/UA-1)", lambda: html_to_pdf(html), pdf_of=as_pdf),
            Variant(
                "Ende zu Ende (HTML + PDF)",
                lambda: html_to_pdf(concept_html(version)),
                pdf_of=as_pdf,
            ),
        ],
        repeat,
    )
    return [
        fingerprint,
        html_only,
        weasy,
        full,
        ratio("WeasyPrint / Ende zu Ende", weasy, full),
        ratio("HTML / Ende zu Ende", html_only, full),
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

    def release(stored: bool):
        def run() -> tuple[float, bytes]:
            with transaction.atomic():
                paper = DecisionPaper.objects.get(pk=pk)
                paper.releases.all().delete()
                paper.released_at = None
                paper.save(update_fields=["released_at"])
                GeneratedDocument.objects.filter(concept_version=paper.concept_version).delete()
                if stored:
                    ensure_pdf(paper.concept_version, user=lead)
                started = time.perf_counter()
                made = paper_release(
                    district=paper.district, paper=paper, user=lead, wait_for_anlagen=True
                ).release
                ms = (time.perf_counter() - started) * 1000
                pdf = bytes(made.attachments.get().file.read())
                transaction.set_rollback(True)
            return ms, pdf

        return run

    return interleaved(
        [
            Variant(
                "Freigabe, Konzept-PDF erst setzen (load_demo)",
                release(False),
                pdf_of=as_pdf,
                self_timed=True,
            ),
            Variant(
                "Freigabe, Konzept-PDF liegt vor (Web)",
                release(True),
                pdf_of=as_pdf,
                self_timed=True,
            ),
        ],
        bench.repeat,
    )


def meeting_folder(bench: Bench) -> list[Row]:
    """Issue 20: the Sitzungsmappe of the Sozialausschuss of 11.05.2015 (50/020/2015 with the
    concept as Anlage): end to end, and what keeping the appended PDFs' tags costs against
    appending their pages only."""
    import datetime

    from pypdf import PdfReader, PdfWriter

    from actors.models import Meeting
    from documents import merge, pdf
    from papers.folder import MeetingFolderRenderer, folder_for

    meeting = Meeting.objects.get(
        committee__district__slug=DISTRICT,
        committee__name="Sozialausschuss",
        start__date=datetime.date(2015, 5, 11),
    )
    folder = folder_for(meeting, public=False)
    renderer = MeetingFolderRenderer()
    front = pdf.write_pdf(pdf.lay_out(renderer.html(folder)))
    headings = [
        merge.Heading(
            f"{entry.number} {entry.title}",
            [merge.Part(p.content, p.title) for p in entry.folder_parts if p.content],
        )
        for entry in folder.folder_entries
    ]

    def pages_only() -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(front)))
        for heading in headings:
            for part in heading.parts:
                writer.append(PdfReader(io.BytesIO(part.content)), import_outline=False)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    full, tagged, plain = interleaved(
        [
            Variant(
                "Ende zu Ende (renderer.content)", lambda: renderer.content(folder), pdf_of=as_pdf
            ),
            Variant(
                "Nur anhängen, mit Tags (merge)",
                lambda: merge.append_parts(front, headings)[0],
                pdf_of=as_pdf,
            ),
            Variant("Nur anhängen, ohne Tags (pypdf)", pages_only, pdf_of=as_pdf),
        ],
        bench.repeat,
    )
    return [
        full,
        tagged,
        plain,
        ratio("mit Tags / ohne Tags", tagged, plain),
        ratio("Anhängen mit Tags / Ende zu Ende", tagged, full),
    ]


FIGURE_GROUPS: list[tuple[str, Callable[[Bench], list[Row]]]] = [
    (f"PDF erzeugen: Beschlussvorlage {REFERENCE}", paper_rendering),
    (f"PDF ausliefern: Beschlussvorlage {REFERENCE}", paper_serving),
    (f"Freigabe: Beschlussvorlage {REFERENCE} mit Konzept als Anlage", paper_release_timing),
    ("Gesamtes Integrationskonzept (Kreis Mettmann, neueste Fassung)", concept_rendering),
    ("Gesamtes Integrationskonzept: Wartezeit einer Anfrage", concept_request),
    ("Sitzungsmappe: Sozialausschuss 11.05.2015 (Issue 20)", meeting_folder),
]


# -- Setup and report ----------------------------------------------------------------------------


def setup() -> None:
    """A throw-away database (and media folder) with the demo data."""
    warnings.filterwarnings("ignore", message="No directory at")
    tmp = tempfile.mkdtemp(prefix="ki-bench-papers-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("MEDIA_ROOT", f"{tmp}/media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "kreisintegration.settings.test"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", verbosity=0)
    print(f"load_demo: {time.perf_counter() - started:.2f} s")


def report(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    print(f"{'':36} {'Median ms':>10} {'Max ms':>8} {'Abfragen':>9} {'PDF KB':>8} {'Seiten':>7}")
    for row in rows:
        if row.per_round is not None:
            rounds = " ".join(f"{value:.2f}" for value in row.per_round)
            print(
                f"{row.name:36} Median {statistics.median(row.per_round):.2f} (je Runde: {rounds})"
            )
            continue
        median = f"{statistics.median(row.times):10.1f}" if row.times else f"{'':10}"
        most = f"{max(row.times):8.1f}" if row.times else f"{'':8}"
        queries = f"{row.queries:9d}" if row.queries is not None else f"{'':9}"
        size = f"{len(row.pdf) / 1024:8.1f}" if row.pdf else f"{'':8}"
        pages = f"{page_count(row.pdf):7d}" if row.pdf else f"{'':7}"
        print(f"{row.name:36} {median} {most} {queries} {size} {pages}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--only", help="nur die Gruppen, deren Titel diesen Text enthält (z. B. Sitzungsmappe)"
    )
    args = parser.parse_args()

    setup()
    bench = Bench(repeat=args.repeat)
    print(
        f"Median aus {args.repeat} Runden nach einer Aufwärmrunde; die Varianten einer Gruppe "
        "laufen abwechselnd in einer Schleife"
    )
    for title, figures in FIGURE_GROUPS:
        if args.only and args.only not in title:
            continue
        report(title, figures(bench))


if __name__ == "__main__":
    main()
