"""The whole concept as a PDF, rendered in the background and stored until its data changes."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from concepts.models import ConceptVersion
from districts.models import District
from documents import rendering
from documents.models import GeneratedDocument
from tests import factories


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def german(value) -> str:
    """1234.5 → "1.234,5", as the PDF prints numbers."""
    whole, _, fraction = f"{value:f}".rstrip("0").rstrip(".").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


@pytest.fixture
def mettmann(db):
    call_command("load_demo", verbosity=0)
    return District.objects.get(slug="kreis-mettmann")


def request_pdf(client, district, version):
    response = client.post(
        reverse("documents:request_concept", args=[district.slug, version.pk]), follow=True
    )
    assert response.status_code == 200
    return response


def test_mettmann_concept_pdf_shows_sections_measures_and_indicator_values(client, mettmann):
    version = mettmann.concept.versions.order_by("-number").first()
    client.force_login(mettmann.memberships.get(user__username="ki.kreis-mettmann").user)
    page = request_pdf(client, mettmann, version).content.decode()
    assert "Status: fertig" in page and "PDF herunterladen" in page
    document = GeneratedDocument.objects.get(concept_version=version)
    assert document.status == GeneratedDocument.Status.DONE and document.progress == 100
    assert document.pages > 5

    pdf = client.get(reverse("documents:download", args=[mettmann.slug, document.pk])).content
    text = text_of(pdf)
    assert "Integrationskonzept" in text and version.title.split("–")[0].strip() in text
    assert "Inhalt" in text and "Maßnahmenkatalog" in text
    for section in version.sections.all():
        assert section.title in text, section.title
    measures = list(version.measures.prefetch_related("indicators"))
    assert measures
    for measure in measures:
        assert measure.title[:40] in text, measure.title
    shown = [i for m in measures for i in m.indicators.all() if i.baseline is not None]
    assert shown
    for indicator in shown[:10]:
        assert indicator.name[:30] in text
        assert german(indicator.baseline) in text, (indicator.name, indicator.baseline)
    for entry in mettmann.glossary_entries.all()[:3]:
        assert entry.term in text

    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de" and "/StructTreeRoot" in catalog
    assert reader.metadata.title.startswith("Integrationskonzept Kreis Mettmann – Fassung")
    assert f"Seite 2 von {len(reader.pages)}" in reader.pages[1].extract_text()
    # The table of contents carries page numbers (target-counter).
    assert re.search(r"Maßnahmenkatalog\s*\.+\s*\d+", reader.pages[1].extract_text())


def test_the_stored_pdf_is_served_again_until_the_data_changes(client, district, ki_staff):
    version = factories.ConceptVersionFactory(concept=district.concept)
    section = factories.ConceptSectionFactory(version=version, title="Anlass", body="Text")
    client.force_login(ki_staff)
    request_pdf(client, district, version)
    page = request_pdf(client, district, version).content.decode()
    assert GeneratedDocument.objects.count() == 1
    assert "auf dem aktuellen Stand" in page

    section.body = "Neuer Text"
    section.save()
    first = GeneratedDocument.objects.get()
    detail = client.get(reverse("documents:detail", args=[district.slug, first.pk]))
    assert "Die Daten haben sich seit der Erstellung geändert" in detail.content.decode()
    request_pdf(client, district, version)
    assert GeneratedDocument.objects.count() == 2


def test_a_measure_change_makes_a_draft_version_outdated(client, district, ki_staff):
    version = factories.ConceptVersionFactory(concept=district.concept)
    measure = factories.MeasureFactory(district=district)
    measure.concept_versions.add(version)
    client.force_login(ki_staff)
    request_pdf(client, district, version)
    measure.title = "Umbenannt"
    measure.save()
    request_pdf(client, district, version)
    assert GeneratedDocument.objects.filter(concept_version=version).count() == 2


def test_readers_get_documents_of_versions_they_may_read_only(client, district, council_member):
    draft = factories.ConceptVersionFactory(concept=district.concept)
    adopted = factories.ConceptVersionFactory(
        concept=district.concept,
        status=ConceptVersion.Status.ADOPTED,
        decided_on="2025-01-01",
    )
    client.force_login(council_member)
    url = reverse("documents:request_concept", args=[district.slug, draft.pk])
    assert client.post(url).status_code == 404
    assert not GeneratedDocument.objects.exists()
    request_pdf(client, district, adopted)
    assert GeneratedDocument.objects.get().status == GeneratedDocument.Status.DONE


def test_progress_page_polls_until_the_pdf_is_ready(client, district, ki_staff):
    version = factories.ConceptVersionFactory(concept=district.concept)
    document = GeneratedDocument.objects.create(
        district=district,
        kind=GeneratedDocument.Kind.CONCEPT,
        concept_version=version,
        fingerprint="alt",
        status=GeneratedDocument.Status.RUNNING,
        progress=30,
        step="Seiten setzen",
    )
    client.force_login(ki_staff)
    page = client.get(reverse("documents:detail", args=[district.slug, document.pk])).content
    page = page.decode()
    assert 'hx-trigger="every 1s"' in page
    assert 'value="30"' in page and "Seiten setzen" in page
    assert "PDF herunterladen" not in page
    download = reverse("documents:download", args=[district.slug, document.pk])
    assert client.get(download).status_code == 404


def test_a_failed_rendering_is_shown_and_can_be_retried(client, district, ki_staff, monkeypatch):
    version = factories.ConceptVersionFactory(concept=district.concept)

    def broken(document):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(rendering, "build_html", broken)
    client.force_login(ki_staff)
    page = request_pdf(client, district, version).content.decode()
    assert "Das PDF konnte nicht erstellt werden" in page
    document = GeneratedDocument.objects.get()
    assert document.status == GeneratedDocument.Status.FAILED and "kaputt" in document.error
    monkeypatch.undo()
    request_pdf(client, district, version)
    assert GeneratedDocument.objects.filter(status=GeneratedDocument.Status.DONE).count() == 1


def test_documents_of_another_district_are_not_found(client, district, other_district, ki_staff):
    version = factories.ConceptVersionFactory(concept=other_district.concept)
    document = GeneratedDocument.objects.create(
        district=other_district,
        kind=GeneratedDocument.Kind.CONCEPT,
        concept_version=version,
        fingerprint="x",
    )
    client.force_login(ki_staff)
    for name in ("documents:detail", "documents:download", "documents:status"):
        assert client.get(reverse(name, args=[district.slug, document.pk])).status_code == 404
