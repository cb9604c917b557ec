"""Issue 19, point 3, as people would do it: a member of the case-management team (KI-Mitarbeit)
records a quarter's case figures for three municipalities in the grid, reports a Strukturbedarf,
works it through the Projektgruppe to a proposal and has it decided at a past meeting of the
KIM-Lenkungsgruppe; the Sachbericht KIM, page and tagged PDF, shows both – the small count as
"< 5"."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.rights import Role
from actors.models import Committee
from tests import factories
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

TOPICS = ("Aufenthalt", "Sprache", "Arbeit", "Wohnen", "Schule/Kita", "Gesundheit", "Leistungen")
# (opened, active, closed, counts by topic in the order above); Olfen's 3 new cases are small.
FIGURES = {
    "Dülmen": (12, 40, 7, (9, 8, 7, 6, 5, 0, 5)),
    "Olfen": (3, 17, 6, (6, 5, 0, 0, 0, 0, 6)),
    "Senden": (9, 25, 8, (5, 5, 5, 5, 5, 0, 5)),
}
TITLE = "Beschäftigungserlaubnis dauert länger als das Jobangebot gilt"
PROPOSAL = "Vorabzustimmung der Agentur binnen einer Woche; feste Ansprechperson im Jobcenter."
DECISION = "Die Lenkungsgruppe beschließt das Verfahren zur Vorabzustimmung ab sofort."


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_figures_and_a_decided_finding_reach_the_sachbericht(page, live_server, district):
    # --- set up (factories, not the UI) ---------------------------------------------------
    for name in (*FIGURES, "Nottuln"):  # Nottuln reports nothing this quarter
        factories.MunicipalityFactory(district=district, name=name)
    staff = factories.MembershipFactory(
        district=district, role=Role.STAFF, user__username="casemanagement"
    ).user
    steering = factories.CommitteeFactory(
        district=district, name="KIM-Lenkungsgruppe", kind=Committee.Kind.KIM_STEERING
    )
    factories.CommitteeFactory(
        district=district, name="Projektgruppe Arbeit und Aufenthalt", kind="projektgruppe"
    )
    now = timezone.now()
    start = now - datetime.timedelta(days=3)
    if timezone.localdate(start).year != timezone.localdate().year:  # early January
        start = now - datetime.timedelta(minutes=5)
    meeting = factories.MeetingFactory(committee=steering, start=start)
    meeting_label = f"KIM-Lenkungsgruppe am {timezone.localtime(start):%d.%m.%Y}"
    assert str(meeting) == meeting_label
    today = timezone.localdate()
    year, quarter = today.year, (today.month - 1) // 3 + 1

    # --- the case figures of the running quarter, through the grid ------------------------
    log_in(page, live_server, staff, f"/{district.slug}/")
    page.get_by_role("navigation", name="Bereiche des Kreises").get_by_role(
        "link", name="KIM", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kommunales Integrationsmanagement (KIM)"
    )
    page.get_by_role("link", name="Fallzahlen des Case Managements").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Fallzahlen des Case Managements {year}"
    )
    # The quarter is in a visually hidden part of the link's name ("Zahlen eintragen: …").
    page.get_by_role(
        "link", name=re.compile(rf"^Zahlen eintragen\s*: {quarter}\. Quartal {year}$")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Fallzahlen {quarter}. Quartal {year} eintragen"
    )
    # Dülmen's row by keyboard, cell after cell with Tab, as one types figures off a list;
    # after the row the focus is in the next municipality's first cell.
    opened, active, closed, topics = FIGURES["Dülmen"]
    page.get_by_label("Dülmen: neu aufgenommen", exact=True).focus()
    for value in (opened, active, closed, *topics):
        page.keyboard.type(str(value))
        page.keyboard.press("Tab")
    expect(page.get_by_label("Nottuln: neu aufgenommen", exact=True)).to_be_focused()
    for town, (opened, active, closed, topics) in FIGURES.items():
        if town == "Dülmen":
            continue
        page.get_by_label(f"{town}: neu aufgenommen", exact=True).fill(str(opened))
        page.get_by_label(f"{town}: aktiv betreut", exact=True).fill(str(active))
        page.get_by_label(f"{town}: abgeschlossen", exact=True).fill(str(closed))
        for topic, count in zip(TOPICS, topics, strict=True):
            page.get_by_label(f"{town}: {topic}", exact=True).fill(str(count))
    expect(page.get_by_label("Dülmen: Leistungen", exact=True)).to_have_value("5")
    shot(page, "kim-grid")
    page.get_by_role("button", name="Fallzahlen speichern").click()
    expect(
        page.get_by_text(f"Fallzahlen für das {quarter}. Quartal {year} gespeichert.")
    ).to_be_visible()
    section = page.get_by_role("region", name=f"{quarter}. Quartal {year}").first
    for town, (opened, active, closed, _topics) in FIGURES.items():
        row = section.get_by_role("row").filter(has_text=town)
        # The KI sees its own figures exactly, the small one too.
        expect(row.get_by_role("cell")).to_have_text(
            [str(opened), str(active), str(closed), *(str(c) for c in FIGURES[town][3])]
        )
    expect(section.get_by_role("row").filter(has_text="Nottuln")).to_have_count(0)

    # --- a Strukturbedarf, reported and worked step by step --------------------------------
    page.get_by_role("link", name="KIM", exact=True).first.click()
    page.get_by_role("link", name="Strukturbedarfe").click()
    page.get_by_role("link", name="Strukturbedarf melden").click()
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Beschreibung").fill(
        "Arbeitgeber ziehen Angebote zurück, weil die Zustimmung der Agentur fehlt."
    )
    page.get_by_label("Ausländerbehörde").check()
    page.get_by_label("Jobcenter (SGB II)").check()
    page.get_by_label("Agentur für Arbeit (SGB III)").check()
    page.get_by_label("Kommune").select_option(label="Dülmen")
    page.get_by_label("gemeldet von (Team)").fill("Case Management Dülmen")
    page.get_by_label("gemeldet am").fill(timezone.localdate(start).isoformat())
    expect(page.get_by_label("Stand")).to_have_value("gemeldet")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Strukturbedarf gespeichert.")).to_be_visible()
    board = page.get_by_role("region", name=re.compile(r"^gemeldet"))
    board.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    def edit(**choices):
        page.get_by_role("link", name="Bearbeiten", exact=True).click()
        for label, value in choices.items():
            page.get_by_label(label).select_option(label=value)

    edit(Stand="in der Projektgruppe", Projektgruppe="Projektgruppe Arbeit und Aufenthalt")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Strukturbedarf gespeichert.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("in der Projektgruppe")

    edit(Stand="Lösung vorgeschlagen")
    page.get_by_label("Lösungsvorschlag").fill(PROPOSAL)
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Strukturbedarf gespeichert.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(PROPOSAL)

    # "beschlossen" without the meeting: refused, the German message next to the field.
    edit(Stand="beschlossen")
    page.get_by_label("Beschluss der Lenkungsgruppe").fill(DECISION)
    page.get_by_role("button", name="Speichern").click()
    meeting_field = page.get_by_label("Sitzung der Lenkungsgruppe")
    expect(meeting_field).to_have_attribute("aria-invalid", "true")
    expect(meeting_field).to_have_accessible_description(
        re.compile("Bitte wählen Sie die Sitzung, in der beschlossen wurde.")
    )
    expect(page.get_by_text("Strukturbedarf gespeichert.")).to_have_count(0)
    # Now with the meeting that took place; the rest of the input is still there.
    expect(page.get_by_label("Beschluss der Lenkungsgruppe")).to_have_value(DECISION)
    meeting_field.select_option(label=meeting_label)
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Strukturbedarf gespeichert.")).to_be_visible()
    main = page.get_by_role("main")
    expect(main.locator(".badge").first).to_have_text("beschlossen")
    expect(main).to_contain_text(DECISION)
    expect(main.get_by_role("link", name=meeting_label)).to_be_visible()
    shot(page, "kim-finding-detail")

    # --- the Sachbericht KIM shows both ---------------------------------------------------
    page.get_by_role("link", name="KIM", exact=True).first.click()
    page.get_by_role("link", name="Sachbericht KIM").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Sachbericht Kommunales Integrationsmanagement {year}"
    )
    # The town is the row's header; its cells are the four quarters.
    opened_table = page.get_by_role("table", name="Neu aufgenommene Fälle je Quartal")
    expect(
        opened_table.get_by_role("row")
        .filter(has_text="Olfen")
        .get_by_role("cell")
        .nth(quarter - 1)
    ).to_have_text("< 5")
    active_table = page.get_by_role("table", name="Aktiv betreute Fälle je Quartal")
    for town, (_opened, active, _closed, _topics) in FIGURES.items():
        cells = active_table.get_by_role("row").filter(has_text=town).get_by_role("cell")
        expect(cells.nth(quarter - 1)).to_have_text(str(active))
    expect(active_table.get_by_role("row").filter(has_text="Nottuln")).to_have_count(0)
    report = page.get_by_role("region", name=re.compile("Strukturbedarfe und Beschlüsse"))
    expect(report.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(report).to_contain_text(f"Beschluss ({meeting_label}): {DECISION}")
    shot(page, "kim-sachbericht")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF herunterladen").click()
    download = download_info.value
    assert download.suggested_filename == f"Sachbericht-KIM-{year}-{district.slug}.pdf"

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(download.path().read_bytes()))
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    pdf_text = squash(" ".join(p.extract_text() for p in reader.pages))
    for town in FIGURES:
        assert town in pdf_text
    assert "Nottuln" not in pdf_text
    assert "< 5" in pdf_text
    assert TITLE in pdf_text
    assert DECISION in pdf_text
    assert meeting_label in pdf_text
