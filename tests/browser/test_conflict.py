"""Issue 14 "Conflicts without loss", what it must show (5): two people edit one measure in
two browsers; the second save is refused with the differing fields marked (stored value beside
the kept input), cannot overwrite without a choice per field, and after choosing both changes
are kept as chosen."""

import re
import shutil

import pytest
from playwright.sync_api import expect

from measures.models import Measure
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

SCREENSHOT = "/tmp/ki-conflict.png"


def named(user, first, last):
    user.first_name, user.last_name = first, last
    user.save()
    return user


def test_two_people_edit_one_measure_and_nothing_is_lost(
    browser, page, live_server, district, ki_lead, ki_staff
):
    anna = named(ki_lead, "Anna", "Adler")
    ben = named(ki_staff, "Ben", "Berg")
    measure = factories.MeasureFactory(
        district=district,
        title="Sprachcafé",
        goal="Neuzugewanderte üben Deutsch im Alltag.",
        effect="Mehr Teilnahme an Kursen.",
    )
    edit = f"/{district.slug}/massnahmen/{measure.pk}/bearbeiten/"

    # Anna in this browser, Ben in a second one; both open the measure's edit page.
    log_in(page, live_server, anna, next_path=edit)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Maßnahme bearbeiten")
    other = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    bens = other.new_page()
    try:
        log_in(bens, live_server, ben, next_path=edit)
        expect(bens.get_by_role("heading", level=1)).to_contain_text("Maßnahme bearbeiten")

        # Anna saves first: a new title and goal.
        page.get_by_label("Titel").fill("Sprachcafé Nord")
        page.get_by_label("Ziel", exact=True).fill("Ziel von Anna")
        page.get_by_role("button", name="Speichern").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Sprachcafé Nord")

        # Ben saves his goal and effect on the page he opened before: refused.
        bens.get_by_label("Ziel", exact=True).fill("Ziel von Ben")
        bens.get_by_label("Wirkung", exact=True).fill("Wirkung von Ben")
        bens.get_by_role("button", name="Speichern").click()
        panel = bens.get_by_role("region", name="Inzwischen gespeicherte Fassung")
        expect(panel).to_contain_text("Bei 3 Feldern weicht der gespeicherte Wert")
        expect(bens.get_by_label("Ziel", exact=True)).to_have_value("Ziel von Ben")
        expect(bens.get_by_label("Wirkung", exact=True)).to_have_value("Wirkung von Ben")
        expect(bens.get_by_label("Titel")).to_have_value("Sprachcafé")
        notes = bens.locator(".ki-conflict")
        expect(notes).to_have_count(3)
        title_note = notes.filter(has_text="„Titel“")
        expect(title_note).to_contain_text("Geändert von Anna Adler am")
        expect(title_note).to_contain_text("Gespeicherter Wert: Sprachcafé Nord")
        goal_note = notes.filter(has_text="„Ziel“")
        expect(goal_note).to_contain_text("Gespeicherter Wert: Ziel von Anna")
        # The field's own description names the stored value too (screen readers).
        expect(bens.get_by_label("Ziel", exact=True)).to_have_accessible_description(
            re.compile("Gespeicherter Wert: Ziel von Anna")
        )
        for label in ("meine Eingabe behalten", "gespeicherten Wert übernehmen"):
            for radio in bens.get_by_label(label).all():
                expect(radio).not_to_be_checked()  # no default

        # "Speichern" again without choosing: refused next to each field, nothing written.
        bens.get_by_role("button", name="Speichern").click()
        expect(bens.get_by_text("Nicht gespeichert: Bei einem markierten Feld")).to_be_visible()
        expect(bens.locator(".invalid-feedback", has_text="Bitte wählen Sie")).to_have_count(3)
        measure.refresh_from_db()
        assert (measure.title, measure.goal) == ("Sprachcafé Nord", "Ziel von Anna")
        assert axe_violations(bens) == []
        bens.get_by_role("group", name=re.compile("„Titel“")).scroll_into_view_if_needed()
        shot(bens, "conflict")
        shutil.copy("/tmp/ki-shots/conflict.png", SCREENSHOT)

        # Ben takes Anna's title and keeps his goal and effect.
        bens.get_by_role("group", name=re.compile("„Titel“")).get_by_label(
            "gespeicherten Wert übernehmen"
        ).check()
        bens.get_by_role("group", name=re.compile("„Ziel“")).get_by_label(
            "meine Eingabe behalten"
        ).check()
        bens.get_by_role("group", name=re.compile("„Wirkung“")).get_by_label(
            "meine Eingabe behalten"
        ).check()
        bens.get_by_role("button", name="Speichern").click()
        expect(bens.get_by_role("heading", level=1)).to_have_text("Sprachcafé Nord")
        expect(bens.get_by_role("status").first).to_contain_text("gespeichert")

        # The history shows Ben's whole goal against Anna's, the change marked.
        bens.get_by_role("link", name="Verlauf").click()
        newest = bens.get_by_role("row").nth(1)
        expect(newest).to_contain_text("Ben Berg")
        expect(newest.locator("del", has_text=re.compile("^entfernt: Anna$"))).to_have_count(1)
        expect(newest.locator("ins", has_text=re.compile("^eingefügt: Ben$"))).to_have_count(1)
        assert axe_violations(bens) == []
        shot(bens, "conflict-history")
    finally:
        other.close()

    measure = Measure.objects.get(pk=measure.pk)
    assert measure.title == "Sprachcafé Nord"  # Anna's, as Ben chose
    assert measure.goal == "Ziel von Ben"  # Ben's, as he chose
    assert measure.effect == "Wirkung von Ben"
    assert measure.history.count() == 3  # created, Anna, Ben – no refused save in between
