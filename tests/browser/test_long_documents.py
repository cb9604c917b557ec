"""Issue 7, point 3: request the whole concept as PDF, watch the progress, download it.

Here tasks go to the real database backend (as with `make run`), so the page shows the
document waiting; the test then runs the worker once, as `manage.py db_worker` would, and the
page picks up the finished PDF by itself (htmx polling).
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from documents.models import GeneratedDocument
from documents.recovery import LOST_MESSAGE
from documents.services import fingerprint_of
from tests import factories
from tests.browser.conftest import axe_violations
from tests.browser.helpers import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def test_request_concept_pdf_see_progress_and_download(
    page, live_server, district, ki_staff, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    version = factories.ConceptVersionFactory(
        concept=district.concept, number=1, title="Integrationskonzept 2026"
    )
    factories.ConceptSectionFactory(
        version=version, order=1, title="Ausgangslage", body="Im Kreis leben 30.000 Zugewanderte."
    )
    measure = factories.MeasureFactory(district=district, title="Rucksack KiTa")
    measure.concept_versions.add(version)

    log_in(page, live_server, ki_staff, next_path=f"/{district.slug}/konzept/{version.pk}/")
    page.get_by_role("button", name="Gesamtes Konzept als PDF").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Integrationskonzept (Gesamtdokument) als PDF"
    )
    status = page.locator("#dokument-status")
    expect(status).to_contain_text("Status: wartet")
    expect(page.get_by_label("Fortschritt")).to_have_attribute("value", "0")
    expect(page.get_by_role("link", name="PDF herunterladen")).to_have_count(0)
    assert axe_violations(page) == []
    shot(page, "dokument-wartet")

    # The worker picks the task up (what `make run` runs next to the server).
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    document = GeneratedDocument.objects.get()
    assert document.status == GeneratedDocument.Status.DONE

    # Without reloading, the page notices and offers the download.
    expect(status).to_contain_text("Status: fertig", timeout=20_000)
    expect(page.get_by_label("Fortschritt")).to_have_attribute("value", "100")
    shot(page, "dokument-fertig")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF herunterladen").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"Integrationskonzept-{district.slug}")
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert axe_violations(page) == []


def test_progress_report_pages_are_accessible(page, live_server, district, ki_staff):
    """The Sachstandsbericht list, form and preview pass axe (WCAG 2.1 AA)."""
    measure = factories.MeasureFactory(district=district, title="Sprachcafé")
    indicator = factories.IndicatorFactory(measure=measure, name="Teilnehmende", target=100)
    factories.MeasurementFactory(indicator=indicator, date="2025-06-30", value=40)
    log_in(page, live_server, ki_staff, next_path=f"/{district.slug}/berichte/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Neuer Sachstandsbericht").click()
    expect(page.get_by_label("Titel")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Titel").fill("Sachstand 2025")
    page.get_by_label("Berichtszeitraum von").fill("2025-01-01")
    page.get_by_label("Berichtszeitraum bis").fill("2025-12-31")
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sachstand 2025")
    expect(page.get_by_text("Sprachcafé").first).to_be_visible()
    assert axe_violations(page) == []
    shot(page, "sachstandsbericht")


def test_a_render_whose_worker_died_offers_a_retry(page, live_server, district, ki_staff, settings):
    """Issue 15: the worker died at 30 % and the document had its last try; the page says so in
    German and its button starts anew, which the next worker run finishes."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_MAX_ATTEMPTS = 1
    version = factories.ConceptVersionFactory(concept=district.concept, number=1)
    factories.ConceptSectionFactory(version=version, order=1, title="Ausgangslage", body="Text")
    then = timezone.now() - datetime.timedelta(minutes=11)
    lost = GeneratedDocument.objects.create(
        district=district,
        kind=GeneratedDocument.Kind.CONCEPT,
        concept_version=version,
        fingerprint=fingerprint_of(version),
        status=GeneratedDocument.Status.RUNNING,
        progress=30,
        step="Seiten setzen",
    )
    GeneratedDocument.objects.filter(pk=lost.pk).update(heartbeat_at=then, modified=then)

    log_in(page, live_server, ki_staff, next_path=f"/{district.slug}/dokumente/{lost.pk}/")
    status = page.locator("#dokument-status")
    expect(status).to_contain_text("Status: fehlgeschlagen")
    expect(status.get_by_role("alert")).to_contain_text(LOST_MESSAGE)
    assert axe_violations(page) == []
    shot(page, "dokument-unterbrochen")

    page.get_by_role("button", name="Erneut anfordern").click()
    expect(status).to_contain_text("Status: wartet")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    expect(status).to_contain_text("Status: fertig", timeout=20_000)
    expect(page.get_by_role("link", name="PDF herunterladen")).to_be_visible()
    assert GeneratedDocument.objects.get(pk=lost.pk).status == GeneratedDocument.Status.FAILED
