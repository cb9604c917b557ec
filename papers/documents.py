"""The print HTML of a paper: what the PDF and the DOCX export are made from."""

from django.template.loader import render_to_string

from concepts.rendering import render_markdown

from .models import DecisionPaper, Impact


def logo_url(district) -> str | None:
    """The District's uploaded logo as a ``/media/…`` URL, which the PDF fetcher may read."""
    return district.logo.url if district.logo else None


def paper_context(paper: DecisionPaper, release=None) -> dict:
    district = paper.district
    return {
        "paper": paper,
        "district": district,
        "logo_url": logo_url(district),
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


def paper_html(paper: DecisionPaper, release=None) -> str:
    """HTML for WeasyPrint: the released revision (with its sign-off line) or a marked draft."""
    return render_to_string("papers/pdf/paper.html", paper_context(paper, release))
