"""HTML → accessible PDF with WeasyPrint, reading nothing but the project's own files.

The one place that calls WeasyPrint: the council paper, the whole concept and the
Sachstandsbericht are all laid out here (through their renderers, ``documents/renderers.py``).
Council papers go to the Kreistag and are published; they must be tagged (PDF/UA-1, BITV NRW),
carry ``lang="de"`` and a title, and embed their fonts. The renderer must never fetch anything
from the network: a link or image typed into a text would otherwise make the server request
any URL (server-side request forgery). ``LocalOnlyFetcher`` therefore answers only URLs below
``/static/`` (through the staticfiles finders) and ``/media/`` (below ``MEDIA_ROOT``) and
refuses every other URL, whatever its scheme.
"""

import hashlib
import logging
import mimetypes
import os
import posixpath
import time
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.utils._os import safe_join
from weasyprint import HTML
from weasyprint.document import Document as LaidOut
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Relative URLs in the print templates ("/static/…", "/media/…") resolve against this base.
# ``.invalid`` is reserved (RFC 2606): even a mistake here could not reach a real host.
BASE_URL = "https://kreisintegration.invalid/"
PDF_VARIANT = "pdf/ua-1"
CACHE_PREFIX = "pdf:"
CACHE_SECONDS = 60 * 60 * 24
# A draft renders in about half a second (scripts/benchmark_papers.py); a worker waits this long
# for another one rendering the same content before it renders itself.
RENDER_WAIT_SECONDS = 30
RENDER_POLL_SECONDS = 0.2


class RefusedURL(ValueError):
    """The PDF renderer asked for something outside the project's static and media files."""


class LocalOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads static and media files from disk and nothing else."""

    def __init__(self):
        super().__init__(allowed_protocols=())
        self.refused: list[str] = []

    def local_path(self, url: str) -> str:
        """The file on disk for an allowed URL; ``RefusedURL`` for every other URL."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
            raise RefusedURL(f"Externe Adresse im PDF nicht erlaubt: {url}")
        path = posixpath.normpath(unquote(parts.path))
        for prefix, resolve in (
            (settings.STATIC_URL, _static_file),
            (settings.MEDIA_URL, embeddable_media_file),
        ):
            if path.startswith(prefix) and len(path) > len(prefix):
                found = resolve(path.removeprefix(prefix))
                if found:
                    return found
        raise RefusedURL(f"Keine Datei des Projekts: {url}")

    def fetch(self, url, headers=None):
        try:
            path = self.local_path(url)
        except RefusedURL:
            self.refused.append(url)
            logger.warning("PDF: refused to fetch %s", url)
            raise
        with open(path, "rb") as handle:
            body = handle.read()
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def _static_file(relative: str) -> str | None:
    try:
        return finders.find(relative)
    except Exception:  # SuspiciousFileOperation for ../ tricks
        return None


# What a PDF may embed from MEDIA_ROOT: concept images and logos. Never Anlagen or released
# files (issue 15: an unreleased nichtöffentlich paper's Anlage was pulled into a concept PDF).
EMBEDDABLE_MEDIA = ("bilder", "logos")


def embeddable_media_file(relative: str) -> str | None:
    folder = relative.split("/", 1)[0]
    if folder not in EMBEDDABLE_MEDIA:
        return None
    try:
        path = safe_join(str(settings.MEDIA_ROOT), relative)
    except Exception:
        return None
    # A symlink inside the folder must not lead out of it.
    allowed = os.path.realpath(os.path.join(settings.MEDIA_ROOT, folder))
    if os.path.commonpath([os.path.realpath(path), allowed]) != allowed:
        return None
    try:
        with open(path, "rb"):
            return path
    except OSError:
        return None


def logo_url(district) -> str | None:
    """The District's uploaded logo as a ``/media/…`` URL, which the fetcher may read."""
    return district.logo.url if district.logo else None


def lay_out(html: str) -> LaidOut:
    """Lay ``html`` out in pages (the slow part); ``write_pdf`` then writes the PDF.

    Two steps so that a long document can report its page count between them.
    """
    return HTML(string=html, base_url=BASE_URL, url_fetcher=LocalOnlyFetcher()).render(
        pdf_variant=PDF_VARIANT
    )


def write_pdf(laid_out: LaidOut) -> bytes:
    """The tagged PDF/UA-1 of a laid out document."""
    return laid_out.write_pdf(pdf_variant=PDF_VARIANT)


def html_to_pdf(html: str) -> bytes:
    """Render ``html`` to a tagged PDF/UA-1 document; only local files are read."""
    return write_pdf(lay_out(html))


def cached_pdf(html: str) -> bytes:
    """The PDF for ``html``, rendered once per distinct content.

    The key is the hash of the HTML itself, which holds everything the document depends on
    (texts, Beratungsfolge, the logo's file name): any change renders anew, an unchanged
    draft is served from the cache.

    The production cache is shared by all workers (issue 16), and a lock in it lets only one of
    them render a content: the others wait for its PDF (at most ``RENDER_WAIT_SECONDS``, then
    they render it themselves, so a worker that died while holding the lock blocks nobody).
    """
    key = CACHE_PREFIX + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is not None:
        return pdf
    lock = key + ":lock"
    if not cache.add(lock, os.getpid(), RENDER_WAIT_SECONDS):
        deadline = time.monotonic() + RENDER_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(RENDER_POLL_SECONDS)
            if (pdf := cache.get(key)) is not None:
                return pdf
    try:
        pdf = html_to_pdf(html)
        cache.set(key, pdf, CACHE_SECONDS)
    finally:
        cache.delete(lock)
    return pdf
