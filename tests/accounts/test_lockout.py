"""Login throttling (django-axes): five failures lock username + address for an hour.

``client.login`` bypasses what axes needs (the request); the tests post the login form
as a browser would.
"""

import pytest
from django.core import mail

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
