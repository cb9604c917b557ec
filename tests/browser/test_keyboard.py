"""One journey with the keyboard alone: log in, skip the navigation, reach the catalogue, open a
measure, change it – every focused element visibly focused. No mouse click anywhere."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.helpers import PASSWORD, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName,
    id: el.id,
    text: (el.innerText || el.value || "").trim(),
    href: el.getAttribute("href") || "",
    visible: el.matches(":focus-visible"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== "none",
  };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, matches, limit: int = 60, key: str = "Tab") -> dict:
    """Press Tab (or ``key``) until ``matches(focused element)``; it must show its focus."""
    for _ in range(limit):
        page.keyboard.press(key)
        element = focused(page)
        if matches(element):
            assert element["visible"], f"Fokus nicht sichtbar: {element}"
            assert element["outline"] or element["shadow"], f"kein Fokusrahmen: {element}"
            return element
    raise AssertionError(f"nach {limit}× Tab nicht erreicht; zuletzt {focused(page)}")


def test_keyboard_only_journey(page, live_server, district, ki_staff):
    measure = factories.MeasureFactory(district=district, title="Elterncafé")
    factories.IndicatorFactory(measure=measure, name="Besuche")
    factories.MeasurementFactory(indicator=measure.indicators.get())
    page.set_default_timeout(30_000)

    # Log in: Tab to the username field, type, Tab, type, Enter.
    page.goto(live_server.url + "/konto/anmelden/")
    tab_to(page, lambda el: el["id"] == "id_username")
    page.keyboard.type(ki_staff.username)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "id_password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Ihre Kreise")).to_be_visible()

    tab_to(page, lambda el: el["tag"] == "A" and el["text"] == district.name)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(district.name)

    # The skip link comes first, shows itself when focused and moves focus to the content.
    skip = tab_to(page, lambda el: True, limit=1)
    assert skip["text"] == "Zum Inhalt springen"
    expect(page.get_by_role("link", name="Zum Inhalt springen")).to_be_in_viewport()
    shot(page, "keyboard-skip-link")
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "inhalt"

    # From the content (not through the navigation) to the running measures.
    tab_to(page, lambda el: el["tag"] == "A" and el["href"].endswith("/massnahmen/?status=laufend"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Maßnahmenkatalog")
    expect(page.get_by_text("1 Maßnahme gefunden")).to_be_visible()

    link = tab_to(page, lambda el: el["tag"] == "A" and el["text"] == "Elterncafé")
    shot(page, "keyboard-measure-link")
    assert link["href"].endswith(f"/massnahmen/{measure.pk}/")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Elterncafé")

    # Open the table of values (a <details>) with Enter.
    tab_to(page, lambda el: el["tag"] == "SUMMARY")
    page.keyboard.press("Enter")
    expect(page.get_by_role("table", name="Messwerte der Kennzahl „Besuche“")).to_be_visible()

    # Record a value in place: after the card is swapped, the focus stays on its button.
    tab_to(page, lambda el: el["tag"] == "INPUT" and el["id"].endswith("-value"))
    page.keyboard.type("7,5")
    page.keyboard.press("Tab")
    page.keyboard.type("01012026")  # 1 January: the same keys in TT.MM.JJJJ and MM/DD/YYYY
    tab_to(page, lambda el: el["text"] == "Messwert speichern")
    page.keyboard.press("Enter")
    expect(page.locator("#messwert-status")).to_have_text("Messwert gespeichert.")
    expect(page.get_by_role("row", name="01.01.2026 kreisweit 7,5")).to_be_visible()
    after = focused(page)
    assert after["text"] == "Messwert speichern" and after["visible"], after

    # Edit the measure: Enter on "Bearbeiten", change the title, Enter submits.
    # Back up with Shift+Tab to "Bearbeiten" at the top of the page.
    tab_to(page, lambda el: el["tag"] == "A" and el["text"] == "Bearbeiten", key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Maßnahme bearbeiten: Elterncafé")
    tab_to(page, lambda el: el["id"] == "id_title")
    page.keyboard.press("End")
    page.keyboard.type(" im Familienzentrum")
    shot(page, "keyboard-measure-form")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Elterncafé im Familienzentrum")
    expect(page.get_by_role("status").first).to_contain_text("gespeichert")
