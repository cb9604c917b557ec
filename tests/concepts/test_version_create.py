"""The first Konzeptfassung is made in the app (issue 13): empty, with the sections a concept of
the seeds has, or as a copy of an earlier version."""

import pytest
from django.urls import reverse

from concepts import services
from concepts.models import ConceptVersion
from tests import factories

pytestmark = pytest.mark.django_db

OUTLINE = [
    "Ausgangslage",
    "Leitlinien",
    "Schwerpunkte",
    "Handlungsfelder",
    "Maßnahmen",
    "Steuerung und Beteiligung",
    "Controlling",
]


def create_url(district):
    return reverse("concepts:version_create", args=[district.slug])


def test_the_empty_concept_page_offers_the_first_version(client, district, ki_staff):
    client.force_login(ki_staff)
    html = client.get(reverse("concepts:versions", args=[district.slug])).content.decode()
    assert "Noch keine Fassung. Legen Sie unten die erste an." in html
    assert "Erste Fassung anlegen" in html
    assert f'action="{create_url(district)}"' in html
    assert "Kopie einer früheren Fassung" not in html  # nothing to copy yet


@pytest.mark.parametrize("visitor", ["council_member", "land_user"])
def test_readers_get_no_form(client, district, visitor, request):
    client.force_login(request.getfixturevalue(visitor))
    html = client.get(reverse("concepts:versions", args=[district.slug])).content.decode()
    assert "Erste Fassung anlegen" not in html


def test_a_structured_first_version_has_the_sections_of_the_seeds(client, district, ki_staff):
    client.force_login(ki_staff)
    response = client.post(
        create_url(district), {"title": "Integrationskonzept 2026", "start": "gegliedert"}
    )
    version = district.concept.versions.get()
    assert response["Location"] == reverse(
        "concepts:version_detail", args=[district.slug, version.pk]
    )
    assert (version.number, version.title, version.status) == (
        1,
        "Integrationskonzept 2026",
        ConceptVersion.Status.DRAFT,
    )
    assert [s.title for s in version.sections.order_by("order")] == OUTLINE
    page = client.get(response["Location"]).content.decode()
    assert "Steuerung und Beteiligung" in page


def test_an_empty_version_has_no_sections(client, district, ki_staff):
    client.force_login(ki_staff)
    client.post(create_url(district), {"title": "Leer", "start": "leer"})
    assert district.concept.versions.get().sections.count() == 0


def test_a_copy_continues_an_earlier_version(client, district, ki_staff):
    earlier = factories.ConceptVersionFactory(concept=district.concept, number=1, title="2015")
    factories.ConceptSectionFactory(version=earlier, order=1, title="Anlass", body="Text")
    field = factories.FieldOfActionFactory(district=district)
    earlier.fields_of_action.add(field)
    client.force_login(ki_staff)
    client.post(create_url(district), {"title": "2026", "start": "kopie", "based_on": earlier.pk})
    new = district.concept.versions.get(number=2)
    assert new.based_on == earlier
    assert [(s.title, s.body) for s in new.sections.all()] == [("Anlass", "Text")]
    assert list(new.fields_of_action.all()) == [field]


def test_a_copy_needs_a_version_of_this_district(client, district, other_district, ki_staff):
    factories.ConceptVersionFactory(concept=district.concept, number=1)
    foreign = factories.ConceptVersionFactory(concept=other_district.concept, number=1)
    client.force_login(ki_staff)
    response = client.post(create_url(district), {"title": "2026", "start": "kopie"})
    assert "Bitte wählen Sie die Fassung, die kopiert werden soll." in response.content.decode()
    response = client.post(
        create_url(district), {"title": "2026", "start": "kopie", "based_on": foreign.pk}
    )
    assert response.status_code == 200  # not a choice here
    assert district.concept.versions.count() == 1


def test_numbers_continue_after_existing_versions(district, ki_staff):
    factories.ConceptVersionFactory(concept=district.concept, number=3)
    version = services.version_create(
        district=district, title="Neu", structured=False, user=ki_staff
    )
    assert version.number == 4


def test_a_new_version_holds_the_districts_current_contents(district, ki_staff):
    """Issue 13: the default for a new Fassung is the District's current Handlungsfelder,
    Arbeitsschwerpunkte of the running period and measures that are not archived."""
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    period = factories.WorkPeriodFactory(
        district=district,
        start=today - datetime.timedelta(days=30),
        end=today + datetime.timedelta(days=300),
    )
    priority = factories.WorkPriorityFactory(work_period=period, title="Kita")
    measure = factories.MeasureFactory(district=district, title="Rucksack")
    factories.MeasureFactory(district=district, title="Alt", is_archived=True)

    version = services.version_create(
        district=district, title="Erste Fassung", structured=False, user=ki_staff
    )

    assert list(version.fields_of_action.all()) == [field]
    assert list(version.priorities.all()) == [priority]
    assert list(version.measures.all()) == [measure]
