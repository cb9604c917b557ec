"""Recording results in the order of the Beratungsfolge and a historic decision, as the
KI-Leitung does it in the browser (issue 14); the pages with their errors are axe-clean."""

import pytest
from playwright.sync_api import expect

from concepts.models import ConceptVersion
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def test_the_kreistag_step_waits_for_its_vorberatungen(page, live_server, district, ki_lead):
    version = factories.ConceptVersionFactory(
        concept=district.concept, status=ConceptVersion.Status.IN_DELIBERATION
    )
    paper = factories.released_paper(district, concept_version=version)
    deciding = paper.consultations.get(authoritative=True)
    log_in(page, live_server, ki_lead)
    page.goto(f"{live_server.url}/{district.slug}/vorlagen/{paper.pk}/")
    page.get_by_role(
        "link", name=f"Ergebnis erfassen für {deciding.meeting.committee.name}"
    ).click()
    page.locator("#id_result").select_option("einstimmig")
    page.get_by_role("button", name="Ergebnis speichern").click()
    expect(page.get_by_text("Die Beratungsfolge ist nicht eingehalten")).to_be_visible()
    shot(page, "decisions-order-refused")
    found = {}
    if violations := axe_violations(page):
        found["result form"] = violations

    page.get_by_label("ohne Vorberatung entschieden").check()
    page.get_by_label("Grund für die Entscheidung ohne Vorberatung").fill("Dringlichkeit")
    page.get_by_role("button", name="Ergebnis speichern").click()
    expect(page.get_by_text("ist jetzt beschlossen")).to_be_visible()
    expect(page.get_by_text("ohne Vorberatung", exact=True)).to_be_visible()
    shot(page, "decisions-without-preliminary")

    page.goto(f"{live_server.url}/{district.slug}/vorlagen/{paper.pk}/")
    page.get_by_role(
        "link", name=f"Ergebnis berichtigen für {deciding.meeting.committee.name}"
    ).click()
    page.locator("#id_result").select_option("abgelehnt")
    page.get_by_label("Grund der Berichtigung").fill("Laut Niederschrift abgelehnt")
    page.get_by_role("button", name="Berichtigung speichern").click()
    expect(page.get_by_role("heading", name="Verlauf der Ergebnisse")).to_be_visible()
    shot(page, "decisions-corrected")
    if violations := axe_violations(page):
        found["paper with history"] = violations
    version.refresh_from_db()
    assert version.status == ConceptVersion.Status.IN_DELIBERATION
    assert found == {}


def test_a_historic_decision_form_with_errors(page, live_server, district, ki_lead):
    factories.CommitteeFactory(district=district, name="Kreistag", kind="kreistag")
    version = factories.ConceptVersionFactory(concept=district.concept)
    log_in(page, live_server, ki_lead)
    page.goto(f"{live_server.url}/{district.slug}/konzept/{version.pk}/")
    page.get_by_role("link", name="Früheren Beschluss nachtragen").click()
    page.get_by_label("Beschluss des Kreistags am").fill("2099-01-01")
    page.get_by_role("button", name="Beschluss nachtragen").click()
    expect(page.get_by_text("Dieses Feld ist zwingend erforderlich.")).to_be_visible()
    shot(page, "decisions-historic-errors")
    assert axe_violations(page) == []
    page.get_by_label("Nachweis / Anmerkung").fill("Niederschrift TOP 7")
    page.get_by_role("button", name="Beschluss nachtragen").click()
    expect(page.get_by_text("liegt in der Zukunft")).to_be_visible()
    page.get_by_label("Beschluss des Kreistags am").fill("2015-06-22")
    page.get_by_role("button", name="Beschluss nachtragen").click()
    expect(page.get_by_text("Beschluss nachträglich erfasst, ohne Vorlage")).to_be_visible()
    shot(page, "decisions-historic-recorded")
    assert axe_violations(page) == []
