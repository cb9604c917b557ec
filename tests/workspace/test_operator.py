"""The operator's pages (issue 13): all Districts with their state, and the invitation of a
District's first KI-Leitung — a new Kreis starts without the Django admin."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from accounts.models import Membership, User
from accounts.rights import Role
from districts.models import District
from tests import factories
from tests.test_pages import garbage

pytestmark = pytest.mark.django_db


def overview(client) -> str:
    response = client.get(reverse("workspace:operator"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_overview_lists_all_54_districts_with_their_state(client, operator):
    coesfeld = District.objects.get(slug="kreis-coesfeld")
    factories.MunicipalityFactory(district=coesfeld)
    factories.MunicipalityFactory(district=coesfeld)
    factories.MembershipFactory(district=coesfeld, role=Role.LEAD)
    factories.MembershipFactory(district=coesfeld, role=Role.STAFF)
    factories.MembershipFactory(district=coesfeld, role=Role.STAFF)
    factories.MembershipFactory(district=coesfeld, role=Role.STAFF, is_active=False)
    factories.ConceptVersionFactory(concept=coesfeld.concept)
    client.force_login(operator)
    html = overview(client)
    assert html.count('href="/betrieb/kreise/') == 54
    row = re.search(
        r'<th scope="row"><a href="/betrieb/kreise/kreis-coesfeld/">.*?</tr>', html, re.S
    )
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0))
    # KI-Leitung, KI-Mitarbeit, Kreistag, Ansprechperson, Mitzeichnung, Kommunen, Fassung,
    # letzte Anmeldung
    assert cells == ["1", "2", "0", "0", "0", "2", "ja", "noch nie"]
    assert "davon 53 ohne KI-Leitung" in html


def test_the_overview_takes_a_constant_number_of_queries(client, operator):
    client.force_login(operator)
    overview(client)
    with CaptureQueriesContext(connection) as few:
        overview(client)
    for district in District.objects.all()[:20]:
        factories.MunicipalityFactory(district=district)
        factories.MembershipFactory(district=district, role=Role.LEAD)
        factories.ConceptVersionFactory(concept=district.concept)
    with CaptureQueriesContext(connection) as many:
        overview(client)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_operator_invites_the_first_lead_who_lands_on_the_district(client, operator):
    coesfeld = District.objects.get(slug="kreis-coesfeld")
    client.force_login(operator)
    url = reverse("workspace:operator_district", args=[coesfeld.slug])
    page = client.get(url).content.decode()
    assert "Dieser Kreis hat noch keine KI-Leitung." in page
    assert "Noch keine Kommune eingetragen." in page
    response = client.post(
        url, {"email": "leitung@kreis-coesfeld.example", "first_name": "Ina", "last_name": "Kamp"}
    )
    assert response.status_code == 302 and response["Location"] == url
    membership = Membership.objects.get(
        district=coesfeld, user__email="leitung@kreis-coesfeld.example"
    )
    assert membership.role == Role.LEAD and membership.is_active
    assert "eingeladen, Passwort noch nicht festgelegt" in client.get(url).content.decode()

    # The existing invitation: a German mail with the link to set a password.
    (message,) = mail.outbox
    assert "Ihre Rolle: KI-Leitung" in message.body
    link = re.search(r"http://testserver(/konto/passwort-neu/\S+/)", message.body).group(1)
    ina = Client()
    form_url = ina.get(link)["Location"]
    new = "Coesfeld-startet-2026"
    done = ina.post(form_url, {"new_password1": new, "new_password2": new})["Location"]
    login = re.search(r'href="(/konto/anmelden/\?next=[^"]+)"', ina.get(done).content.decode())
    response = ina.post(login.group(1), {"username": membership.user.username, "password": new})
    assert response["Location"] == "/kreis-coesfeld/"
    home = ina.get("/kreis-coesfeld/").content.decode()
    assert "Erste Schritte" in home
    # She manages the members herself from now on.
    assert ina.get(reverse("accounts:members", args=["kreis-coesfeld"])).status_code == 200


def test_an_address_already_in_the_district_is_refused_in_german(
    client, operator, district, ki_lead
):
    client.force_login(operator)
    response = client.post(
        reverse("workspace:operator_district", args=[district.slug]),
        {"email": ki_lead.email, "first_name": "A", "last_name": "B"},
    )
    assert response.status_code == 200
    assert "bereits Mitglied dieses Kreises" in response.content.decode()
    assert not mail.outbox


def test_the_operator_manages_members_on_the_district_page_too(client, operator, district):
    # Superusers had 403 on /<kreis>/mitglieder/ (issue 13); now they manage members there.
    client.force_login(operator)
    assert client.get(reverse("accounts:members", args=[district.slug])).status_code == 200
    response = client.post(
        reverse("accounts:member_invite", args=[district.slug]),
        {
            "email": "mitarbeit@kreis.example",
            "first_name": "Max",
            "last_name": "Muster",
            "role": Role.STAFF,
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="mitarbeit@kreis.example").memberships.get().role == Role.STAFF


def test_the_operator_edits_no_content(client, operator, district):
    client.force_login(operator)
    assert client.get(reverse("concepts:version_create", args=[district.slug])).status_code == 403
    assert client.get(reverse("papers:settings", args=[district.slug])).status_code == 403


def test_the_land_stays_read_only(client, land_user, district):
    client.force_login(land_user)
    assert client.get(reverse("accounts:members", args=[district.slug])).status_code == 403
    assert client.get(reverse("workspace:operator")).status_code == 403


def test_only_the_operator_sees_the_link_to_the_operator_pages(client, operator, land_user):
    client.force_login(operator)
    assert 'href="/betrieb/"' in client.get("/").content.decode()
    client.force_login(land_user)
    assert 'href="/betrieb/"' not in client.get("/").content.decode()


def test_the_district_page_takes_a_constant_number_of_queries(client, operator, district):
    client.force_login(operator)
    url = reverse("workspace:operator_district", args=[district.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        factories.MembershipFactory(district=district, role=Role.LEAD)
        factories.MunicipalityFactory(district=district)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(email=garbage, first_name=garbage, last_name=garbage)
def test_garbage_in_the_invitation_never_gives_a_server_error(
    client, operator, district, email, first_name, last_name
):
    client.force_login(operator)
    response = client.post(
        reverse("workspace:operator_district", args=[district.slug]),
        {"email": email, "first_name": first_name, "last_name": last_name},
    )
    assert response.status_code in (200, 302)
