"""The council paper's renderers: the PDF that goes to the Kreistag and the DOCX export.

Both are made from the same ``paper_context`` – the released revision (with its sign-off line)
or the working copy marked as draft – and registered by kind in ``documents.renderers``.
"""

from django.utils import timezone

from accounts.models import Membership
from concepts.rendering import render_markdown
from documents import pdf
from documents.renderers import DocumentRenderer, letterhead, register, renderer_for

from .docx import PaperDocument
from .models import IMPLICATIONS_HEADING, DecisionPaper, Impact, SignOffRound
from .responses import paper_filename

PAPER_PDF = "vorlage-pdf"
PAPER_DOCX = "vorlage-docx"


def _html(text: str, district) -> str:
    return render_markdown(text, district) if text.strip() else ""


def begruendung_blocks(paper: DecisionPaper) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The Begründung as (heading, html, parts): ``parts`` are the structured sub-fields of
    seed 004's IV. (Finanzen, Personal, IT, sonstige Ressourcen), empty in other sections."""
    district = paper.district
    blocks = []
    for heading, text in paper.begruendung():
        parts = []
        if heading == IMPLICATIONS_HEADING:
            parts = [(label, _html(value, district)) for label, value in paper.implication_parts()]
        blocks.append((heading, _html(text, district), parts))
    return blocks


def signature_fallback(paper: DecisionPaper, release=None) -> list[dict]:
    """The Unterschrift block when no sign-off steps are given (``signatures`` empty): the
    person who released the paper with their role in the District, else a line for the
    Bearbeiter/in. Never a name the data does not hold (no invented Landrat)."""
    if release is not None:
        user = release.released_by
    else:  # a draft after a new revision still names the earlier releaser: not its signer
        user = paper.released_by if paper.is_released else None
    if user is not None:
        membership = (
            Membership.objects.filter(user=user, district=paper.district, is_active=True)
            .order_by("pk")
            .first()
        )
        released_at = release.released_at if release is not None else paper.released_at
        return [
            {
                "function": membership.get_role_display() if membership else "",
                "name": user.get_full_name() or user.username,
                "date": released_at,
            }
        ]
    return [{"function": "Bearbeiter/in", "name": paper.author_name, "date": None}]


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
        "begruendung": begruendung_blocks(paper),
        "signature_fallback": signature_fallback(paper, release),
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
