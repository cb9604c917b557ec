"""Password change and reset by e-mail: German pages and mail, and a link that really works."""

import re

import pytest
from django.core import mail

from accounts.models import UserSession
from accounts.services import member_deactivate
from tests import factories

pytestmark = pytest.mark.django_db

OLD = "geheim-und-lang-genug"  # the factories' password
NEW = "Rucksack-Kita-2026-neu"
LINK = re.compile(r"http://testserver(/konto/passwort-neu/\S+/)")


@pytest.fixture
def erika(db):
    return factories.UserFactory(
        username="erika", email="erika.muster@kreis.example", first_name="Erika", last_name="Muster"
    )


def log_in(client, username, password):
    return client.post("/konto/anmelden/", {"username": username, "password": password})


def reset_link(message) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def set_password_through(client, link: str, password: str):
    response = client.get(link)  # Django swaps the token for a session value and redirects
    assert response.status_code == 302
    form_url = response["Location"]
    page = client.get(form_url)
    assert "Neues Passwort festlegen" in page.content.decode()
    return client.post(form_url, {"new_password1": password, "new_password2": password})


def test_reset_sends_a_german_mail_whose_link_sets_a_new_password(client, erika):
    page = client.get("/konto/passwort-vergessen/")
    assert "Passwort vergessen" in page.content.decode()

    response = client.post("/konto/passwort-vergessen/", {"email": "Erika.Muster@kreis.example"})
    assert response["Location"] == "/konto/passwort-vergessen/gesendet/"
    assert "E-Mail versandt" in client.get(response["Location"]).content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["erika.muster@kreis.example"]
    assert message.subject == "Kreisintegration: Neues Passwort festlegen"
    assert "Guten Tag Erika Muster" in message.body
    assert "Ihr Benutzername: erika" in message.body

    response = set_password_through(client, reset_link(message), NEW)
    assert response["Location"] == "/konto/passwort-neu/fertig/"
    assert "Passwort gespeichert" in client.get("/konto/passwort-neu/fertig/").content.decode()

    assert log_in(client, "erika", OLD).status_code == 200  # the old one is gone
    response = log_in(client, "erika", NEW)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(erika.pk)


def test_a_used_link_is_refused_in_german(client, erika):
    client.post("/konto/passwort-vergessen/", {"email": erika.email})
    link = reset_link(mail.outbox[0])
    set_password_through(client, link, NEW)
    page = client.get(link, follow=True).content.decode()
    assert "Dieser Link ist ungültig" in page
    assert "Einen neuen Link anfordern" in page


def test_unknown_address_gets_the_same_answer_and_no_mail(client, erika):
    response = client.post("/konto/passwort-vergessen/", {"email": "niemand@kreis.example"})
    assert response["Location"] == "/konto/passwort-vergessen/gesendet/"
    assert mail.outbox == []


def test_invited_person_without_a_password_can_ask_for_a_new_link(client):
    # An invitation link expires; the person must still find a way in.
    person = factories.UserFactory(username="neu", email="neu@kreis.example", password=None)
    person.set_unusable_password()
    person.save()
    client.post("/konto/passwort-vergessen/", {"email": "neu@kreis.example"})
    assert len(mail.outbox) == 1
    set_password_through(client, reset_link(mail.outbox[0]), NEW)
    assert log_in(client, "neu", NEW).status_code == 302


def test_inactive_account_gets_no_mail(client, erika):
    erika.is_active = False
    erika.save()
    client.post("/konto/passwort-vergessen/", {"email": erika.email})
    assert mail.outbox == []


def test_login_page_offers_the_reset(client):
    page = client.get("/konto/anmelden/").content.decode()
    assert 'href="/konto/passwort-vergessen/"' in page
    assert "Passwort vergessen?" in page


def test_password_change_needs_login(client):
    response = client.get("/konto/passwort/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/")
    assert client.get("/konto/passwort/geaendert/").status_code == 302


def test_password_change_asks_for_the_old_password_in_german(client, erika):
    log_in(client, "erika", OLD)
    page = client.get("/konto/passwort/").content.decode()
    assert "<h1>Passwort ändern</h1>" in page
    response = client.post(
        "/konto/passwort/",
        {"old_password": "falsch", "new_password1": NEW, "new_password2": NEW},
    )
    assert "Das alte Passwort war falsch" in response.content.decode()
    erika.refresh_from_db()
    assert erika.check_password(OLD)


def test_password_change_refuses_a_short_password_in_german(client, erika):
    log_in(client, "erika", OLD)
    response = client.post(
        "/konto/passwort/", {"old_password": OLD, "new_password1": "kurz", "new_password2": "kurz"}
    )
    assert "zu kurz" in response.content.decode()


def test_password_change_keeps_you_logged_in_and_the_session_recorded(client, district, erika):
    membership = factories.MembershipFactory(user=erika, district=district)
    log_in(client, "erika", OLD)
    response = client.post(
        "/konto/passwort/", {"old_password": OLD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response["Location"] == "/konto/passwort/geaendert/"
    page = client.get("/konto/passwort/geaendert/").content.decode()
    assert "Ihr neues Passwort gilt ab sofort" in page
    erika.refresh_from_db()
    assert erika.check_password(NEW)
    assert client.get(district.get_absolute_url()).status_code == 200

    # The new session key (Django cycles it on a password change) is known, so a
    # deactivation still logs this browser out.
    assert UserSession.objects.filter(session_key=client.session.session_key).exists()
    member_deactivate(district=district, membership=membership, user=erika)
    response = client.get(district.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/")
