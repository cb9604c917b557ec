"""Issue 13, "What it must show" 1: day one of a new Kreis, in the browser only.

A District with no members, no municipalities and no Fassung. The operator (a superuser)
invites its KI-Leitung from ``/betrieb/``; she sets her password from the invitation mail, adds
municipalities, a work period with an Arbeitsschwerpunkt in each Schwerpunkt, three
Handlungsfelder, a measure with an indicator and its values for all municipalities, the first
Fassung (pre-structured) with its Handlungsfelder and Arbeitsschwerpunkte, and a Vorlage from it;
the released Vorlage's Anlage (the concept PDF) names them all. Never through /admin/.
"""

import datetime
import io
import re

import pytest
from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader

from tests import factories
from tests.browser.helpers import PASSWORD, log_in, shot
from tests.browser.test_papers import complete_if_needed, save_paper_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

KREIS = "Kreis Probstfeld"
FIELDS = ["Sprache und Bildung", "Arbeit und Ausbildung", "Gesundheit und Teilhabe"]
PRIORITIES = [
    ("Integration durch Bildung", "Sprachkurse für Eltern ausbauen"),
    ("Integration als kommunale Querschnittsaufgabe", "Interkulturelle Öffnung der Verwaltung"),
]
MEASURE = "Sprachcafés in den Kommunen"
INDICATOR = "Teilnehmende Sprachcafés"


def area(page, name):
    """Open one of the District's areas from its navigation."""
    nav = page.get_by_role("navigation", name="Bereiche des Kreises")
    nav.get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def _submit(page, name="Speichern"):
    page.get_by_role("main").get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def test_a_new_kreis_starts_in_the_browser(browser, page, live_server):
    district = factories.DistrictFactory(name=KREIS, slug="kreis-probstfeld")
    prefix = district.ags_prefix  # the key is on the District model
    operator = factories.UserFactory(username="betrieb", is_superuser=True, is_staff=True)
    municipalities = [
        ("Probstdorf", f"{prefix}901"),
        ("Feldhausen", f"{prefix}902"),
        ("Auenbach", f"{prefix}903"),
    ]

    # 1. The operator invites the KI-Leitung from /betrieb/.
    log_in(page, live_server, operator)
    page.goto(f"{live_server.url}/betrieb/")
    page.get_by_role("link", name=KREIS).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(KREIS)
    expect(page.get_by_text("Dieser Kreis hat noch keine KI-Leitung.")).to_be_visible()
    mail.outbox.clear()
    page.get_by_label("E-Mail-Adresse").fill("leitung@probstfeld.example")
    page.get_by_label("Vorname").fill("Lea")
    page.get_by_label("Nachname").fill("Leitner")
    _submit(page, "Einladen")
    expect(page.get_by_text("eingeladen, Passwort noch nicht festgelegt")).to_be_visible()
    page.get_by_role("button", name="Abmelden").click()

    # 2. The invitee follows the link in the mail, sets her password and lands on the District.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["leitung@probstfeld.example"]
    body = mail.outbox[0].body
    username = re.search(r"Ihr Benutzername: (\S+)", body).group(1)
    link = re.search(r"https?://\S+/konto/passwort-neu/\S+", body).group(0)
    page.goto(link)
    page.get_by_label("Neues Passwort").first.fill(PASSWORD)
    page.get_by_label("Neues Passwort bestätigen").fill(PASSWORD)
    page.get_by_role("button", name="Passwort speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Passwort gespeichert")
    page.get_by_role("link", name="Zur Anmeldung").click()
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state()
    expect(page).to_have_url(f"{live_server.url}/{district.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(KREIS)
    expect(page.get_by_role("heading", name="Erste Schritte")).to_be_visible()
    shot(page, "day-one-landing")

    # 3. Municipalities.
    for name, ags in municipalities:
        area(page, "Kommunen")
        page.get_by_role("link", name="Neue Kommune").click()
        page.get_by_label("Name").fill(name)
        page.get_by_label("AGS").fill(ags)
        _submit(page)
        expect(page.get_by_role("status").first).to_contain_text(name)
    area(page, "Kommunen")
    for name, ags in municipalities:
        expect(page.get_by_role("main")).to_contain_text(name)
        expect(page.get_by_role("main")).to_contain_text(ags)
    shot(page, "day-one-municipalities")

    # 4. A work period with an Arbeitsschwerpunkt in each of the two Schwerpunkte.
    year = datetime.date.today().year
    area(page, "Arbeitsperioden")
    page.get_by_role("link", name="Neue Arbeitsperiode").click()
    page.get_by_label("Art").select_option(index=0)
    page.get_by_label("erstes Jahr").fill(str(year))
    _submit(page)
    for focus, title in PRIORITIES:
        area(page, "Arbeitsperioden")
        page.get_by_role("link", name=re.compile("Arbeitsschwerpunkt hinzufügen")).first.click()
        page.get_by_label("Schwerpunkt").select_option(label=focus)
        page.get_by_label("Titel").fill(title)
        _submit(page)
        expect(page.get_by_role("main")).to_contain_text(title)
    shot(page, "day-one-periods")

    # 5. Three Handlungsfelder.
    for name in FIELDS:
        area(page, "Handlungsfelder")
        page.get_by_role("link", name="Neues Handlungsfeld").click()
        page.get_by_label("Name").fill(name)
        _submit(page)
        expect(page.get_by_role("main")).to_contain_text(name)

    # 6. A measure with an indicator, and its values for all municipalities in one grid.
    area(page, "Maßnahmen")
    page.get_by_role("link", name="Neue Maßnahme").click()
    page.get_by_label("Titel").fill(MEASURE)
    page.get_by_role("combobox", name="Schwerpunkt").select_option(
        label="Integration durch Bildung"
    )
    page.get_by_label("Status").select_option(label="laufend")
    page.get_by_label("Beginn").fill(f"{year}-01-01")
    page.get_by_label("Ziel", exact=True).fill("In jeder Kommune trifft sich ein Sprachcafé.")
    _submit(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(MEASURE)
    page.get_by_role("link", name="Kennzahl hinzufügen").click()
    page.get_by_label("Name").fill(INDICATOR)
    page.get_by_label("Einheit").fill("Cafés")
    page.get_by_label("Ausgangswert", exact=True).fill("0")
    page.get_by_label("Zielwert", exact=True).fill("3")
    _submit(page)
    page.get_by_role("link", name=re.compile("Werte aller Kommunen erfassen")).first.click()
    # Yesterday: a value is reported for a day that has passed, whatever the time of year.
    reported_on = datetime.date.today() - datetime.timedelta(days=1)
    page.get_by_role("textbox", name=re.compile(r"^Stichtag")).fill(reported_on.isoformat())
    for name, _ags in municipalities:
        page.get_by_label(f"Wert für {name}").fill("1")
    page.get_by_role("button", name="Alle Werte speichern").click()
    expect(page.get_by_role("status").first).to_contain_text("gespeichert")
    shot(page, "day-one-grid-saved")

    # 7. The Beratungsfolge needs committees with meetings: Fachausschuss → Kreistag.
    soon = datetime.date.today() + datetime.timedelta(days=21)
    for position, (name, kind) in enumerate(
        [("Integrationsausschuss", "Fachausschuss"), ("Kreistag", "Kreistag")], start=1
    ):
        area(page, "Gremien")
        page.get_by_role("link", name="Gremium anlegen").click()
        page.get_by_label("Name").fill(name)
        page.get_by_label("Art").select_option(label=kind)
        page.get_by_label("Position in der üblichen Beratungsfolge").fill(str(position))
        _submit(page)
        page.get_by_role("link", name="Sitzung anlegen").click()
        day = soon + datetime.timedelta(days=14 * position)
        page.get_by_label("Beginn").fill(f"{day.isoformat()}T17:00")
        _submit(page)
        expect(page.get_by_role("main")).to_contain_text(day.strftime("%d.%m.%Y"))

    # 8. The first Fassung, pre-structured; its contents are the District's current ones.
    area(page, "Konzept")
    expect(page.get_by_role("heading", name="Erste Fassung anlegen")).to_be_visible()
    page.get_by_label("Titel der Fassung").fill("Integrationskonzept " + str(year))
    page.get_by_label(re.compile("den üblichen Abschnitten")).check()
    page.get_by_role("button", name="Fassung anlegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Integrationskonzept " + str(year))
    expect(page.get_by_role("heading", name="Ausgangslage")).to_be_visible()
    # Issue 16: the choice of contents is a page of its own, linked from the Fassung.
    page.get_by_role("link", name="Inhalt der Fassung auswählen").click()
    contents = page.locator("#inhalt")
    for name in FIELDS + [title for _focus, title in PRIORITIES]:
        # A new Fassung holds the District's current ones; the form shows them ticked.
        expect(contents.get_by_role("checkbox", name=name)).to_be_checked()
    contents.get_by_role("button", name="Auswahl speichern").click()
    page.wait_for_load_state()
    fields_section = page.locator("section", has=page.locator("#fields-heading"))
    for name in FIELDS:
        expect(fields_section).to_contain_text(name)
    priorities_section = page.locator("section", has=page.locator("#priorities-heading"))
    for _focus, title in PRIORITIES:
        expect(priorities_section).to_contain_text(title)
    shot(page, "day-one-version")

    # 9. The Vorlage from the Fassung, completed and released.
    page.get_by_role("button", name="Vorlage aus Konzeptfassung erstellen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("bearbeiten")
    shot(page, "day-one-paper-form")
    reference = page.get_by_label("Vorlagen-Nr.").input_value()
    save_paper_form(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Beschlussvorlage {reference}")
    complete_if_needed(page)
    # Issue 14: no release by a single click: the KI-Leitung confirms on the next page.
    page.get_by_role("link", name="Revision 1 prüfen und freigeben").click()
    page.get_by_label("Ich habe die Vorlage geprüft und gebe sie frei").check()
    page.get_by_role("button", name="Revision 1 freigeben").click()
    expect(page.get_by_role("status").first).to_contain_text("freigegeben")
    shot(page, "day-one-paper-released")

    # 10. The released Anlage, the whole concept in PDF, names them all.
    anlage = page.get_by_role("link", name="Integrationskonzept des Kreises Probstfeld – Fassung 1")
    expect(anlage).to_have_count(1)
    href = anlage.get_attribute("href")
    assert "/freigegebene-anlagen/" in href
    response = page.request.get(live_server.url + href)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    flat = " ".join(text.split())
    for name in FIELDS + [title for _focus, title in PRIORITIES]:
        assert name in flat, f"„{name}“ fehlt im Konzept-PDF"
    assert "keine Handlungsfelder zugeordnet" not in flat
    assert "keine Arbeitsschwerpunkte festgelegt" not in flat
