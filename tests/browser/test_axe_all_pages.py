"""axe-core (WCAG 2.1 A/AA) finds nothing on any page the URL walker knows (issue 15).

Every GET page of tests/test_permissions.py – each District route with the objects its recipe
in tests/<app>/routes.py builds, the public pages, the account pages and the operator's – is
opened in headless Chromium by every role that may open it (accounts/rights.py), the public
ones anonymously, and axe must report no violation. One test per role: one live server, one
browser page and one login per role. Downloads (PDF, CSV, XLSX, DOCX, iCal, JSON) and POST-only
actions are not pages and are left out by name; a route that answers anything but HTML fails
until it is listed in ``DOWNLOADS``. A page that cannot be made clean yet goes into
``KNOWN_VIOLATIONS`` with its reason, never silently.
"""

import datetime
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.rights import LAND, OPERATOR, RIGHTS, Role
from concepts.models import ConceptVersion
from tests import factories
from tests.browser.helpers import log_in
from tests.public.test_pages import public_urls
from tests.test_permissions import (
    OPERATOR_ROUTES,
    PUBLIC,
    PUBLIC_NAMESPACES,
    all_routes,
    district_urls,
    operator_urls,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]

# Not pages: what they answer is a file (or JSON) for another program.
DOWNLOADS = {
    "measures:export_csv": "CSV",
    "measures:export_xlsx": "XLSX",
    "measures:import_template": "CSV template",
    "actors:contact_export": "JSON (Auskunft nach Art. 15 DSGVO)",
    "coordination:review_invitation_export": "JSON (Auskunft nach Art. 15 DSGVO), issue 18",
    "coordination:export": "CSV/XLSX",
    "papers:meetings_ical": "iCal",
    "papers:pdf": "PDF",
    "papers:revision_pdf": "PDF",
    "papers:draft_pdf": "PDF",
    "papers:docx": "DOCX",
    "papers:meeting_folder": "PDF (Sitzungsmappe), issue 20",
    "public:meeting_folder": "PDF (öffentliche Sitzungsmappe), issue 20",
    "papers:attachment": "an uploaded Anlage",
    "concepts:agreement_document": "a municipality's decision (PDF), issue 18",
    "papers:released_attachment": "an uploaded Anlage",
    "documents:download": "PDF",
    "reports:export_csv": "CSV",
    "reports:export_xlsx": "XLSX",
    "reports:kim_report_pdf": "PDF (Sachbericht KIM), issue 19",
    "reports:kim_report_xlsx": "XLSX (Sachbericht KIM), issue 19",
    "workspace:municipal_report_pdf": "PDF (Kommunalbericht), issue 20",
    "workspace:municipal_report_xlsx": "XLSX (Kommunalbericht), issue 20",
    "kim:case_import_template": "CSV template (Fallzahlen), issue 19",
    "public:paper_pdf": "PDF",
    "public:paper_attachment": "an uploaded Anlage",
    "public:meetings_ical": "iCal",
    "papers:meetings_subscription": "iCal",
    "media:concept_image": "an image",
    "accounts:logout": "POST only",
    "healthz": "JSON for monitoring",
}

# Pages axe still finds something on, with the reason; each one is a failure to be fixed,
# listed here so that the test says so instead of skipping it. Empty: every page is clean.
KNOWN_VIOLATIONS: dict[str, str] = {}

ROLE_FIXTURES = {
    "leitung": "ki_lead",
    "mitarbeit": "ki_staff",
    "kreistag": "council_member",
    "kommune": "liaison",
    "land": "land_user",
    "betrieb": "operator",
}
ROLES = {
    "leitung": Role.LEAD,
    "mitarbeit": Role.STAFF,
    "kreistag": Role.COUNCIL,
    "kommune": Role.LIAISON,
    "land": LAND,
    "betrieb": OPERATOR,
}
TIMINGS = Path("/tmp/ki-axe-timings.txt")


def demo_like(district, municipality):
    """What a KI keeps besides the walker's objects: an adopted concept in force with its
    Fortschreibung, a measure with an indicator and a trend chart, a published actor."""
    field = factories.FieldOfActionFactory(district=district, name="Sprache und Bildung")
    group = factories.TargetGroupFactory(district=district, name="Neu zugewanderte Familien")
    actor = factories.ActorFactory(
        district=district, name="Caritasverband Beispiel", is_published=True
    )
    factories.OfferFactory(actor=actor, title="Sprachcafé", is_published=True)
    factories.ContactPersonFactory(actor=actor, name="Erika Muster", consents_to_publication=True)
    measure = factories.MeasureFactory(
        district=district,
        title="Rucksack KiTa",
        field_of_action=field,
        goal="Eltern stärken die Mehrsprachigkeit ihrer Kinder.",
        lead_actor=actor,
        start=datetime.date(2024, 8, 1),
    )
    measure.target_groups.add(group)
    indicator = factories.IndicatorFactory(
        measure=measure, name="Teilnehmende Familien", target=Decimal("150")
    )
    for day, value in [
        (datetime.date(2024, 12, 31), "110"),
        (datetime.date(2025, 6, 30), "125.5"),
        (datetime.date(2025, 12, 31), "140"),
    ]:
        factories.MeasurementFactory(indicator=indicator, date=day, value=Decimal(value))
    factories.MeasurementFactory(
        indicator=indicator,
        date=datetime.date(2025, 12, 31),
        value=Decimal("40"),
        municipality=municipality,
    )
    version = factories.ConceptVersionFactory(
        concept=district.concept,
        title="Integrationskonzept 2024",
        status=ConceptVersion.Status.ADOPTED,
        decided_on=datetime.date(2024, 3, 1),
    )
    factories.ConceptSectionFactory(
        version=version, order=1, title="Ausgangslage", body="Im Kreis leben **viele** Familien."
    )
    measure.concept_versions.add(version)


def account_urls(user) -> dict[str, str]:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return {
        "home": reverse("home"),
        "accounts:login": reverse("accounts:login"),
        "accounts:password_reset": reverse("accounts:password_reset"),
        "accounts:password_reset_done": reverse("accounts:password_reset_done"),
        "accounts:password_reset_confirm": reverse(
            "accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}
        ),
        "accounts:password_reset_complete": reverse("accounts:password_reset_complete"),
    }


def pages_for(role: str, district, users) -> dict[str, str]:
    """Name → URL of every HTML page ``role`` may open; ``anonym`` gets the public ones."""
    if role == "anonym":
        pages = dict(public_urls(district))
        pages.update(account_urls(users["ki_staff"]))
    elif role == "betrieb":
        # The operator's own pages; inside a District she sees what the KI-Leitung sees.
        pages = dict(operator_urls(district))
    else:
        pages = {
            name: url
            for name, url, method, capability in district_urls(district)
            if method == "get" and ROLES[role] in RIGHTS[capability]
        }
        if role == "leitung":
            pages["accounts:password_change"] = reverse("accounts:password_change")
            pages["accounts:password_change_done"] = reverse("accounts:password_change_done")
    return {name: url for name, url in pages.items() if name not in DOWNLOADS}


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The same rules as ``tests.browser.conftest.axe_violations``; axe is loaded into every page of
# the context once (``add_init_script``) instead of being sent again for each page, and only
# the violations' ids, texts and counts come back: a third faster over some 300 pages.
RUN_AXE = """options => axe.run(document, options).then(
    results => results.violations.map(v => `${v.id}: ${v.help} (${v.nodes.length}×)`))"""
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def axe_violations(page) -> list[str]:
    return page.evaluate(RUN_AXE, AXE_OPTIONS)


def check(page, base: str, pages: dict[str, str]) -> dict[str, list[str]]:
    from axe_playwright_python.base import AXE_SCRIPT

    page.context.add_init_script(script=AXE_SCRIPT)
    found = {}
    for name, url in pages.items():
        try:
            response = page.goto(base + url)
        except Exception as exc:  # Playwright: "Download is starting"
            found[name] = [f"keine Seite ({exc.__class__.__name__}): in DOWNLOADS eintragen?"]
            continue
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("text/html"):
            found[name] = [f"{content_type}: kein HTML, in DOWNLOADS eintragen"]
        elif response.status >= 400:
            found[name] = [f"HTTP {response.status}"]
        elif violations := axe_violations(page):
            found[name] = violations
            details(page, name)
    return found


def details(page, name: str) -> None:
    """Where axe found what on ``page``, into the timings file, for whoever fixes it."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    with TIMINGS.open("a") as out:
        for violation in results.response["violations"]:
            for node in violation["nodes"][:5]:
                summary = node.get("failureSummary", "").replace("\n", " ")[:300]
                out.write(f"    {name} {violation['id']} {node['target']} {summary}\n")


@pytest.mark.parametrize("role", [*ROLE_FIXTURES, "anonym"])
def test_every_page_passes_axe(page, live_server, request, role, district, municipality):
    users = {fixture: request.getfixturevalue(fixture) for fixture in ROLE_FIXTURES.values()}
    demo_like(district, municipality)
    pages = pages_for(role, district, users)
    assert len(pages) >= 2, pages
    if role != "anonym":
        log_in(page, live_server, users[ROLE_FIXTURES[role]])

    started = time.monotonic()
    found = check(page, live_server.url, pages)
    seconds = time.monotonic() - started
    with TIMINGS.open("a") as timings:
        timings.write(f"{role}: {len(pages)} Seiten in {seconds:.1f} s\n")
        for name, violations in sorted(found.items()):
            timings.write(f"  {name} {pages[name]}: {violations}\n")

    known = {name: reason for name, reason in KNOWN_VIOLATIONS.items() if name in pages}
    assert {name: found[name] for name in found.keys() - known.keys()} == {}
    # A page listed as known that is clean now must leave the list.
    assert sorted(known.keys() - found.keys()) == []


def test_no_page_of_the_walker_is_left_out(district, ki_staff):
    """Each GET page of the walker is opened by some role above, or named in ``DOWNLOADS``."""
    visited = set(pages_for("anonym", district, {"ki_staff": ki_staff}))
    visited |= {"accounts:password_change", "accounts:password_change_done", *OPERATOR_ROUTES}
    # Issue 18's personal links need a token: axe runs on them in test_accessibility.py
    # ("review-external"; the comment form is the members' template, "review-comment").
    visited |= {
        "coordination:review_external",
        "coordination:review_external_comment",
        "coordination:review_public",  # "review-public"
    }
    assert set(PUBLIC) - visited - DOWNLOADS.keys() == set()
    # The OParl API answers JSON for programs, not pages (tests/oparl/).
    assert set(PUBLIC_NAMESPACES) == {"oparl"}
    members = [role for role in ROLES.values() if role != OPERATOR]
    unopened = [
        name
        for name, _url, method, capability in district_urls(district)
        if method == "get"
        and name not in DOWNLOADS
        and not any(role in RIGHTS[capability] for role in members)
    ]
    assert unopened == []
    # No stale entry: every name in DOWNLOADS is a route.
    assert DOWNLOADS.keys() <= {name for _route, name, _entry in all_routes()}
