"""Issue 18, point 1, as people would do it: the KI opens a Beteiligung; a liaison and an
external participant (link from the e-mail, no account) comment on two paragraphs; the KI edits
one paragraph (the comment shows the earlier text) and weighs both comments; the
Abwägungstabelle PDF becomes an Anlage of the Vorlage made from the Fassung and shows both
decisions."""

import datetime
import io
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from concepts.models import ConceptVersion
from papers.models import DecisionPaper
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

BODY = (
    "Im Kreis leben viele neu zugewanderte Familien.\n\n"
    "Die Kitas brauchen Sprachförderung.\n\n"
    "Das KI berichtet jährlich."
)


def test_a_beteiligung_from_opening_to_the_anlage(
    page, browser, live_server, district, ki_lead, liaison
):
    draft = factories.ConceptVersionFactory(
        concept=district.concept,
        number=2,
        title="Integrationskonzept 2027",
        status=ConceptVersion.Status.IN_CONSULTATION,
    )
    section = factories.ConceptSectionFactory(
        version=draft, order=1, title="Ausgangslage", body=BODY
    )
    today = datetime.date.today()

    # The KI opens the Beteiligung and invites the Caritas by e-mail.
    log_in(page, live_server, ki_lead, f"/{district.slug}/konzept/{draft.pk}/")
    page.get_by_role("link", name="Beteiligung: Anmerkungen je Absatz").click()
    page.get_by_role("link", name="Beteiligung eröffnen").click()
    page.get_by_label("Titel").fill("Beteiligung zum Entwurf 2027")
    page.get_by_role("textbox", name="Ende").fill((today + datetime.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Beteiligung eröffnen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beteiligung zum Entwurf 2027")
    page.get_by_role("link", name="Externe einladen").click()
    page.get_by_label("Name").fill("Erika Muster")
    page.get_by_label("E-Mail").fill("e.muster@caritas.example")
    page.get_by_label("Organisation").fill("Caritasverband")
    page.get_by_role("button", name="Einladen und Link senden").click()
    expect(page.get_by_role("cell", name="Caritasverband")).to_be_visible()
    review_url = page.url.replace("einladungen/", "")
    invitation = next(m for m in mail.outbox if m.to == ["e.muster@caritas.example"])
    link = re.search(r"https?://\S+/beteiligung/einladung/\S+/", invitation.body).group(0)
    link = live_server.url + "/" + link.split("/", 3)[3]

    # The liaison comments on paragraph 1 for Beispielstadt.
    page.get_by_role("button", name="Abmelden").click()
    log_in(page, live_server, liaison, review_url.split(live_server.url, 1)[1])
    page.get_by_role("link", name="Anmerkung zu „Ausgangslage“, Absatz 1").click()
    page.get_by_label("Anmerkung").fill("Bitte die Zahl der Familien nennen.")
    page.get_by_role("button", name="Anmerkung abgeben").click()
    expect(
        page.get_by_text("Ihre Anmerkung zu „Ausgangslage“, Absatz 1, ist gespeichert.")
    ).to_be_visible()
    expect(page.get_by_text("Bitte die Zahl der Familien nennen.")).to_be_visible()

    # The external participant, without an account, comments on paragraph 2 by the link.
    outsider = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    external = outsider.new_page()
    external.set_default_timeout(30_000)
    external.goto(link)
    expect(external.get_by_text("Guten Tag Erika Muster")).to_be_visible()
    assert axe_violations(external) == []
    external.get_by_role("link", name="Anmerkung zu „Ausgangslage“, Absatz 2").click()
    external.get_by_label("Anmerkung").fill("Auch die Grundschulen brauchen Sprachförderung.")
    external.get_by_label("Formulierungsvorschlag").fill(
        "Kitas und Grundschulen brauchen Sprachförderung."
    )
    external.get_by_role("button", name="Anmerkung abgeben").click()
    expect(external.get_by_text("Auch die Grundschulen brauchen Sprachförderung.")).to_be_visible()
    # The participant sees their own comment, not the liaison's (the Beteiligung's setting).
    expect(external.get_by_text("Bitte die Zahl der Familien nennen.")).to_have_count(0)
    shot(external, "review-external")
    outsider.close()

    # The KI edits paragraph 2: the external comment now shows the earlier text.
    page.get_by_role("button", name="Abmelden").click()
    log_in(page, live_server, ki_lead, f"/{district.slug}/konzept/abschnitte/{section.pk}/")
    page.get_by_label("Text").fill(BODY.replace("Die Kitas", "Kitas und Grundschulen"))
    page.get_by_role("button", name=re.compile("Speichern|speichern")).first.click()
    page.goto(review_url)
    expect(page.get_by_text("bezieht sich auf eine frühere Fassung des Absatzes")).to_be_visible()
    expect(page.get_by_text("Die Kitas brauchen Sprachförderung.")).to_be_visible()
    assert axe_violations(page) == []
    shot(page, "review-detail-ki")

    # The KI weighs both comments in the Abwägungstabelle.
    page.get_by_role("link", name="Abwägungstabelle").click()
    page.get_by_role("row").filter(has_text="Beispielstadt").get_by_role("link").click()
    page.get_by_label("teilweise übernommen").check()
    page.get_by_label("Begründung").fill("Die Zahlen folgen im Sachstandsbericht.")
    page.get_by_role("button", name="Abwägung speichern").click()
    expect(page.get_by_text("Abwägung gespeichert: teilweise übernommen.")).to_be_visible()
    page.get_by_role("row").filter(has_text="Caritasverband").get_by_role("link").click()
    page.get_by_label("übernommen", exact=True).check()
    page.get_by_label("Änderung am Abschnitt").select_option(index=1)
    page.get_by_role("button", name="Abwägung speichern").click()
    table = page.get_by_role("table", name="Anmerkungen und ihre Abwägung")
    expect(table).to_contain_text("Beispielstadt")
    expect(table).to_contain_text("Caritasverband")
    expect(table).to_contain_text("teilweise übernommen")
    expect(table).to_contain_text("Änderung vom")
    assert "Erika Muster" not in table.inner_text()
    assert axe_violations(page) == []
    shot(page, "review-abwaegung")

    # The Vorlage made from the Fassung takes the Abwägungstabelle as Anlage in one step.
    page.goto(f"{live_server.url}/{district.slug}/konzept/{draft.pk}/")
    page.get_by_role("button", name="Vorlage aus Konzeptfassung erstellen").click()
    paper = DecisionPaper.objects.get(concept_version=draft)
    page.goto(review_url + "abwaegung/")
    page.get_by_label("Als Anlage (PDF) an die Vorlage").select_option(str(paper.pk))
    page.get_by_role("button", name="Abwägungstabelle anhängen").click()
    expect(
        page.get_by_text(f"Die Abwägungstabelle ist nun Anlage der Vorlage {paper.reference}.")
    ).to_be_visible()
    expect(
        page.get_by_role("link", name="Abwägungstabelle „Beteiligung zum Entwurf 2027“")
    ).to_be_visible()

    from pypdf import PdfReader

    attachment = paper.attachments.get(title="Abwägungstabelle „Beteiligung zum Entwurf 2027“")
    reader = PdfReader(io.BytesIO(attachment.file.open("rb").read()))
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    pdf_text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    assert "teilweise übernommen" in pdf_text
    assert "Die Zahlen folgen im Sachstandsbericht." in pdf_text
    assert "Caritasverband" in pdf_text and "Beispielstadt" in pdf_text
    assert "Erika Muster" not in pdf_text
