"""The public pages pass axe-core (WCAG 2.1 AA), as the workspace does (issue 5)."""

import datetime

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from concepts.models import ConceptVersion
from tests import factories
from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


@pytest.fixture
def published(district, municipality):
    field = factories.FieldOfActionFactory(district=district, name="Sprache und Bildung")
    group = factories.TargetGroupFactory(district=district, name="Neuzugewanderte Familien")
    actor = factories.ActorFactory(
        district=district,
        name="Familienzentrum Beispielstadt",
        municipality=municipality,
        description="Beratung und Treffpunkt für Familien.",
        website="https://familienzentrum.example.org/",
        is_published=True,
    )
    actor.fields_of_action.add(field)
    actor.target_groups.add(group)
    offer = factories.OfferFactory(actor=actor, title="Sprachcafé", is_published=True)
    offer.municipalities.add(municipality)
    factories.ContactPersonFactory(actor=actor, name="Erika Muster", consents_to_publication=True)
    version = factories.ConceptVersionFactory(
        concept=district.concept,
        title="Integrationskonzept 2024",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2024, 3, 1),
    )
    factories.ConceptSectionFactory(version=version, title="Ausgangslage")
    return actor


def test_public_pages_pass_axe(page, live_server, district, published):
    base = live_server.url
    page.goto(base + reverse("public:start", args=[district.slug]))
    assert page.get_attribute("html", "lang") == "de"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Zum Verzeichnis der Akteure und Angebote").click()
    page.get_by_label("Suchbegriff").fill("sprachcafe")
    page.get_by_role("button", name="Suchen").click()
    # expect() waits for the new page; page.content() read mid-navigation returns ''.
    expect(page.get_by_text("Keine Akteure gefunden")).to_be_visible()  # é is kept apart from e
    page.get_by_label("Suchbegriff").fill("SPRACHCAFÉ")
    page.get_by_role("button", name="Suchen").click()
    expect(page.get_by_role("heading", level=3).first).to_have_text(published.name)
    assert axe_violations(page) == []
    page.screenshot(path="/tmp/ki-public-directory.png", full_page=True)

    page.get_by_role("link", name=published.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(published.name)
    expect(page.get_by_text("Erika Muster").first).to_be_visible()
    assert axe_violations(page) == []


def test_accessibility_statement_with_form_error_passes_axe(page, live_server, district):
    page.goto(live_server.url + reverse("public:accessibility", args=[district.slug]))
    page.get_by_label("Ihre E-Mail-Adresse (freiwillig, für eine Antwort)").fill("keine-adresse")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_text("Bitte schreiben Sie uns eine Nachricht.").first).to_be_visible()
    assert page.get_by_role("alert").count() >= 1
    assert axe_violations(page) == []
    page.screenshot(path="/tmp/ki-public-barrierefreiheit.png", full_page=True)

    page.get_by_label("Ihre Nachricht").fill("Die Tabelle ist mit dem Screenreader schwer lesbar.")
    page.get_by_label("Ihre E-Mail-Adresse (freiwillig, für eine Antwort)").fill("")
    page.get_by_role("button", name="Nachricht senden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Nachricht")
    assert axe_violations(page) == []
