"""Issue "KI workspace II": edit the concept in the browser, have the KI-Leitung record the
Kreistag's decision, write a Fortschreibung, change a measure and compare the two versions –
the adopted version keeps the measure as it was decided."""

import datetime

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def edit_section(page, title: str, body: str) -> None:
    page.get_by_role("link", name=f"„{title}“ bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Abschnitt bearbeiten")
    page.get_by_label("Text").fill(body)
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status").first).to_have_text("Abschnitt gespeichert.")


def test_adopt_continue_change_and_compare(browser, page, live_server, district, ki_staff, ki_lead):
    version = factories.ConceptVersionFactory(
        concept=district.concept, number=1, title="Integrationskonzept 2025"
    )
    factories.ConceptSectionFactory(
        version=version, order=1, title="Ausgangslage", body="Im Kreis leben 30.000 Zugewanderte."
    )
    factories.ConceptSectionFactory(version=version, order=2, title="Leitbild", body="Teilhabe.")
    measure = factories.MeasureFactory(district=district, title="Rucksack KiTa")
    measure.concept_versions.add(version)
    factories.IndicatorFactory(measure=measure, name="Teilnehmende Familien")
    factories.CommitteeFactory(district=district, name="Kreistag", kind="kreistag")

    # The KI employee works on the draft.
    log_in(page, live_server, ki_staff)
    page.get_by_role("link", name=district.name).first.click()
    page.get_by_role("navigation", name="Bereiche des Kreises").get_by_role(
        "link", name="Konzept"
    ).click()
    page.get_by_role("link", name="Integrationskonzept 2025").click()
    edit_section(page, "Ausgangslage", "Im Kreis leben **32.000** Zugewanderte.")
    expect(page.locator("#abschnitt-" + str(version.sections.get(order=1).pk))).to_contain_text(
        "Im Kreis leben 32.000 Zugewanderte."
    )
    expect(page.locator(".concept-text strong").first).to_have_text("32.000")  # Markdown
    # Leitung only
    expect(page.get_by_role("link", name="Früheren Beschluss nachtragen")).to_have_count(0)
    version_url = page.url

    # The KI-Leitung records the Kreistag's decision of 2025, taken before the product was used
    # (issue 14: a decision without a paper is its own action, marked as such).
    lead_context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    lead = lead_context.new_page()
    log_in(lead, live_server, ki_lead, next_path=version_url.removeprefix(live_server.url))
    lead.get_by_role("link", name="Früheren Beschluss nachtragen").click()
    lead.get_by_label("Beschluss des Kreistags am").fill("2025-03-20")
    lead.get_by_label("Nachweis / Anmerkung").fill("Niederschrift der Sitzung, TOP 5")
    lead.get_by_role("button", name="Beschluss nachtragen").click()
    expect(lead.get_by_role("status").first).to_contain_text(
        "Beschluss vom 20.03.2025 nachträglich erfasst"
    )
    expect(lead.get_by_text("Beschluss nachträglich erfasst, ohne Vorlage")).to_be_visible()
    expect(lead.get_by_text("beschlossen", exact=True)).to_be_visible()
    lead_context.close()

    # Back with the employee: the adopted version is frozen; a Fortschreibung starts.
    page.reload()
    expect(page.get_by_role("link", name="„Ausgangslage“ bearbeiten")).to_have_count(0)
    expect(page.get_by_label("Titel der Fortschreibung")).to_have_value(
        "Fortschreibung Integrationskonzept 2025"
    )
    page.get_by_label("Titel der Fortschreibung").fill("Integrationskonzept 2027")
    page.get_by_role("button", name="Fortschreibung anlegen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "Fortschreibung „Integrationskonzept 2027“ als Entwurf angelegt."
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Integrationskonzept 2027")
    draft_url = page.url
    edit_section(
        page, "Ausgangslage", "Im Kreis leben **35.000** Zugewanderte, viele aus der Ukraine."
    )

    # The measure both versions include changes (its own edit form).
    page.get_by_role("navigation", name="Bereiche des Kreises").get_by_role(
        "link", name="Maßnahmen"
    ).click()
    page.get_by_role("link", name="Rucksack KiTa").click()
    page.get_by_role("link", name="Bearbeiten", exact=True).click()
    page.get_by_label("Titel").fill("Rucksack KiTa und Grundschule")
    page.get_by_label("Ziel", exact=True).fill("Eltern begleiten die Sprachbildung ihrer Kinder.")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rucksack KiTa und Grundschule")

    # Compare the two versions.
    page.get_by_role("navigation", name="Bereiche des Kreises").get_by_role(
        "link", name="Konzept"
    ).click()
    compare = page.get_by_role("region", name="Zwei Fassungen vergleichen")
    compare.get_by_label("ältere Fassung").select_option(
        label="Integrationskonzept 2025 (beschlossen)"
    )
    compare.get_by_label("neuere Fassung").select_option(label="Integrationskonzept 2027 (Entwurf)")
    compare.get_by_role("button", name="Vergleichen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fassungen vergleichen")

    expect(page.get_by_role("heading", name="Geändert (1)")).to_be_visible()
    changed = page.get_by_role("table", name="Rucksack KiTa und Grundschule")
    title_row = changed.get_by_role("row", name="Titel")
    expect(title_row.locator("del")).to_have_text("Rucksack KiTa")
    expect(title_row.locator("ins")).to_have_text("Rucksack KiTa und Grundschule")
    expect(changed.get_by_role("row", name="Ziel").locator("ins")).to_have_text(
        "Eltern begleiten die Sprachbildung ihrer Kinder."
    )
    section = page.get_by_role("table", name="Ausgangslage – geändert")
    expect(section.locator("del")).to_contain_text(["**32.000**"])
    expect(section.locator("ins")).to_contain_text(["**35.000**"])
    expect(page.get_by_role("table", name="Leitbild – gleich")).to_be_visible()
    shot(page, "concept-diff")
    assert axe_violations(page) == []

    # The adopted version still shows the measure as decided; the draft shows it as it is now.
    page.goto(version_url)
    adopted = page.get_by_role("region", name="Maßnahmen (1)")
    expect(adopted.get_by_role("heading", level=3)).to_have_text("Rucksack KiTa")
    expect(page.get_by_role("note")).to_contain_text("wie der Kreistag sie am 20.03.2025")
    expect(page.get_by_text("Im Kreis leben 32.000 Zugewanderte.")).to_be_visible()
    shot(page, "concept-adopted")
    page.goto(draft_url)
    draft = page.get_by_role("region", name="Maßnahmen (1)")
    expect(draft.get_by_role("heading", level=3)).to_have_text("Rucksack KiTa und Grundschule")
    shot(page, "concept-draft")

    version.refresh_from_db()
    assert version.decided_on == datetime.date(2025, 3, 20)
    assert version.adopted_snapshot["measures"][0]["title"] == "Rucksack KiTa"
