"""Issue 20 as people would use it: the KI (KI-Mitarbeit) edits a meeting's Tagesordnung by
keyboard, a Kreistag member reads the meeting with its nichtöffentlicher Teil and downloads the
Sitzungsmappe, and an anonymous visitor sees the öffentlicher Teil only."""

import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from documents.renderers import renderer_for
from papers import agenda
from papers.renderers import PAPER_PDF
from tests import factories
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

COMMITTEE = "Sozialausschuss"
FIRST = ("50/010/2026", "Integrationskonzept – Fortschreibung")
SECOND = ("50/011/2026", "Sprachkurse für Eltern in den Kitas")
CLOSED_TITLE = "Personalangelegenheit: Stelle im Case Management"
FREE_TITLE = "Bericht der Verwaltung"
PROPOSAL = "Das Integrationskonzept wird in der vorgelegten Form beschlossen."


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def meeting(district):
    """A Sozialausschuss meeting with two released öffentliche papers (the first with a real
    release PDF, so the Sitzungsmappe holds its text) and a nichtöffentlicher free item."""
    first = factories.released_paper(district, steps=1, reference=FIRST[0], subject=FIRST[1])
    meeting = first.consultations.get().meeting
    meeting.location = "Kreishaus, Sitzungssaal 1"
    meeting.save()
    committee = meeting.committee
    committee.name = COMMITTEE
    committee.save()
    # Rendered after the renaming, so that its Beratungsfolge names the Sozialausschuss.
    release = first.releases.get()
    release.pdf = renderer_for(PAPER_PDF).render(first, release=release)[2]
    release.save()

    # The second paper went to a meeting of its own; its Beratung moves to this one. Its
    # release keeps the factory's stand-in bytes: the folder names it without merging it.
    second = factories.released_paper(district, steps=1, reference=SECOND[0], subject=SECOND[1])
    second.consultations.update(meeting=meeting)

    agenda.add_free_item(meeting, title=CLOSED_TITLE, is_public=False)
    return SimpleNamespace(meeting=meeting, committee=committee, district=district)


def expect_agenda(page, part: str, items: list[tuple[str, str]]) -> None:
    """One part ("Öffentlicher Teil" / "Nichtöffentlicher Teil") lists exactly ``items``
    (TOP number, title) in this order; waits like every ``expect``."""
    body = page.get_by_role("table", name=part, exact=True).locator("tbody")
    expect(body.get_by_role("rowheader")).to_have_text([number for number, _ in items])
    expect(body.locator("tr > td:first-of-type")).to_have_text([title for _, title in items])


def test_staff_adds_a_free_item_by_keyboard_and_reorders_the_agenda(
    page, live_server, ki_staff, meeting
):
    district = meeting.district
    log_in(page, live_server, ki_staff, f"/{district.slug}/gremien/{meeting.committee.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(COMMITTEE)
    page.get_by_role("link", name=re.compile(r"Sitzung mit Tagesordnung$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{COMMITTEE}: Sitzung am {meeting.meeting.start:%d.%m.%Y}"
    )
    page.get_by_role("link", name="Tagesordnung bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tagesordnung bearbeiten")
    expect_agenda(page, "Öffentlicher Teil", [("Ö 1", FIRST[1]), ("Ö 2", SECOND[1])])
    expect_agenda(page, "Nichtöffentlicher Teil", [("N 1", CLOSED_TITLE)])

    # A free item by keyboard only: type the title, Tab to "öffentlich" (ticked already),
    # Tab to the button, Enter.
    title = page.get_by_label("Titel des Tagesordnungspunkts")
    title.focus()
    page.keyboard.type(FREE_TITLE)
    page.keyboard.press("Tab")
    public = page.get_by_label("Öffentlich", exact=True)
    expect(public).to_be_focused()
    expect(public).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Hinzufügen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text(
        f"Tagesordnungspunkt „{FREE_TITLE}“ hinzugefügt."
    )
    expect_agenda(
        page,
        "Öffentlicher Teil",
        [("Ö 1", FIRST[1]), ("Ö 2", SECOND[1]), ("Ö 3", FREE_TITLE)],
    )

    # The second paper moves up, before the first; the button names the item it moves.
    page.get_by_role("button", name=re.compile(rf"^nach oben\s*: Ö 2 {SECOND[1]}$")).click()
    expect(
        page.get_by_role("button", name=re.compile(rf"^nach oben\s*: Ö 1 {SECOND[1]}$"))
    ).to_be_disabled()
    shot(page, "agenda-edit")

    # The meeting page shows the new order.
    page.get_by_role("navigation", name="Brotkrumen").get_by_role(
        "link", name=re.compile(r"^Sitzung am")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(COMMITTEE)
    expect_agenda(
        page,
        "Öffentlicher Teil",
        [("Ö 1", SECOND[1]), ("Ö 2", FIRST[1]), ("Ö 3", FREE_TITLE)],
    )
    expect_agenda(page, "Nichtöffentlicher Teil", [("N 1", CLOSED_TITLE)])


def test_council_member_sees_the_closed_item_and_downloads_the_sitzungsmappe(
    page, live_server, council_member, meeting
):
    district = meeting.district
    log_in(
        page,
        live_server,
        council_member,
        f"/{district.slug}/gremien/sitzungen/{meeting.meeting.pk}/",
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text(COMMITTEE)
    expect_agenda(page, "Öffentlicher Teil", [("Ö 1", FIRST[1]), ("Ö 2", SECOND[1])])
    expect_agenda(page, "Nichtöffentlicher Teil", [("N 1", CLOSED_TITLE)])
    expect(page.get_by_role("link", name="Tagesordnung bearbeiten")).to_have_count(0)

    # The folder is served inline (Chromium would show it in its viewer); Alt+click is
    # Chromium's "save the link" and gives the download.
    with page.expect_download() as info:
        page.get_by_role("link", name="Sitzungsmappe (PDF)", exact=True).click(modifiers=["Alt"])
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF")
    text = squash(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(content)).pages))
    assert COMMITTEE in text
    assert FIRST[1] in text and SECOND[1] in text
    assert CLOSED_TITLE in text  # the member's variant holds the nichtöffentlicher Teil
    assert PROPOSAL in text  # the first paper's own PDF is in the folder


def test_anonymous_visitor_sees_only_the_public_part(page, live_server, meeting):
    district = meeting.district
    page.goto(f"{live_server.url}/oeffentlich/{district.slug}/sitzungen/{meeting.meeting.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(COMMITTEE)
    expect_agenda(page, "Öffentlicher Teil", [("Ö 1", FIRST[1]), ("Ö 2", SECOND[1])])
    expect(page.get_by_role("table", name="Nichtöffentlicher Teil", exact=True)).to_have_count(0)
    expect(page.get_by_text("Der nichtöffentliche Teil ist hier nicht aufgeführt.")).to_be_visible()
    assert CLOSED_TITLE not in page.content()
