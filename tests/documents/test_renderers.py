"""One renderer per document kind (issue 12), registered by the app that owns the object."""

import pytest

from concepts.models import ConceptVersion
from documents.models import GeneratedDocument
from documents.renderers import StoredDocumentRenderer, renderer_for, renderer_for_object
from papers.renderers import PAPER_DOCX, PAPER_PDF
from reports.models import ProgressReport
from tests import factories
from tests.reports.routes import make_report

pytestmark = pytest.mark.django_db


def test_every_kind_has_its_renderer():
    assert renderer_for(GeneratedDocument.Kind.CONCEPT).model is ConceptVersion
    assert renderer_for(GeneratedDocument.Kind.PROGRESS_REPORT).model is ProgressReport
    for kind in GeneratedDocument.Kind.values:
        assert isinstance(renderer_for(kind), StoredDocumentRenderer)
    with pytest.raises(LookupError):
        renderer_for("rechnung")


def test_stored_documents_find_their_renderer_by_object(district):
    version = factories.ConceptVersionFactory(concept=district.concept)
    assert renderer_for_object(version).kind == GeneratedDocument.Kind.CONCEPT
    report = make_report(district)
    assert renderer_for_object(report).kind == GeneratedDocument.Kind.PROGRESS_REPORT


def test_the_paper_renders_as_pdf_and_docx(district):
    paper = factories.DecisionPaperFactory(district=district, reference="50/020/2015")
    filename, content_type, content = renderer_for(PAPER_PDF).render(paper)
    assert (filename, content_type) == ("Vorlage-50-020-2015-Entwurf.pdf", "application/pdf")
    assert content.startswith(b"%PDF-")
    filename, content_type, content = renderer_for(PAPER_DOCX).render(paper)
    assert filename == "Vorlage-50-020-2015.docx"
    assert content_type.endswith("wordprocessingml.document")
    assert content.startswith(b"PK")  # a DOCX is a zip file


def test_the_concept_renders_with_a_dated_file_name(district):
    version = factories.ConceptVersionFactory(concept=district.concept)
    factories.ConceptSectionFactory(version=version, title="Anlass", body="Warum.")
    filename, content_type, content = renderer_for(GeneratedDocument.Kind.CONCEPT).render(version)
    assert filename.startswith(f"Integrationskonzept-{district.slug}-")
    assert content_type == "application/pdf" and content.startswith(b"%PDF-")
