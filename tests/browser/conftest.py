"""Headless Debian Chromium driven by Playwright; axe-core checks accessibility.

`playwright install` cannot download anything here, so we use /usr/bin/chromium. Locally the
browser tests skip when Chromium is missing; CI sets KI_REQUIRE_BROWSER=1 so they fail instead.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("KI_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop; Django refuses ORM calls from it without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("KI_REQUIRE_BROWSER"):
            pytest.fail(f"Chromium fehlt unter {CHROMIUM}, Browser-Tests sind in CI Pflicht")
        pytest.skip(f"Chromium fehlt unter {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    from playwright.sync_api import expect

    # Assertions wait up to 15 s: a busy CI machine must not turn a slow page into a failure.
    expect.set_options(timeout=15_000)
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def axe_violations(page) -> list[str]:
    """WCAG 2.1 A/AA violations axe-core finds on the current page.

    A click that navigates returns before the next page is there; axe started in between finds
    no document ("Cannot read properties of null (reading 'documentElement')", CI of stop 21).
    So the page's load is awaited first, and a run that a navigation cut short runs again on
    the page that arrived.
    """
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Error

    options = {
        "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        # Only violations are read; leaving out passes and incompletes saves time.
        "resultTypes": ["violations"],
    }
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            results = Axe().run(page, options=options)
            break
        except Error as exc:
            navigating = "documentElement" in str(exc) or "context was destroyed" in str(exc)
            if not navigating or attempt == 2:
                raise
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}×)" for v in results.response["violations"]]


@pytest.fixture(autouse=True)
def reference_data(request):
    """Make sure the data that migrations load (the two Schwerpunkte, actor types) is there.

    Browser tests run against ``live_server`` in a transactional database that is emptied
    after each test; ``serialized_rollback`` should restore the migration data, but after some
    orders of earlier tests it was missing, so the idempotent loaders run again here.
    """
    if "live_server" not in request.fixturenames:
        return
    request.getfixturevalue("transactional_db")
    from importlib import import_module

    from django.apps import apps

    from concepts.models import FocusArea

    if not FocusArea.objects.exists():
        import_module("concepts.migrations.0003_focus_areas_and_concepts").load(apps, None)
        import_module("actors.migrations.0003_actor_types").load(apps, None)
    from districts.models import RequirementSet

    if not RequirementSet.objects.exists():  # the Land's 2012 set (issue 17)
        import_module("districts.migrations.0009_requirement_set_2012").create_2012_set(apps, None)
