"""Issue 19: "The concept holds KIM: a KIM section of the Fassung (goals, Lenkungsgruppe, posts
per Baustein and municipality) rendered into the whole-concept PDF; measures can belong to
KIM." The goals are the KI's own section text; the rest comes from the KIM data, as it stood
on the day an adopted version was decided."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from actors.models import Committee
from concepts.services import version_adopt
from documents.concept import concept_fingerprint, concept_html
from kim.models import Post, Seat
from tests import factories

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def version(district):
    return factories.ConceptVersionFactory(concept=district.concept, title="Fortschreibung 2027")


@pytest.fixture
def kim_data(district, version):
    town = factories.MunicipalityFactory(district=district, name="Dülmen")
    Post.objects.create(
        district=district,
        kind="koordination",
        fte=Decimal("3.5"),
        state="besetzt",
        employer="kreis",
    )
    Post.objects.create(
        district=district,
        kind="case_management",
        fte=4,
        state="unbesetzt",
        employer="kommune",
        municipality=town,
    )
    steering = Committee.objects.create(
        district=district, name="KIM-Lenkungsgruppe", kind="lenkungsgruppe"
    )
    Seat.objects.create(
        district=district,
        committee=steering,
        actor=factories.ActorFactory(district=district, name="Jobcenter Kreis"),
        rechtskreis="jobcenter",
    )
    measure = factories.MeasureFactory(district=district, title="KIM Case Management", is_kim=True)
    measure.concept_versions.add(version)
    factories.MeasureFactory(district=district, title="Rucksack KiTa").concept_versions.add(version)
    return town


def test_a_draft_holds_the_kim_chapter_with_posts_groups_and_kim_measures(version, kim_data):
    page = text(concept_html(version))
    assert "Kommunales Integrationsmanagement (KIM)" in page
    chapter = page.split("Kommunales Integrationsmanagement (KIM) Das Land")[1]
    assert f"Stand: {timezone.localdate():%d.%m.%Y}" in chapter
    assert "Baustein 1: Strategisches Management (Koordination) 3,5 3,5" in chapter
    assert "Baustein 2: Case Management 4,0 0,0" in chapter
    assert "Dülmen 0,0 4,0 0,0 4,0" in chapter
    assert "Jobcenter (SGB II): Jobcenter Kreis" in chapter
    assert "KIM Case Management" in chapter.split("Maßnahmen des KIM")[1]
    assert "Rucksack KiTa" not in chapter.split("Maßnahmen des KIM")[1].split("Anhang")[0]


def test_an_adopted_version_shows_kim_as_it_stood_on_its_decision_day(
    district, version, kim_data, ki_lead
):
    """Posts entered after the decision are not what the Kreistag adopted."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    version_adopt(district=district, version=version, decided_on=yesterday, user=ki_lead)
    page = text(concept_html(version))
    chapter = page.split("Kommunales Integrationsmanagement (KIM) Das Land")[1]
    assert f"Stand: {yesterday:%d.%m.%Y}, dem Tag des Beschlusses" in chapter
    # The posts and seats were entered today: none of them on the day of the decision; the
    # KIM measure is in the adopted snapshot.
    assert "Baustein 1: Strategisches Management (Koordination) 0,0" in chapter
    assert "Jobcenter Kreis" not in chapter.split("Anhang")[0]  # (the actors annex has it)
    assert "KIM Case Management" in chapter


def test_no_kim_no_chapter_and_a_new_post_renders_the_document_anew(district, version):
    factories.MeasureFactory(district=district).concept_versions.add(version)
    assert "Kommunales Integrationsmanagement (KIM)" not in concept_html(version)
    before = concept_fingerprint(version)
    Post.objects.create(
        district=district, kind="behoerde", fte=2, state="besetzt", employer="kreis"
    )
    assert concept_fingerprint(version) != before
    assert "Baustein 3: Ausländer- und Einbürgerungsbehörden 2,0" in text(concept_html(version))


def test_a_measure_is_marked_kim_in_its_form_and_listed_on_the_kim_page(
    client, district, ki_staff, council_member
):
    measure = factories.MeasureFactory(district=district, title="Lotsenprojekt")
    client.force_login(ki_staff)
    form = client.get(reverse("measures:update", args=[district.slug, measure.pk])).context["form"]
    assert form.fields["is_kim"].label == "Gehört zum KIM"
    measure.is_kim = True
    measure.save()
    client.force_login(council_member)
    page = text(client.get(reverse("kim:overview", args=[district.slug])).content.decode())
    assert "Maßnahmen des KIM Lotsenprojekt" in page
    detail = client.get(reverse("measures:detail", args=[district.slug, measure.pk]))
    assert ">KIM</span>" in detail.content.decode()
