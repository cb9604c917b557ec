"""The council paper's renderers: the PDF that goes to the Kreistag and the DOCX export.

Both are made from the same ``paper_context`` – the released revision (with its sign-off line)
or the working copy marked as draft – and registered by kind in ``documents.renderers``.
"""

from django.utils import timezone

from concepts.rendering import render_markdown
from documents import pdf
from documents.renderers import DocumentRenderer, letterhead, register, renderer_for

from .docx import PaperDocument
from .models import DecisionPaper, Impact, SignOffRound
from .responses import paper_filename

PAPER_PDF = "vorlage-pdf"
PAPER_DOCX = "vorlage-docx"


def paper_context(paper: DecisionPaper, release=None) -> dict:
    district = paper.district
    return {
        **letterhead(district),
        "paper": paper,
        "kinds": DecisionPaper.DecisionKind.choices,
        "impact_choices": Impact.choices,
        "consultations": list(
            paper.consultations.select_related("meeting__committee").order_by("order")
        ),
        "attachments": list(paper.attachments.select_related("concept_version")),
        "proposal_html": render_markdown(paper.proposal, district) if paper.proposal else "",
        "begruendung": [
            (heading, render_markdown(text, district) if text.strip() else "")
            for heading, text in paper.begruendung()
        ],
        "release": release,
        "draft": release is None,
    }


@register(PAPER_PDF)
class PaperPdfRenderer(DocumentRenderer):
    """The paper as tagged PDF: a release (``release=`` an unsaved or stored PaperRelease)
    or the working copy as draft, which is cached by its content (``documents.pdf``)."""

    model = DecisionPaper
    template_name = "papers/pdf/paper.html"

    def context(self, obj, *, release=None, with_signatures=True, **options) -> dict:
        # ``with_signatures=False`` is the content the signers sign (``paper_fingerprint``):
        # a sign-off must not change the content it was given on.
        signatures = paper_signatures(obj) if with_signatures else []
        return {**paper_context(obj, release), "signatures": signatures}

    def filename(self, obj, *, release=None, **options) -> str:
        if release is None:
            return paper_filename(obj.reference, "-Entwurf.pdf")
        return paper_filename(release.reference)

    def content(self, obj, *, release=None, **options) -> bytes:
        html = self.html(obj, release=release)
        # A draft is fetched again and again while it is written; a release is made once.
        return pdf.cached_pdf(html) if release is None else pdf.html_to_pdf(html)


@register(PAPER_DOCX)
class PaperDocxRenderer(PaperPdfRenderer):
    """The paper as DOCX (papers/docx.py), for council information systems that take Word."""

    template_name = ""
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

    def fingerprint(self, obj, **options) -> str:
        return renderer_for(PAPER_PDF).fingerprint(obj, **options)

    def filename(self, obj, **options) -> str:
        return paper_filename(obj.reference, ".docx")

    def content(self, obj, *, release=None, **options) -> bytes:
        return PaperDocument(self.context(obj, release=release)).render()


def paper_fingerprint(paper: DecisionPaper) -> str:
    """A hash of the working copy as its draft PDF shows it (Anlagen and Beratungsfolge too),
    without the sign-offs: what the Mitzeichnung and a queued release compare."""
    return renderer_for(PAPER_PDF).fingerprint(paper, with_signatures=False)


def paper_signatures(paper: DecisionPaper) -> list[dict]:
    """The sign-offs the PDF shows (issue 14: "the PDF shows the sign-offs where the layout
    has them"), as ``{"function", "name", "date"}`` in the order they were given.

    Only those of the revision's running Mitzeichnung and only while the paper still shows
    what was signed; a returned or outdated round shows none.
    """
    signoff_round = (
        paper.signoff_rounds.filter(revision=paper.revision, status=SignOffRound.Status.OPEN)
        .order_by("-requested_at", "-pk")
        .first()
    )
    if signoff_round is None or signoff_round.fingerprint != paper_fingerprint(paper):
        return []
    return [
        {
            "function": signoff.function,
            "name": str(signoff.user) if signoff.user else "",
            "date": timezone.localdate(signoff.signed_at),
        }
        for signoff in signoff_round.signoffs.select_related("user")
    ]


def paper_html(paper: DecisionPaper, release=None) -> str:
    """HTML for WeasyPrint: the released revision (with its sign-off line) or a marked draft."""
    return renderer_for(PAPER_PDF).html(paper, release=release)
