"""Every URL of the site, walked from the resolver, against every kind of visitor.

STYLE.md: outsiders and members of another District get 404 (as for a page that does not
exist), a role without the capability gets 403, anonymous visitors go to the login page.
A pattern that the walk cannot build, or that has no entry below, fails the test: no new URL
escapes the matrix.
"""

from urllib.parse import urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.rights import LAND, OPERATOR, RIGHTS, Capability, Role
from districts.models import RequirementSet
from measures.models import LandIndicator
from tests.routes import collect

# Routes without a District; each is public on purpose.
PUBLIC = {
    "home": "the start page with the login form",
    "accounts:login": "login",
    "accounts:logout": "logout (POST)",
    "accounts:password_reset": "request a password reset link by e-mail",
    "accounts:password_reset_done": "reset mail sent",
    "accounts:password_reset_confirm": "set a new password from the e-mailed link",
    "accounts:password_reset_complete": "new password saved",
    # login required, no District (tests/accounts/test_passwords.py)
    "accounts:password_change": "change one's own password",
    "accounts:password_change_done": "password changed",
    # The District's public pages, no login (issue 5; tests/public/)
    "public:start": "public start page of a District",
    "public:directory": "public directory of published actors and offers",
    "public:actor": "a published actor (404 for unpublished)",
    "public:glossary": "the District's glossary",
    "public:concept": "the current adopted concept version",
    "public:accessibility": "Erklärung zur Barrierefreiheit with the feedback form (BITV NRW)",
    "public:thanks": "confirmation after sending feedback",
    # Released öffentlich papers without login (issue 6; tests/papers/test_access.py)
    "public:papers": "released öffentlich papers of a District",
    "public:paper": "one released öffentlich paper (404 for drafts and nichtöffentlich)",
    "public:paper_pdf": "its released PDF, byte for byte",
    "public:paper_attachment": "an attachment of a released öffentlich paper",
    # A meeting's öffentlicher Teil and its Sitzungsmappe (issue 20; tests/papers/test_meetings.py)
    "public:meeting": "a meeting with the öffentlich items of its agenda",
    "public:meeting_folder": "the öffentliche Sitzungsmappe (PDF) of a meeting",
    # iCal feed of a District's öffentlich meetings (issue 7)
    "public:meetings_ical": "iCal feed of the öffentlich meetings of a District's committees",
    # A member's calendar subscription: the signed link stands in for the login, any other
    # link is 404, and the member's role decides the content (tests/actors/test_subscription.py)
    "papers:meetings_subscription": "personal iCal subscription link of a member",
    # An external participant of a Beteiligung (issue 18): the signed link stands in for an
    # account; forged, revoked or another District's link is 404
    # (tests/coordination/test_reviews.py)
    "coordination:review_external": "the draft with one's own comments, by personal link",
    "coordination:review_external_comment": "comment on a paragraph, by personal link",
    "coordination:review_public": "a public Beteiligung: the draft and the sign-up (else 404)",
    # Concept images (issue 15): public when a version the public may read shows the image,
    # else only to members who may read a version showing it; 404 for everyone else and for
    # every other file under /media/ (tests/concept_editor/test_media.py)
    "media:concept_image": "an uploaded concept image, checked like the page that shows it",
    # Monitoring (issue 15): database and worker heartbeat, no data of any District
    # (tests/workspace/test_healthz.py)
    "healthz": "health check of the database and the background worker for monitoring",
}
# Whole namespaces that are public on purpose.
PUBLIC_NAMESPACES = {
    "oparl": "read-only OParl 1.1 API of released öffentlich papers (issue 7; tests/oparl/)",
}
# The operator's pages outside any District (issue 13): superusers only; anonymous → login,
# everyone else (the Land included) → 403. Tested below and in tests/workspace/test_operator.py.
OPERATOR_ROUTES = {
    "workspace:operator": "list of all Districts with their set-up state",
    "workspace:operator_district": "one District's set-up state; invite its KI-Leitung",
}


def _land_indicator(district) -> dict:
    key = LandIndicator.objects.get_or_create(key="test-kennzahl", defaults={"name": "Test"})[0]
    return {"key": key.key}


# The Land's pages across all Districts (issue 17): the Land and the operator read, only the
def _kim_rate():
    from kim.models import FundingRate

    rate = FundingRate.objects.order_by("pk").first()
    return rate or FundingRate.objects.create(
        kind="koordination", amount=57000, valid_from="2024-12-12", source="Richtlinie"
    )


# Land edits (``land_edit``); anonymous → login, everyone else (KI members too) → 403.
# name -> (description, URL kwargs built from the test District)
LAND_ROUTES: dict[str, tuple[str, object]] = {
    # tests/land/test_overview.py
    "land:overview": ("all KIs in one table, filters, sort, CSV/XLSX export", None),
    "land:requirements": ("Anforderungssätze des Landes", {}),
    "land:requirements_create": ("neuer Anforderungssatz", {}),
    "land:requirements_update": (
        "Anforderungssatz bearbeiten",
        lambda district: {"pk": RequirementSet.objects.order_by("pk").first().pk},
    ),
    # Land indicator catalogue (tests/land/test_indicator_catalogue.py)
    "land:indicators": ("the Land's indicator catalogue", {}),
    "land:indicator_create": ("new Land indicator (Land only)", {}),
    "land:indicator_detail": ("one Land key: every District's values compared", _land_indicator),
    "land:indicator_update": ("edit a Land indicator (Land only)", _land_indicator),
    "land:population": ("the Districts' population with Stand and source", {}),
    "land:population_import": ("upload IT.NRW's population CSV (Land only)", {}),
    # KIM funding rates (issue 19, tests/kim/test_land_rates.py)
    "land:kim_rates": ("the Land's KIM funding rates", {}),
    "land:kim_rate_create": ("new KIM funding rate (Land only)", {}),
    "land:kim_rate_update": (
        "edit a KIM funding rate (Land only)",
        lambda district: {"pk": _kim_rate().pk},
    ),
    "land:population_update": (
        "enter one District's population (Land only)",
        lambda d: {"slug": d.slug},
    ),
}
# Django's admin checks is_staff itself; its URLs are not KI pages.
SKIPPED_NAMESPACES = {"admin"}


ROUTES = collect()


def walk(patterns, prefix="", namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            full_ns = ":".join(filter(None, [namespace, ns])) if ns else namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), full_ns)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield prefix + str(entry.pattern), name, entry


def all_routes(urlconf=None):
    return [
        (route, name, entry)
        for route, name, entry in walk(get_resolver(urlconf).url_patterns)
        if not (name and name.split(":")[0] in SKIPPED_NAMESPACES)
        and not route.startswith("admin/")
    ]


def is_public(name: str | None) -> bool:
    return name in PUBLIC or bool(name and name.split(":")[0] in PUBLIC_NAMESPACES)


def is_operator(route: str, name: str | None) -> bool:
    return route.startswith("betrieb/") and name in OPERATOR_ROUTES


def is_land(route: str, name: str | None) -> bool:
    return route.startswith("land/") and name in LAND_ROUTES


def unlisted_routes(urlconf=None) -> list[str]:
    """Patterns that are neither public on purpose nor listed with a way to build them."""
    unlisted = []
    for route, name, _entry in all_routes(urlconf):
        if is_public(name) or is_operator(route, name) or is_land(route, name):
            continue
        if not route.startswith("<slug:district_slug>/"):
            unlisted.append(
                f"{route} ({name}) is outside /<district>/ and not in PUBLIC or OPERATOR_ROUTES"
            )
        elif name not in ROUTES:
            unlisted.append(f"{route} ({name}) has no entry in ROUTES")
    return unlisted


def test_every_pattern_is_public_or_has_an_entry():
    assert unlisted_routes() == []


def test_the_walker_catches_a_new_unlisted_url():
    # tests/urls_unlisted.py is the project's URLconf plus one District page nobody listed.
    assert sorted(unlisted_routes("tests.urls_unlisted")) == [
        "<slug:district_slug>/neue-seite/ (unlisted-page) has no entry in ROUTES",
        "ohne-kreis/ (no-district) is outside /<district>/ and not in PUBLIC or OPERATOR_ROUTES",
    ]


def capability_of(entry: URLPattern) -> Capability:
    view = getattr(entry.callback, "view_class", entry.callback)
    capability = getattr(view, "capability", None)
    assert capability is not None, f"{entry} declares no capability"
    return capability


def district_urls(district, objects_of=None):
    """A real URL for every District route, objects built by the route's factory recipe.

    With ``objects_of`` the objects come from that other District while the slug stays:
    such URLs must not reach anything.
    """
    urls = []
    for route, name, entry in all_routes():
        if is_public(name) or is_operator(route, name) or is_land(route, name):
            continue
        spec = ROUTES[name]
        if objects_of is not None and not spec.has_objects:
            continue
        kwargs = spec.kwargs(objects_of or district)
        url = reverse(name, kwargs={"district_slug": district.slug, **kwargs})
        if spec.query is not None:
            url += "?" + urlencode(spec.query(district))
        urls.append((name, url, spec.method, capability_of(entry)))
    return urls


def request(client, method, url):
    return getattr(client, method)(url)


@pytest.mark.django_db
def test_anonymous_goes_to_login(client, district):
    for name, url, method, _cap in district_urls(district):
        response = request(client, method, url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login")), name


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", ["outsider", "other_member"])
def test_strangers_get_404(client, district, visitor, request):
    client.force_login(request.getfixturevalue(visitor))
    for name, url, method, _cap in district_urls(district):
        assert globals()["request"](client, method, url).status_code == 404, name


def test_unknown_district_is_404(client, ki_staff):
    client.force_login(ki_staff)
    assert client.get("/gibt-es-nicht/").status_code == 404


ROLE_FIXTURES = {
    Role.LEAD: "ki_lead",
    Role.STAFF: "ki_staff",
    Role.COUNCIL: "council_member",
    Role.LIAISON: "liaison",
    Role.SIGNATORY: "signatory",
    LAND: "land_user",
    OPERATOR: "operator",
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLE_FIXTURES), ids=str)
def test_each_role_gets_what_the_rights_table_grants(client, district, role, request):
    client.force_login(request.getfixturevalue(ROLE_FIXTURES[role]))
    for name, url, method, capability in district_urls(district):
        status = globals()["request"](client, method, url).status_code
        if role in RIGHTS[capability]:
            assert status in (200, 302), f"{name} as {role}: {status}"
        else:
            assert status == 403, f"{name} as {role}: {status}"


@pytest.mark.django_db
def test_objects_of_another_district_are_not_found(client, district, other_district, ki_lead):
    client.force_login(ki_lead)
    for name, url, method, _cap in district_urls(district, objects_of=other_district):
        assert globals()["request"](client, method, url).status_code == 404, name


@pytest.mark.django_db
def test_deactivated_membership_is_a_stranger(client, district, ki_staff):
    ki_staff.memberships.update(is_active=False)
    client.force_login(ki_staff)
    assert client.get(reverse("workspace:home", args=[district.slug])).status_code == 404


@pytest.mark.django_db
def test_start_page_is_german_with_login(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "Anmelden" in html and 'name="username"' in html


def operator_urls(district):
    urls = []
    for route, name, _entry in all_routes():
        if is_operator(route, name):
            kwargs = {"district_slug": district.slug} if "district_slug" in route else {}
            urls.append((name, reverse(name, kwargs=kwargs)))
    assert sorted(name for name, _url in urls) == sorted(OPERATOR_ROUTES)
    return urls


@pytest.mark.django_db
def test_operator_pages_send_anonymous_visitors_to_login(client, district):
    for name, url in operator_urls(district):
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login")), name


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", ["land_user", "ki_lead", "ki_staff", "liaison", "outsider"])
def test_operator_pages_are_403_for_everyone_but_the_operator(client, district, visitor, request):
    # The Land stays read-only (issue 13); a KI-Leitung manages only her own District.
    client.force_login(request.getfixturevalue(visitor))
    for name, url in operator_urls(district):
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"email": "x@example.org"}).status_code == 403, name


@pytest.mark.django_db
def test_operator_pages_open_for_the_operator(client, district, operator):
    client.force_login(operator)
    for name, url in operator_urls(district):
        assert client.get(url).status_code == 200, name
    assert (
        client.get(reverse("workspace:operator_district", args=["gibt-es-nicht"])).status_code
        == 404
    )


def land_urls(district):
    """A URL for every Land route, and whether it is the Land's alone (``land_edit``)."""
    urls = []
    for route, name, entry in all_routes():
        if is_land(route, name):
            view = getattr(entry.callback, "view_class", entry.callback)
            assert getattr(view, "land_only", False), f"{name} does not use LandMixin"
            _description, kwargs = LAND_ROUTES[name]
            url = reverse(name, kwargs=kwargs(district) if callable(kwargs) else {})
            urls.append((name, url, getattr(view, "land_edit", False)))
    assert sorted(name for name, *_ in urls) == sorted(LAND_ROUTES)
    return urls


@pytest.mark.django_db
def test_land_pages_send_anonymous_visitors_to_login(client, district):
    for name, url, _edit in land_urls(district):
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login")), name


@pytest.mark.django_db
@pytest.mark.parametrize(
    "visitor", ["ki_lead", "ki_staff", "council_member", "liaison", "signatory", "outsider"]
)
def test_land_pages_are_403_for_members_of_a_district(client, district, visitor, request):
    client.force_login(request.getfixturevalue(visitor))
    for name, url, _edit in land_urls(district):
        assert client.get(url).status_code == 403, name
        assert client.post(url, {}).status_code == 403, name


@pytest.mark.django_db
def test_land_pages_open_for_the_land_and_read_only_for_the_operator(
    client, district, land_user, operator
):
    for user in (land_user, operator):
        client.force_login(user)
        for name, url, edit in land_urls(district):
            expected = 403 if edit and user == operator else 200
            assert client.get(url).status_code == expected, (user, name)
