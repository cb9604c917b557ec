"""Every kind of PDF is accessible in its structure (PDF/UA-1, BITV NRW; issue 15).

For each renderer registered in documents/renderers.py that writes a PDF – the council paper,
the whole concept, the Sachstandsbericht – a document with everything that becomes a figure
(the District's logo, an uploaded concept image, trend charts with a target line) is rendered
and its structure tree read with pikepdf: every /Figure carries alternative text (/Alt), the
document says it is German (/Lang de) and has a title shown instead of the file name.
A new PDF renderer without an entry in ``SUBJECTS`` fails ``test_every_pdf_kind_is_covered``.
"""

import datetime
import io
from decimal import Decimal

import pikepdf
import pytest
from PIL import Image

from concepts.models import ConceptVersion
from documents.models import GeneratedDocument
from documents.renderers import _registry, renderer_for
from papers.renderers import PAPER_PDF
from tests import factories
from tests.reports.routes import make_report

pytestmark = pytest.mark.django_db


def png(color: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, "PNG")
    return buffer.getvalue()


def with_charts(district):
    """A measure with an indicator whose values draw a trend chart with a target line."""
    measure = factories.MeasureFactory(
        district=district, title="Rucksack KiTa", start=datetime.date(2024, 1, 1)
    )
    indicator = factories.IndicatorFactory(
        measure=measure,
        name="Teilnehmende Familien",
        baseline=Decimal(100),
        target=Decimal(200),
    )
    for day, value in [
        (datetime.date(2025, 3, 31), 150),
        (datetime.date(2025, 9, 30), 175),
    ]:
        factories.MeasurementFactory(indicator=indicator, date=day, value=Decimal(value))
    return measure


def paper(district):
    district.logo.save("wappen.png", io.BytesIO(png("navy")))
    return factories.released_paper(district)


def concept_version(district):
    district.logo.save("wappen.png", io.BytesIO(png("navy")))
    from django.conf import settings

    folder = settings.MEDIA_ROOT / "bilder" / district.slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "karte.png").write_bytes(png("green"))
    version = factories.ConceptVersionFactory(
        concept=district.concept,
        title="Integrationskonzept 2025",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2025, 3, 20),
    )
    factories.ConceptSectionFactory(
        version=version,
        order=1,
        title="Ausgangslage",
        body=f"Der Kreis:\n\n![Karte des Kreises mit seinen Kommunen]"
        f"(/media/bilder/{district.slug}/karte.png)",
    )
    with_charts(district).concept_versions.add(version)
    return version


def progress_report(district):
    district.logo.save("wappen.png", io.BytesIO(png("navy")))
    with_charts(district)
    return make_report(district)


def meeting_folder(district):
    """Issue 20: the Sitzungsmappe appends a released paper with its tags (the logo is a
    figure of the paper, and must keep its text in the merged structure)."""
    from papers.folder import folder_for
    from papers.renderers import PAPER_PDF as paper_kind

    released = paper(district)
    release = released.releases.get()
    release.pdf = renderer_for(paper_kind).render(released, release=release)[2]
    release.save()
    meeting = released.consultations.order_by("order").first().meeting
    return folder_for(meeting, public=False)


# Each PDF kind with the object it is made of.
SUBJECTS = {
    GeneratedDocument.Kind.MEETING_FOLDER: meeting_folder,
    PAPER_PDF: paper,
    GeneratedDocument.Kind.CONCEPT: concept_version,
    GeneratedDocument.Kind.PROGRESS_REPORT: progress_report,
}


def pdf_kinds() -> set[str]:
    return {kind for kind, renderer in _registry.items() if renderer.content_type.endswith("/pdf")}


def test_every_pdf_kind_is_covered():
    assert pdf_kinds() == set(SUBJECTS)


def elements(node):
    """Every structure element below ``node`` (depth first)."""
    kids = node.get("/K")
    if kids is None:
        return
    if not isinstance(kids, pikepdf.Array):
        kids = [kids]
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


@pytest.fixture(params=sorted(SUBJECTS))
def structure(request, district, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    kind = request.param
    subject = SUBJECTS[kind](district)
    _name, _type, content = renderer_for(kind).render(subject)
    pdf = pikepdf.Pdf.open(io.BytesIO(content))
    return kind, pdf


def test_every_figure_has_alternative_text(structure):
    kind, pdf = structure
    root = pdf.Root
    assert "/StructTreeRoot" in root, kind
    tags = list(elements(root.StructTreeRoot))
    figures = [element for element in tags if element.S == "/Figure"]
    assert figures, f"{kind}: the logo, image or chart should be a figure"
    without_alt = [element for element in figures if not str(element.get("/Alt", "")).strip()]
    assert without_alt == [], f"{kind}: {len(without_alt)} of {len(figures)} figures without /Alt"


def test_document_is_german_with_a_title(structure):
    kind, pdf = structure
    assert str(pdf.Root.Lang) in ("de", "de-DE"), kind
    assert pdf.Root.MarkInfo.Marked, kind
    assert pdf.Root.ViewerPreferences.DisplayDocTitle, kind
    assert str(pdf.docinfo.get("/Title", "")).strip(), kind


def test_every_figure_of_the_demo_report_has_alternative_text(db):
    """The demo's Sachstandsbericht had 42 figures without text (issue 15)."""
    from django.core.management import call_command

    from districts.models import District

    call_command("load_demo", verbosity=0)
    report = District.objects.get(slug="kreis-mettmann").progress_reports.get()
    content = renderer_for(GeneratedDocument.Kind.PROGRESS_REPORT).render(report)[2]
    pdf = pikepdf.Pdf.open(io.BytesIO(content))
    figures = [e for e in elements(pdf.Root.StructTreeRoot) if e.S == "/Figure"]
    assert figures and all(str(f.get("/Alt", "")).strip() for f in figures)
    assert "Sachstandsbericht Sachstandsbericht" not in str(pdf.docinfo.Title)
