"""Nothing unpublished is reachable from the public pages (issue 5, "What it must show" 4)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from concepts.models import ConceptVersion
from tests import factories

pytestmark = pytest.mark.django_db

Status = ConceptVersion.Status


def public_html(client, district) -> str:
    """All public pages of the District, concatenated."""
    names = ["start", "directory", "glossary", "concept", "accessibility"]
    html = ""
    for name in names:
        response = client.get(reverse(f"public:{name}", args=[district.slug]))
        assert response.status_code == 200, name
        html += response.content.decode()
    for actor in district.actors.filter(is_published=True):
        html += client.get(reverse("public:actor", args=[district.slug, actor.pk])).content.decode()
    return html


def test_unpublished_actors_offers_and_contacts_are_not_shown(client, district):
    public = factories.ActorFactory(
        district=district, name="Öffentlicher Verein", is_published=True
    )
    hidden = factories.ActorFactory(district=district, name="Unveröffentlichter Verein")
    factories.OfferFactory(actor=public, title="Öffentliches Angebot", is_published=True)
    factories.OfferFactory(actor=public, title="Internes Angebot")
    factories.ContactPersonFactory(
        actor=public, name="Erika Einverstanden", consents_to_publication=True
    )
    factories.ContactPersonFactory(actor=public, name="Max Privat", email="max@privat.example")
    factories.ContactPersonFactory(actor=hidden, name="Hanna Hidden", consents_to_publication=True)

    html = public_html(client, district)
    assert "Öffentlicher Verein" in html
    assert "Öffentliches Angebot" in html
    assert "Erika Einverstanden" in html
    secrets = ["Unveröffentlichter Verein", "Internes Angebot", "Max Privat", "Hanna Hidden"]
    for secret in [*secrets, "max@privat.example"]:
        assert secret not in html
    url = reverse("public:actor", args=[district.slug, hidden.pk])
    assert client.get(url).status_code == 404


def version(district, number, status, title):
    decided = (
        datetime.date(2020 + number, 6, 1)
        if status in (Status.ADOPTED, Status.SUPERSEDED)
        else None
    )
    v = factories.ConceptVersionFactory(
        concept=district.concept, number=number, status=status, title=title, decided_on=decided
    )
    factories.ConceptSectionFactory(version=v, title=f"Abschnitt von {title}", body=f"Text {title}")
    return v


@pytest.mark.parametrize(
    "draft_status", [Status.DRAFT, Status.IN_CONSULTATION, Status.IN_DELIBERATION]
)
def test_only_the_current_adopted_version_is_shown(client, district, draft_status):
    version(district, 1, Status.SUPERSEDED, "Konzept 2015")
    version(district, 2, Status.ADOPTED, "Konzept 2021")
    version(district, 3, draft_status, "Fortschreibung 2027")
    html = public_html(client, district)
    assert "Konzept 2021" in html
    assert "Abschnitt von Konzept 2021" in html
    assert "Konzept 2015" not in html
    assert "Fortschreibung 2027" not in html


def test_no_adopted_version_says_so(client, district):
    version(district, 1, Status.DRAFT, "Entwurf 2026")
    response = client.get(reverse("public:concept", args=[district.slug]))
    html = response.content.decode()
    assert "noch keine beschlossene Fassung" in html
    assert "Entwurf 2026" not in html


def test_a_decision_dated_later_does_not_replace_the_concept_in_force(client, district):
    # Issue 14: a Kreistag result dated after today made the public page say "Gültig …
    # beschlossen am 25.03.2027". The concept in force stays until that day.
    later = timezone.localdate() + datetime.timedelta(days=109)
    old = version(district, 1, Status.SUPERSEDED, "Konzept 2015")
    old.decided_on = datetime.date(2015, 6, 22)
    old.save()
    new = version(district, 2, Status.ADOPTED, "Fortschreibung 2027")
    new.decided_on = later
    new.save()
    start = client.get(reverse("public:start", args=[district.slug])).content.decode()
    assert (
        "Gültig ist <strong>Konzept 2015</strong>, beschlossen vom Kreistag am 22.06.2015" in start
    )
    assert "Fortschreibung 2027" not in start and f"{later:%d.%m.%Y}" not in start
    html = public_html(client, district)
    assert "Abschnitt von Konzept 2015" in html
    assert "Fortschreibung 2027" not in html
