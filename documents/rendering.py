"""Render a long document to PDF in stages, reporting progress on the stored record."""

import time

from django.utils import timezone
from weasyprint import HTML

from papers.pdf import BASE_URL, PDF_VARIANT, LocalOnlyFetcher

from .models import GeneratedDocument


def _report(document: GeneratedDocument, progress: int, step: str) -> None:
    document.progress = progress
    document.step = step
    document.save(update_fields=["progress", "step", "modified"])


def build_html(document: GeneratedDocument) -> str:
    if document.kind == GeneratedDocument.Kind.CONCEPT:
        from .concept import concept_html

        return concept_html(document.concept_version)
    from reports.progress import report_html

    return report_html(document.progress_report)


def render(document: GeneratedDocument) -> None:
    """Build the HTML, lay it out, write the tagged PDF; store it with size and pages.

    The same PDF standards as the Beschlussvorlage (papers/pdf.py): PDF/UA-1, fonts from
    static/, and a fetcher that reads nothing but the project's static and media files.
    """
    started = time.perf_counter()
    document.status = GeneratedDocument.Status.RUNNING
    document.started_at = timezone.now()
    document.save(update_fields=["status", "started_at", "modified"])
    _report(document, 10, "Daten zusammenstellen")
    html = build_html(document)
    _report(document, 30, "Seiten setzen")
    laid_out = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalOnlyFetcher()).render(
        pdf_variant=PDF_VARIANT
    )
    _report(document, 80, f"PDF schreiben ({len(laid_out.pages)} Seiten)")
    pdf = laid_out.write_pdf(pdf_variant=PDF_VARIANT)
    document.pdf = pdf
    document.size = len(pdf)
    document.pages = len(laid_out.pages)
    document.progress = 100
    document.step = "fertig"
    document.status = GeneratedDocument.Status.DONE
    document.finished_at = timezone.now()
    document.render_seconds = time.perf_counter() - started
    document.save()
