"""Login throttling (django-axes): five failures lock username + address for an hour.

``client.login`` bypasses what axes needs (the request); the tests post the login form
as a browser would.
"""

import pytest
from django.core import mail
from django.test import Client

from kreisintegration.settings import base
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-und-lang-genug"


@pytest.fixture
def person(db):
    return factories.UserFactory(username="erika", email="erika@kreis.example")


def attempt(client, password):
    return client.post("/konto/anmelden/", {"username": "erika", "password": password})


def test_sixth_attempt_is_locked_even_with_the_right_password(client, person):
    for _ in range(4):
        response = attempt(client, "falsch")
        assert response.status_code == 200
        assert "Bitte Benutzername und Passwort eingeben" in response.content.decode()
    assert attempt(client, "falsch").status_code == 429  # the fifth failure locks
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in page
    assert "in einer Stunde erneut" in page
    assert "_auth_user_id" not in client.session


def test_a_successful_login_before_the_limit_resets_the_count(client, person):
    for _ in range(4):
        attempt(client, "falsch")
    assert attempt(client, PASSWORD).status_code == 302
    client.post("/konto/abmelden/")
    for _ in range(4):
        attempt(client, "falsch")
    # 8 failures in all, but never 5 in a row: still allowed in.
    assert attempt(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_the_lock_is_per_user_others_still_log_in(client, person):
    factories.UserFactory(username="karl")
    for _ in range(5):
        attempt(client, "falsch")
    response = client.post("/konto/anmelden/", {"username": "karl", "password": PASSWORD})
    assert response.status_code == 302


def test_setting_a_new_password_by_mail_lifts_the_lock(client, person):
    for _ in range(5):
        attempt(client, "falsch")
    assert attempt(client, PASSWORD).status_code == 429
    client.post("/konto/passwort-vergessen/", {"email": person.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/passwort-neu/" in line)
    form_url = client.get(link.replace("http://testserver", ""))["Location"]
    new = "Rucksack-Kita-2026-neu"
    client.post(form_url, {"new_password1": new, "new_password2": new})
    assert attempt(client, new).status_code == 302


# Behind the README's nginx (issue 15): every request connects from the proxy's address; nginx
# appends the client's address to X-Forwarded-For, after whatever the client sent itself.
PROXY = "10.0.0.2"
OWNER = "203.0.113.7"
ATTACKER = "198.51.100.66"


def via_proxy(client, password, client_address, header_sent_by_client=""):
    forwarded = (
        f"{header_sent_by_client}, {client_address}" if header_sent_by_client else client_address
    )
    return client.post(
        "/konto/anmelden/",
        {"username": "erika", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.fixture
def behind_one_proxy(settings):
    for name, value in base.proxy_settings(1).items():
        setattr(settings, name, value)


def test_behind_a_proxy_an_attacker_does_not_lock_out_the_owner(client, person, behind_one_proxy):
    # The attacker even claims to be the owner in the header he sends; nginx appends his address.
    for _ in range(5):
        via_proxy(client, "falsch", ATTACKER, header_sent_by_client=OWNER)
    assert via_proxy(client, PASSWORD, ATTACKER).status_code == 429  # he is locked out
    owner = Client()
    response = via_proxy(owner, PASSWORD, OWNER)
    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(person.pk)


def test_behind_a_proxy_a_forged_header_does_not_escape_the_lock(client, person, behind_one_proxy):
    for number in range(5):
        via_proxy(client, "falsch", ATTACKER, header_sent_by_client=f"192.0.2.{number}")
    assert (
        via_proxy(client, PASSWORD, ATTACKER, header_sent_by_client="192.0.2.99").status_code == 429
    )


def test_without_a_configured_proxy_the_header_is_not_believed(client, person):
    for number in range(5):
        client.post(
            "/konto/anmelden/",
            {"username": "erika", "password": "falsch"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    response = client.post(
        "/konto/anmelden/",
        {"username": "erika", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="192.0.2.99",
    )
    assert response.status_code == 429
