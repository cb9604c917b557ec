"""Logins are recorded per user, so that deactivating a member can end their sessions."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from accounts.models import UserSession
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-und-lang-genug"


def log_in(user) -> Client:
    browser = Client()
    browser.post("/konto/anmelden/", {"username": user.username, "password": PASSWORD})
    return browser


def test_each_login_is_recorded_and_logout_forgets_it():
    person = factories.UserFactory()
    laptop, phone = log_in(person), log_in(person)
    keys = {laptop.session.session_key, phone.session.session_key}
    assert set(person.login_sessions.values_list("session_key", flat=True)) == keys
    laptop.post("/konto/abmelden/")
    assert list(person.login_sessions.values_list("session_key", flat=True)) == [
        phone.session.session_key
    ]


def test_records_of_ended_sessions_are_dropped_at_the_next_login():
    person = factories.UserFactory()
    old = log_in(person).session.session_key
    Session.objects.filter(session_key=old).delete()  # expired and cleared
    new = log_in(person).session.session_key
    assert list(UserSession.objects.values_list("session_key", flat=True)) == [new]
