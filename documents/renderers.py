"""One renderer per kind of document, found by its kind (the shape of pretix's invoice renderers).

Every document the system produces – the council paper as PDF and as DOCX, the whole
Integrationskonzept, the Sachstandsbericht – is made by a ``DocumentRenderer`` subclass in the
app that owns its object, registered under its kind when that app is ready::

    @register("sachstandsbericht")
    class ProgressReportRenderer(StoredDocumentRenderer): ...

The generic machinery knows no subclass (the whole concept, which composes three domain apps,
is registered by documents itself in ``documents/concept.py``): it asks the registry (``renderer_for(kind)``,
``renderer_for_object(obj)``), so the apps above it may build on documents without documents
building on them. The PDF always comes from ``documents.pdf`` (one WeasyPrint call site).
"""

import hashlib
from abc import ABC, abstractmethod

from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.utils import timezone

from . import pdf

_registry: dict[str, "DocumentRenderer"] = {}


class DocumentRenderer(ABC):
    """Extension point: how one kind of document is made from its object.

    A subclass sets ``kind``, ``model`` (what a document is made of), ``template_name`` (the
    print HTML, with its own print stylesheet) and implements ``context`` and ``filename``.
    The steps can be overridden one by one; ``render`` puts them together. ``options`` carry
    what one kind needs beyond its object (a paper's release), and are passed along unchanged.
    """

    kind: str = ""
    model: type | None = None
    template_name: str = ""
    content_type = "application/pdf"

    def fingerprint(self, obj, **options) -> str:
        """A hash that changes whenever the document would; by default of its HTML."""
        return hashlib.sha256(self.html(obj, **options).encode()).hexdigest()

    @abstractmethod
    def context(self, obj, **options) -> dict:
        """The template context of the print HTML."""

    @abstractmethod
    def filename(self, obj, **options) -> str:
        """The file name the document is downloaded under."""

    def html(self, obj, **options) -> str:
        return render_to_string(self.template_name, self.context(obj, **options))

    def content(self, obj, **options) -> bytes:
        """The document's bytes; a PDF from the HTML unless a kind writes another format."""
        return self.pdf_from_html(self.html(obj, **options))

    def pdf_from_html(self, html: str) -> bytes:
        """The PDF of HTML this renderer built: for a caller that must hash exactly the HTML
        it renders (a release compares that hash under the row lock)."""
        return pdf.html_to_pdf(html)

    def render(self, obj, **options) -> tuple[str, str, bytes]:
        """``(filename, content_type, bytes)`` of the document for ``obj``."""
        return (
            self.filename(obj, **options),
            self.content_type,
            self.content(obj, **options),
        )


class StoredDocumentRenderer(DocumentRenderer):
    """A long document rendered by the background worker and kept as ``GeneratedDocument``.

    ``subject_field`` names the GeneratedDocument field that points to the object;
    ``visible_subjects`` is what a visitor may request and download, ``request_url_name`` the
    URL that requests it anew.
    """

    subject_field: str = ""
    # False where an older PDF may show what is no longer to be shown (a Sitzungsmappe with a
    # paper since made nichtöffentlich): only the current one is downloaded.
    serves_outdated = True
    file_stem: str = ""
    request_url_name: str = ""
    back_label: str = ""

    @abstractmethod
    def district(self, obj):
        """The District the object belongs to."""

    @abstractmethod
    def describe(self, obj) -> str:
        """One line naming the object on the document's page."""

    @abstractmethod
    def subject_url(self, obj) -> str:
        """The page of the object, which ``back_label`` links to."""

    @abstractmethod
    def visible_subjects(self, request):
        """The objects of ``request.district`` the visitor may have this document of."""

    def assemble(self, obj, content: bytes, pages: int) -> tuple[bytes, int]:
        """The stored PDF from the laid out one: by default that one; a Sitzungsmappe appends
        the released papers (``documents.merge``). Returns the PDF and its page count."""
        return content, pages

    def filename(self, obj, *, day=None, **options) -> str:
        day = day or timezone.localdate()
        return f"{self.file_stem}-{self.district(obj).slug}-{day:%Y-%m-%d}.pdf"


def register(kind: str):
    """Class decorator: make ``cls`` the renderer of ``kind`` (one renderer per kind)."""

    kind = str(kind)

    def decorator(cls):
        if kind in _registry and type(_registry[kind]) is not cls:
            raise ValueError(f"{kind!r} is rendered by {type(_registry[kind]).__name__} already")
        cls.kind = kind
        _registry[kind] = cls()
        return cls

    return decorator


def renderer_for(kind: str) -> DocumentRenderer:
    try:
        return _registry[kind]
    except KeyError:
        raise LookupError(f"no renderer for the document kind {kind!r}") from None


def renderer_for_object(obj) -> StoredDocumentRenderer:
    """The stored-document renderer whose ``model`` ``obj`` is (exactly one must match)."""
    found = [
        renderer
        for renderer in _registry.values()
        if isinstance(renderer, StoredDocumentRenderer) and type(obj) is renderer.model
    ]
    if len(found) != 1:
        raise LookupError(f"no single stored-document renderer for {type(obj).__name__}")
    return found[0]


# --- Helpers for renderers ----------------------------------------------------------------------


def data_stamp(queryset) -> str:
    """Count and latest modification of a queryset: enough for a fingerprint to notice a change."""
    aggregates = queryset.aggregate(n=Count("pk"), latest=Max("modified"))
    return f"{aggregates['n']}:{aggregates['latest']}"


def letterhead(district) -> dict:
    """What every print template's letterhead needs: the District and its logo."""
    return {"district": district, "logo_url": pdf.logo_url(district)}
