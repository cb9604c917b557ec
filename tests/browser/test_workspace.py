"""Issue "KI workspace I": a KI employee creates a measure with an indicator, records values in
place on the measure page (htmx) and follows the attainment on the dashboard."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def record_value(page, indicator: str, value: str, day: str) -> None:
    """Fill the indicator card's form and save it in place; asserts there was no page load."""
    card = page.locator("article.indicator-card", has_text=indicator)
    card.get_by_role("textbox", name="Wert").fill(value)
    card.get_by_label("Stichtag").fill(day)
    page.evaluate("window.kiNoReload = true")
    with page.expect_response(re.compile(r"/messwerte/$")) as response:
        card.get_by_role("button", name="Messwert speichern").click()
    assert response.value.status == 200
    assert response.value.request.headers.get("hx-request") == "true"
    expect(page.locator("#messwert-status")).to_have_text("Messwert gespeichert.")
    assert page.evaluate("window.kiNoReload") is True  # the card changed, the page stayed


def test_measure_indicator_values_and_dashboard(page, live_server, district, ki_staff):
    log_in(page, live_server, ki_staff)
    page.get_by_role("link", name=district.name).first.click()
    nav = page.get_by_role("navigation", name="Bereiche des Kreises")
    nav.get_by_role("link", name="Maßnahmen").click()
    page.get_by_role("link", name="Neue Maßnahme").click()

    # The measure form.
    page.get_by_label("Titel").fill("Sprachpaten für Neuzugewanderte")
    page.get_by_role("combobox", name="Schwerpunkt").select_option(
        label="Integration durch Bildung"
    )
    page.get_by_label("Status").select_option(label="laufend")
    page.get_by_label("Beginn").fill("2025-09-01")
    page.get_by_label("Ziel", exact=True).fill(
        "Neuzugewanderte finden schneller in Kita und Schule."
    )
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sprachpaten für Neuzugewanderte")
    expect(page.get_by_role("status").first).to_contain_text("gespeichert")
    expect(page.get_by_text("ab 01.09.2025, unbefristet")).to_be_visible()

    # An indicator from 100 to 200.
    page.get_by_role("link", name="Kennzahl hinzufügen").click()
    page.get_by_label("Name").fill("Vermittelte Patenschaften")
    page.get_by_label("Einheit").fill("Patenschaften")
    page.get_by_label("Ausgangswert", exact=True).fill("100")
    page.get_by_label("Zielwert", exact=True).fill("200")
    page.get_by_role("button", name="Speichern").click()
    card = page.locator("article.indicator-card", has_text="Vermittelte Patenschaften")
    expect(card).to_contain_text("noch kein Wert")

    # A first value, in place and with a German decimal comma: 20,5 % of the way.
    record_value(page, "Vermittelte Patenschaften", "120,5", "2025-12-31")
    expect(card.locator("dt:text-is('Letzter Wert (kreisweit)') + dd")).to_contain_text("120,5")
    attainment = card.locator("dt:text-is('Zielerreichung') + dd")
    expect(attainment).to_have_text("20,5 %")
    expect(card.locator("svg.trend-chart")).to_be_visible()
    shot(page, "workspace-measure")

    # The dashboard lists it behind target.
    nav.get_by_role("link", name="Übersicht").click()
    behind = page.get_by_role("region", name="Kennzahlen hinter dem Ziel")
    row = behind.get_by_role("row", name=re.compile("Vermittelte Patenschaften"))
    expect(row).to_contain_text("Sprachpaten für Neuzugewanderte")
    expect(row).to_contain_text("120,5 Patenschaften")
    expect(row).to_contain_text("200 Patenschaften")
    expect(row).to_contain_text("20,5 %")
    shot(page, "workspace-dashboard-behind")
    assert axe_violations(page) == []

    # 150 is half the way: no longer behind (the card lists what is below 50 %).
    behind.get_by_role("link", name="Sprachpaten für Neuzugewanderte").click()
    record_value(page, "Vermittelte Patenschaften", "150", "2026-06-30")
    expect(attainment).to_have_text("50 %")
    # After saving, the card opens its table of values.
    expect(card.get_by_role("row")).to_have_count(3)  # header + 2 values
    expect(card.get_by_role("row", name=re.compile("30.06.2026 kreisweit 150"))).to_be_visible()

    nav.get_by_role("link", name="Übersicht").click()
    expect(behind).to_contain_text("Keine Kennzahl liegt hinter dem Ziel.")
    expect(behind.get_by_role("row")).to_have_count(0)
    shot(page, "workspace-dashboard-on-track")


def test_invalid_value_stays_in_the_card(page, live_server, district, ki_staff):
    """A wrong value is answered in place, next to the field, and nothing is saved."""
    from tests import factories

    measure = factories.MeasureFactory(district=district, title="Elterncafé")
    factories.IndicatorFactory(measure=measure, name="Besuche")
    log_in(page, live_server, ki_staff, next_path=f"/{district.slug}/massnahmen/{measure.pk}/")
    card = page.locator("article.indicator-card", has_text="Besuche")
    card.get_by_role("textbox", name="Wert").fill("viele")
    page.evaluate("window.kiNoReload = true")
    card.get_by_role("button", name="Messwert speichern").click()
    expect(card.get_by_role("alert")).to_contain_text("nicht gespeichert")
    expect(card.get_by_role("textbox", name="Wert")).to_have_attribute("aria-invalid", "true")
    assert page.evaluate("window.kiNoReload") is True
    expect(card).to_contain_text("noch kein Wert")
    assert axe_violations(page) == []
