"""Issue 14: a KI writes a Vorlage in the Coesfeld layout (seed 004). The form shows only
that layout's fields – I.–V. with Finanzen, Personal, IT, sonstige Ressourcen and Bezug, no
ja/nein table – and the paper page shows them; switching to the Mettmann layout (seed 001)
brings its ja/nein table back and keeps the Coesfeld texts."""

import pytest
from playwright.sync_api import expect

from papers.models import DecisionPaper
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def test_coesfeld_layout_form_and_page(page, live_server, district, ki_staff):
    paper = factories.DecisionPaperFactory(
        district=district, layout="problem", subject="Integrationskonzept", proposal="Beschluss."
    )
    log_in(page, live_server, ki_staff, f"/{district.slug}/vorlagen/{paper.pk}/bearbeiten/")

    expect(page.get_by_label("IV. Finanzen")).to_be_visible()
    expect(page.get_by_label("Bezug auf andere Vorlagen")).to_be_visible()
    expect(page.get_by_text("Finanzielle Auswirkung")).to_have_count(0)
    assert axe_violations(page) == []

    page.get_by_label("I. Problem").fill("Das Konzept ist fortzuschreiben.")
    page.get_by_label("IV. Finanzen").fill("Keine weiteren Kosten.")
    page.get_by_label("IV. IT").fill("Keine.")
    page.get_by_label("Bezug auf andere Vorlagen").fill("SV-9-0677")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status").first).to_contain_text("gespeichert")

    text = page.get_by_role("region", name="Text der Vorlage (Revision 1)")
    expect(text).to_contain_text("Bezug: SV-9-0677")
    expect(text).to_contain_text("Finanzen")
    expect(text).to_contain_text("Keine weiteren Kosten.")
    expect(text).not_to_contain_text("Finanzielle Auswirkung")
    shot(page, "paper-coesfeld-detail")
    assert axe_violations(page) == []

    # Switching to the Mettmann layout: after saving, its ja/nein table is in the form.
    page.goto(f"{live_server.url}/{district.slug}/vorlagen/{paper.pk}/bearbeiten/")
    page.get_by_label("Gliederung der Begründung").select_option("anlass")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status").first).to_contain_text("gespeichert")
    page.goto(f"{live_server.url}/{district.slug}/vorlagen/{paper.pk}/bearbeiten/")
    expect(page.get_by_role("group", name="Finanzielle Auswirkung")).to_be_visible()
    expect(page.get_by_label("IV. Finanzen")).to_have_count(0)
    shot(page, "paper-mettmann-form")
    assert axe_violations(page) == []

    paper = DecisionPaper.objects.get(pk=paper.pk)
    assert paper.layout == "anlass"
    assert paper.problem == "Das Konzept ist fortzuschreiben."
    assert paper.implications_finance == "Keine weiteren Kosten."
