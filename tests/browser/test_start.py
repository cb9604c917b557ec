"""A KI employee opens the start page, logs in and reaches the District's page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def test_login_to_district_page_is_accessible(page, live_server, ki_staff, district):
    page.goto(live_server.url + "/")
    assert page.get_attribute("html", "lang") == "de"
    assert axe_violations(page) == []

    page.get_by_label("Benutzername").fill(ki_staff.username)
    page.get_by_label("Passwort").fill("geheim-und-lang-genug")
    page.get_by_role("button", name="Anmelden").click()

    page.get_by_role("link", name=district.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(district.name)
    assert axe_violations(page) == []
    page.screenshot(path="/tmp/ki-district-home.png", full_page=True)


def test_wrong_password_says_so_in_german(page, live_server, ki_staff):
    page.goto(live_server.url + "/konto/anmelden/")
    page.get_by_label("Benutzername").fill(ki_staff.username)
    page.get_by_label("Passwort").fill("falsch")
    page.get_by_role("button", name="Anmelden").click()
    assert "Groß-/Kleinschreibung" in page.get_by_role("alert").inner_text()
