"""A release keeps its Anlagen byte for byte, the concept version included (issue 6; seed 001:
"Anlage: Integrationskonzept Kreis Mettmann 2015")."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from documents.models import GeneratedDocument
from documents.renderers import renderer_for
from documents.services import current_document, ensure_pdf, stored_pdf
from papers.models import DecisionPaper, ReleaseRequest
from papers.renderers import PAPER_PDF
from papers.services import complete_release, paper_release
from tests import factories

# The release asks "Ich habe die Vorlage geprüft und gebe sie frei" (issue 14).
CONFIRM = {"confirm": "on"}

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_release_freezes_uploads_and_renders_the_concept_version(
    client, district, ki_lead, council_member, paper_with_anlagen
):
    paper, version = paper_with_anlagen
    response = client.post(reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM)
    assert response.status_code == 302
    release = paper.releases.get()
    upload, concept = release.attachments.order_by("order")
    assert (upload.title, upload.size) == ("Beteiligungsbericht", 20)
    assert upload.file.read() == b"%PDF-1.7 Beteiligung"

    # The concept version went out as a real PDF: tagged, German, with its sections.
    assert concept.title == "Integrationskonzept – Fassung 3"
    assert concept.file.name.endswith(".pdf") and "Fassung-3" in concept.file.name
    pdf = PdfReader(io.BytesIO(concept.file.read()))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Fortschreibung 2026" in text and "Warum wir schreiben." in text
    assert pdf.trailer["/Root"]["/Lang"] == "de"
    # …and is stored as the concept's document, so "Gesamtdokument" serves it without waiting.
    stored = current_document(version)
    assert stored.status == GeneratedDocument.Status.DONE

    # The council member downloads exactly these bytes from the portal.
    client.force_login(council_member)
    page = client.get(reverse("papers:detail", args=[district.slug, paper.pk])).content.decode()
    assert "Integrationskonzept – Fassung 3" in page and "Beteiligungsbericht" in page
    url = reverse("papers:released_attachment", args=[district.slug, paper.pk, concept.pk])
    concept.file.seek(0)
    assert body(client.get(url)) == concept.file.read()
    # The working copy's Anlagen are for the KI only.
    working = paper.attachments.get(order=1)
    url = reverse("papers:attachment", args=[district.slug, paper.pk, working.pk])
    assert client.get(url).status_code == 403

    # Anonymous visitors get the same bytes at the public URL.
    client.logout()
    public = reverse("public:paper", args=[district.slug, paper.pk])
    assert "Integrationskonzept – Fassung 3" in client.get(public).content.decode()
    url = reverse("public:paper_attachment", args=[district.slug, paper.pk, upload.pk])
    assert body(client.get(url)) == b"%PDF-1.7 Beteiligung"


def test_a_new_revision_does_not_change_the_released_anlagen(
    client, district, ki_lead, council_member, paper_with_anlagen
):
    paper, _version = paper_with_anlagen
    client.post(reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM)
    first = paper.releases.get()
    frozen = {a.title: a.file.read() for a in first.attachments.all()}

    client.post(reverse("papers:new_revision", args=[district.slug, paper.pk]))
    upload = paper.attachments.get(order=1)
    delete = reverse("papers:attachment_delete", args=[district.slug, paper.pk, upload.pk])
    assert client.post(delete).status_code == 302
    assert not paper.attachments.filter(pk=upload.pk).exists()

    # Revision 1 and its Anlagen stay as they were, for the council and the public.
    client.force_login(council_member)
    page = client.get(reverse("papers:detail", args=[district.slug, paper.pk])).content.decode()
    assert "Beteiligungsbericht" in page
    for attachment in first.attachments.all():
        url = reverse("papers:released_attachment", args=[district.slug, paper.pk, attachment.pk])
        assert body(client.get(url)) == frozen[attachment.title]

    # Revision 2 goes out without the upload; revision 1 keeps it.
    paper.refresh_from_db()
    second = paper_release(district=paper.district, paper=paper, user=ki_lead).release
    assert [a.title for a in second.attachments.all()] == ["Integrationskonzept – Fassung 3"]
    assert first.attachments.count() == 2


def test_a_missing_file_stops_the_release_with_a_message(
    client, district, ki_lead, paper_with_anlagen
):
    paper, _version = paper_with_anlagen
    upload = paper.attachments.get(order=1)
    upload.file.storage.delete(upload.file.name)
    response = client.post(
        reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM, follow=True
    )
    assert "Die Datei der Anlage „Beteiligungsbericht“ fehlt auf dem Server" in (
        response.content.decode()
    )
    paper.refresh_from_db()
    assert not paper.is_released and not paper.releases.exists()


def test_a_working_copy_concept_anlage_leads_to_the_version(client, district, ki_staff):
    version = factories.ConceptVersionFactory(concept=district.concept)
    attachment = factories.AttachmentFactory(paper__district=district, concept_version=version)
    client.force_login(ki_staff)
    url = reverse("papers:attachment", args=[district.slug, attachment.paper.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "concepts:version_detail", args=[district.slug, version.pk]
    )


def test_one_click_releases_a_paper_whose_concept_anlage_is_not_yet_set(
    client, district, ki_lead, paper_with_anlagen
):
    """Issue 12: release is one action. No concept PDF is stored; the release is queued, the
    worker (here the immediate backend) sets the concept and completes it."""
    paper, version = paper_with_anlagen
    assert current_document(version) is None
    url = reverse("papers:release", args=[district.slug, paper.pk])
    page = client.post(url, CONFIRM, follow=True).content.decode()
    assert "(Revision 1) freigegeben" in page
    paper.refresh_from_db()
    assert paper.is_released
    request = paper.release_requests.get()
    assert request.status == ReleaseRequest.Status.DONE
    assert request.release == paper.releases.get()
    concept = request.release.attachments.get(concept_version=version)
    assert concept.file.read() == stored_pdf(version)


def test_a_queued_release_shows_as_pending_and_the_worker_completes_it(
    client, district, ki_lead, council_member, paper_with_anlagen, worker_backend
):
    paper, version = paper_with_anlagen
    detail = reverse("papers:detail", args=[district.slug, paper.pk])
    url = reverse("papers:release", args=[district.slug, paper.pk])
    page = client.post(url, CONFIRM, follow=True).content.decode()
    assert "wird freigegeben, sobald das Integrationskonzept als Anlage gesetzt ist" in page
    assert "Freigabe von Revision 1 läuft" in page
    assert f'hx-get="{detail}?freigabe=status"' in page
    assert f'href="{url}"' not in page  # no second release while it waits
    paper.refresh_from_db()
    assert not paper.is_released and not paper.releases.exists()
    request = paper.release_requests.get()
    assert request.status == ReleaseRequest.Status.QUEUED and request.task_id

    # A second click while it waits queues nothing more.
    client.post(url)
    assert paper.release_requests.count() == 1

    # The page polls a small fragment while the release waits…
    poll = client.get(detail, {"freigabe": "status"}, headers={"HX-Request": "true"})
    assert poll.status_code == 200
    assert "Freigabe von Revision 1 läuft" in poll.content.decode()
    assert "<html" not in poll.content.decode()
    assert f'hx-get="{detail}?freigabe=status"' in poll.content.decode()
    # …which only the KI reads; the council sees no released paper yet.
    client.force_login(council_member)
    assert client.get(detail).status_code == 404
    client.force_login(ki_lead)

    # The worker sets the concept and releases; the next poll reloads the page.
    complete_release.call(request.pk)
    request.refresh_from_db()
    assert request.status == ReleaseRequest.Status.DONE
    poll = client.get(detail, {"freigabe": "status"}, headers={"HX-Request": "true"})
    assert poll["HX-Refresh"] == "true"
    page = client.get(detail).content.decode()
    assert "Revision 1 freigegeben – Inhalt eingefroren" in page
    concept = paper.releases.get().attachments.get(concept_version=version)
    assert concept.file.read() == stored_pdf(version)


def test_a_paper_changed_after_the_click_is_not_released(
    client, district, ki_lead, paper_with_anlagen, worker_backend
):
    paper, _version = paper_with_anlagen
    client.post(reverse("papers:release", args=[district.slug, paper.pk]), CONFIRM)
    request = paper.release_requests.get()
    DecisionPaper.objects.filter(pk=paper.pk).update(subject="Ein anderer Betreff")

    complete_release.call(request.pk)
    request.refresh_from_db()
    assert request.status == ReleaseRequest.Status.FAILED
    paper.refresh_from_db()
    assert not paper.is_released and not paper.releases.exists()
    page = client.get(reverse("papers:detail", args=[district.slug, paper.pk])).content.decode()
    assert "ist nicht erfolgt" in page
    assert "Die Vorlage wurde geändert, nachdem sie zur Freigabe gegeben wurde" in page
    assert "Revision 1 prüfen und freigeben</a>" in page  # and can be released again


def test_the_pdf_is_rendered_before_the_lock_and_a_change_meanwhile_refuses(
    district, ki_lead, paper_with_anlagen, monkeypatch
):
    """The paper PDF is set outside the row lock; under it only the HTML is compared. An edit
    that lands while WeasyPrint works is not released with a PDF that does not show it."""
    paper, version = paper_with_anlagen
    ensure_pdf(version, user=ki_lead)
    renderer = renderer_for(PAPER_PDF)
    real = type(renderer).pdf_from_html

    def pdf_while_someone_edits(self, html):
        content = real(self, html)
        DecisionPaper.objects.filter(pk=paper.pk).update(subject="Geändert während des Setzens")
        return content

    monkeypatch.setattr(type(renderer), "pdf_from_html", pdf_while_someone_edits)
    with pytest.raises(ValidationError, match="während ihr PDF gesetzt wurde"):
        paper_release(district=paper.district, paper=paper, user=ki_lead)
    paper.refresh_from_db()
    assert not paper.is_released and not paper.releases.exists()
