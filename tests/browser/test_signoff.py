"""Issue 14 (Mitzeichnung): the KI-Leitung gives a paper to the District's sign-off steps; the
Fachbereichsleitung signs it off, the Dezernat returns it with a comment, the KI-Leitung sees
the return on the paper page, asks again, and releases once both have signed."""

import shutil

import pytest
from playwright.sync_api import expect

from accounts.rights import Role
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import SHOTS, log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

COMMENT = "Unter IV. fehlen die Kosten für 2027; bitte ergänzen."


def keep(page, name: str) -> None:
    """Screenshot in /tmp/ki-shots and, for the lead's review, as /tmp/ki-signoff-<name>.png."""
    shot(page, f"signoff-{name}")
    shutil.copy(SHOTS / f"signoff-{name}.png", f"/tmp/ki-signoff-{name}.png")


def signer(district, first, last):
    return factories.MembershipFactory(
        district=district, role=Role.STAFF, user__first_name=first, user__last_name=last
    ).user


def as_user(browser, live_server, user, path):
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    other = context.new_page()
    log_in(other, live_server, user, path)
    return other


def test_a_returned_paper_goes_back_to_the_ki_and_is_released_after_both_sign(
    browser, page, live_server, district, ki_lead
):
    head = signer(district, "Fiona", "Bereich")
    deputy = signer(district, "Dora", "Dezernentin")
    factories.SignOffStepFactory(
        district=district, order=1, function="Fachbereichsleitung", user=head
    )
    factories.SignOffStepFactory(district=district, order=2, function="Dezernat", user=deputy)
    paper = factories.releasable_paper(district, subject="Fortschreibung des Integrationskonzepts")
    detail = f"/{district.slug}/vorlagen/{paper.pk}/"
    listing = f"/{district.slug}/vorlagen/"

    # The KI-Leitung's steps page reads well.
    log_in(page, live_server, ki_lead, f"/{district.slug}/vorlagen/mitzeichnung/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitzeichnung der Vorlagen")
    assert axe_violations(page) == []
    keep(page, "steps")

    # The KI-Leitung cannot release yet; she gives the paper to the Mitzeichnung.
    page.goto(live_server.url + detail)
    expect(page.get_by_role("link", name="Revision 1 prüfen und freigeben")).to_have_count(0)
    expect(
        page.get_by_text("Die Vorlage muss vor der Freigabe mitgezeichnet werden")
    ).to_be_visible()
    page.get_by_role("button", name="Zur Mitzeichnung geben").click()
    expect(page.get_by_role("status").first).to_contain_text("liegt zur Mitzeichnung vor")

    # The Fachbereichsleitung finds it in her list and signs it off.
    first = as_user(browser, live_server, head, listing)
    waiting = first.get_by_role("region", name="Zur Mitzeichnung bei Ihnen")
    waiting.get_by_role("link", name=paper.reference, exact=False).click()
    expect(first.get_by_text("Sie sind als Fachbereichsleitung an der Reihe.")).to_be_visible()
    first.get_by_role("button", name="Mitzeichnen").click()
    expect(first.get_by_role("status").first).to_contain_text(
        "als Fachbereichsleitung mitgezeichnet"
    )

    # The Dezernat returns it; the comment is required.
    second = as_user(browser, live_server, deputy, detail)
    second.get_by_role("link", name="Mit Begründung zurückgeben").click()
    second.get_by_role("button", name="Zurückgeben").click()
    expect(
        second.get_by_text("Bitte begründen Sie, warum Sie die Vorlage zurückgeben.")
    ).to_be_visible()
    assert axe_violations(second) == []
    second.get_by_label("Begründung der Rückgabe").fill(COMMENT)
    second.get_by_role("button", name="Zurückgeben").click()
    expect(second.get_by_role("status").first).to_contain_text("an die KI zurückgegeben")

    # Back with the KI-Leitung: the return, who, when and why, at the top of the paper.
    page.goto(live_server.url + detail)
    returned = page.get_by_role("alert").filter(has_text="Zurückgegeben von Dezernat")
    expect(returned).to_contain_text("Dora Dezernentin")
    expect(returned).to_contain_text(COMMENT)
    keep(page, "returned")
    assert axe_violations(page) == []

    # Asked again, both sign anew; then she confirms and releases.
    page.get_by_role("button", name="Erneut zur Mitzeichnung geben").click()
    for person in (first, second):
        person.goto(live_server.url + detail)
        person.get_by_role("button", name="Mitzeichnen").click()
        expect(person.get_by_role("status").first).to_contain_text("mitgezeichnet")
    page.goto(live_server.url + detail)
    panel = page.get_by_role("region", name="Mitzeichnung", exact=True)
    expect(panel).to_contain_text("Alle Schritte haben mitgezeichnet")
    expect(panel.get_by_role("row").filter(has_text="Dezernat")).to_contain_text("mitgezeichnet am")
    keep(page, "panel")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Revision 1 prüfen und freigeben").click()
    page.get_by_role("button", name="Revision 1 freigeben").click()
    expect(
        page.get_by_text("Bitte bestätigen Sie, dass Sie die Vorlage geprüft haben")
    ).to_be_visible()
    page.get_by_label("Ich habe die Vorlage geprüft und gebe sie frei").check()
    page.get_by_role("button", name="Revision 1 freigeben").click()
    expect(page.get_by_role("status").first).to_contain_text("(Revision 1) freigegeben")
