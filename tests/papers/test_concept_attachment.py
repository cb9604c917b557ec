"""A Vorlage made by hand attaches a Konzeptfassung as Anlage exactly as "Vorlage aus
Konzeptfassung" does (issue 13): an Attachment with the version and no file, set as the concept
PDF at the release."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from pypdf import PdfReader

from papers.models import DecisionPaper
from papers.prefill import concept_attachment_title, paper_from_version
from papers.services import attachment_create
from tests import factories

from .test_workflow import form_data

# The release asks "Ich habe die Vorlage geprüft und gebe sie frei" (issue 14).
CONFIRM = {"confirm": "on"}

pytestmark = pytest.mark.django_db


@pytest.fixture
def hand_made(client, district, ki_lead, path):
    client.force_login(ki_lead)
    client.post(reverse("papers:create", args=[district.slug]), form_data(meetings=path))
    return DecisionPaper.objects.get(district=district)


@pytest.fixture
def version(district):
    version = factories.ConceptVersionFactory(
        concept=district.concept, number=2, title="Fortschreibung 2026"
    )
    factories.ConceptSectionFactory(version=version, title="Anlass", body="Warum wir schreiben.")
    version.fields_of_action.add(factories.FieldOfActionFactory(district=district, name="Sport"))
    return version


def attach(client, district, paper, version):
    return client.post(
        reverse("papers:attachment_concept", args=[district.slug, paper.pk]),
        {"concept_version": version.pk},
        follow=True,
    )


def test_the_paper_page_lists_only_the_districts_fassungen(
    client, district, other_district, hand_made, version
):
    foreign = factories.ConceptVersionFactory(concept=other_district.concept, title="Fremd")
    html = client.get(reverse("papers:detail", args=[district.slug, hand_made.pk])).content.decode()
    assert "Fassung des Integrationskonzepts als Anlage" in html
    assert f'value="{version.pk}"' in html and "Fassung 2: Fortschreibung 2026" in html
    assert "Fremd" not in html and f'<option value="{foreign.pk}"' not in html


def test_attaching_makes_the_same_anlage_as_the_prefilled_paper(
    client, district, ki_lead, hand_made, version
):
    page = attach(client, district, hand_made, version).content.decode()
    attachment = hand_made.attachments.get()
    assert attachment.concept_version == version and not attachment.file
    assert attachment.title == concept_attachment_title(district, version)
    assert f"Anlage „{attachment.title}“ hinzugefügt." in page

    prefilled, _notes = paper_from_version(district=district, version=version, user=ki_lead)
    twin = prefilled.attachments.get()
    assert (twin.title, twin.concept_version, bool(twin.file)) == (
        attachment.title,
        attachment.concept_version,
        False,
    )


def test_the_release_sets_the_concept_pdf_as_anlage(client, district, hand_made, version):
    attach(client, district, hand_made, version)
    client.post(reverse("papers:release", args=[district.slug, hand_made.pk]), CONFIRM)
    released = hand_made.releases.get().attachments.get()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(released.file.read())).pages)
    assert "Fortschreibung 2026" in text and "Sport" in text


def test_twice_the_same_fassung_is_refused(client, district, hand_made, version):
    attach(client, district, hand_made, version)
    page = attach(client, district, hand_made, version).content.decode()
    assert "Fassung 2 ist bereits Anlage dieser Vorlage." in page
    assert hand_made.attachments.count() == 1


def test_another_districts_fassung_is_refused(client, district, other_district, ki_lead, hand_made):
    foreign = factories.ConceptVersionFactory(concept=other_district.concept)
    attach(client, district, hand_made, foreign)
    assert not hand_made.attachments.exists()
    with pytest.raises(PermissionDenied):
        attachment_create(
            district=district, paper=hand_made, title="x", concept_version=foreign, user=ki_lead
        )


def test_a_released_paper_takes_no_new_anlage(client, district, ki_lead, version):
    paper = factories.released_paper(district)
    client.force_login(ki_lead)
    page = attach(client, district, paper, version).content.decode()
    assert "eingefroren" in page
    assert not paper.attachments.exists()
