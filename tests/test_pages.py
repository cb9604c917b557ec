"""Properties every District page must have, checked on every route the walker finds.

- query counts do not grow with the data (10 vs 200+ measures, 1 vs 50 measurements each);
- nothing is loaded from outside the server, and the page declares lang="de";
- garbage posted to any form on any page never gives a server error (Hypothesis).
"""

import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.rights import LAND, RIGHTS, Role
from tests import factories
from tests.data import grow
from tests.test_permissions import ROLE_FIXTURES, district_urls

# What a page loads (scripts, images, styles, form targets); plain links to an actor's website
# are fine, they load nothing until the reader follows them.
EXTERNAL = re.compile(
    r"""(?:\b(?:src|srcset|action)\s*=\s*["']?\s*(?:https?:)?//(?!testserver\b))"""
    r"""|(?:<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?(?:https?:)?//)""",
    re.IGNORECASE,
)


def get_pages(district, role):
    return [
        (name, url)
        for name, url, method, capability in district_urls(district)
        if method == "get" and role in RIGHTS[capability]
    ]


def count_queries(client, url) -> int:
    client.get(url)  # warm-up: session, caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code in (200, 302), (url, response.status_code)
    return len(ctx.captured_queries)


def seed(district):
    """A small but complete District: 10 measures with one measurement each."""
    municipality = factories.MunicipalityFactory(district=district)
    for i in range(10):
        measurement = factories.MeasurementFactory(
            indicator__measure__district=district, indicator__measure__title=f"Start {i}"
        )
        measurement.indicator.measure.municipalities.add(municipality)


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.LEAD, Role.LIAISON, LAND], ids=str)
def test_query_counts_do_not_grow_with_the_data(client, district, role, request):
    client.force_login(request.getfixturevalue(ROLE_FIXTURES[role]))
    seed(district)
    pages = get_pages(district, role)
    small = {name: count_queries(client, url) for name, url in pages}
    grow(district, measures=200, measurements=50)
    large = {name: count_queries(client, url) for name, url in pages}
    assert large == small


@pytest.mark.django_db
def test_pages_are_german_and_load_nothing_from_outside(client, district, ki_lead):
    client.force_login(ki_lead)
    seed(district)
    for name, url in get_pages(district, Role.LEAD) + [("home", "/")]:
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        assert '<html lang="de">' in html, name
        assert not EXTERNAL.search(html), f"{name}: {EXTERNAL.search(html).group(0)}"


class FormFinder(HTMLParser):
    """Collects POST forms: their action and the names of their fields."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._current = {"action": attrs.get("action") or "", "fields": {}}
            self.forms.append(self._current)
        elif self._current is not None and tag in ("input", "select", "textarea"):
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken":
                self._current["fields"][name] = attrs.get("type", tag)

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def district_forms(client, district):
    forms = []
    for name, url in get_pages(district, Role.LEAD):
        response = client.get(url)
        if "html" not in response.get("Content-Type", ""):
            continue  # PDF, DOCX, attachments
        finder = FormFinder()
        finder.feed(response.content.decode())
        for form in finder.forms:
            if form["fields"] and "abmelden" not in form["action"]:
                forms.append((name, form["action"] or url, form["fields"]))
    return forms


garbage = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "0", "-1", "1.234,5", "1,2,3", "31.02.2025", "9" * 30, "<script>", "NaN"]),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)


@pytest.mark.django_db
def test_garbage_in_any_form_never_gives_a_server_error(client, district, ki_lead):
    client.force_login(ki_lead)
    seed(district)
    forms = district_forms(client, district)

    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def post_garbage(data):
        for name, action, fields in forms:
            payload = {field: data.draw(garbage, label=f"{name}.{field}") for field in fields}
            status = client.post(action, payload).status_code
            assert status < 500, f"{name} {action} {payload} → {status}"

    post_garbage()
