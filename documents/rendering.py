"""Render a long document to PDF in stages, reporting progress on the stored record."""

import time

from django.utils import timezone

from core.text import counted

from . import pdf
from .leases import holding
from .models import GeneratedDocument
from .renderers import renderer_for


def _report(document: GeneratedDocument, progress: int, step: str, on_progress=None) -> None:
    """Store the progress; it renews the document's lease (``heartbeat_at``, issue 15)."""
    document.progress = progress
    document.step = step
    document.heartbeat_at = timezone.now()
    document.save(update_fields=["progress", "step", "heartbeat_at", "modified"])
    if on_progress is not None:
        on_progress()  # e.g. a release waiting for this document renews its own lease


def build_html(document: GeneratedDocument) -> str:
    """The print HTML of the document's subject, from the renderer of its kind."""
    return renderer_for(document.kind).html(document.subject)


def render(document: GeneratedDocument, *, on_progress=None) -> None:
    """Render ``document``, holding its lease meanwhile (``leases``, issue 15)."""
    with holding(document):
        _render(document, on_progress=on_progress)


def _render(document: GeneratedDocument, *, on_progress=None) -> None:
    """Build the HTML, lay it out, write the tagged PDF; store it with size and pages.

    The same PDF standards as the Beschlussvorlage (documents/pdf.py): PDF/UA-1, fonts from
    static/, and a fetcher that reads nothing but the project's static and media files.
    """
    started = time.perf_counter()
    document.status = GeneratedDocument.Status.RUNNING
    document.started_at = document.heartbeat_at = timezone.now()
    document.save(update_fields=["status", "started_at", "heartbeat_at", "modified"])
    _report(document, 10, "Daten zusammenstellen", on_progress)
    html = build_html(document)
    _report(document, 30, "Seiten setzen", on_progress)
    laid_out = pdf.lay_out(html)
    _report(
        document,
        80,
        f"PDF schreiben ({counted(len(laid_out.pages), 'Seite', 'Seiten')})",
        on_progress,
    )
    content, pages = document.renderer.assemble(
        document.subject, pdf.write_pdf(laid_out), len(laid_out.pages)
    )
    document.pdf = content
    document.size = len(content)
    document.pages = pages
    document.progress = 100
    document.step = "fertig"
    document.status = GeneratedDocument.Status.DONE
    document.finished_at = timezone.now()
    document.render_seconds = time.perf_counter() - started
    document.heartbeat_at = document.finished_at
    document.error = ""
    # Not ``attempts``: a render thought lost may still finish after it was queued again.
    document.save(
        update_fields=[
            "pdf",
            "size",
            "pages",
            "progress",
            "step",
            "status",
            "finished_at",
            "render_seconds",
            "heartbeat_at",
            "error",
            "modified",
        ]
    )
