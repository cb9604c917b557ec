"""Member management by the KI-Leitung: list, invite, change role, deactivate, reactivate."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from accounts.models import Membership, User
from accounts.rights import Role
from accounts.services import member_deactivate, member_update
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-und-lang-genug"  # the factories' password


def url(district, suffix=""):
    return f"/{district.slug}/mitglieder/{suffix}"


def invite(client, district, **data):
    payload = {
        "email": "erika.muster@kreis.example",
        "first_name": "Erika",
        "last_name": "Muster",
        "role": Role.STAFF,
        "municipality": "",
    }
    payload.update(data)
    return client.post(url(district, "einladen/"), payload)


def logged_in_client(user) -> Client:
    """A second browser that logs in through the form, as the member would."""
    browser = Client()
    response = browser.post("/konto/anmelden/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return browser


@pytest.fixture
def lead_client(client, ki_lead):
    client.force_login(ki_lead)
    return client


# --- the list ----------------------------------------------------------------------------


def test_list_shows_members_with_role_municipality_and_status(
    lead_client, district, ki_lead, ki_staff, liaison, other_member
):
    ki_staff.first_name, ki_staff.last_name = "Karl", "Mitarbeit"
    ki_staff.save()
    page = lead_client.get(url(district)).content.decode()
    assert '<h1 class="mb-0">Mitglieder</h1>' in page
    assert "Karl Mitarbeit" in page and "mitarbeit@example.org" in page
    assert "Kommunale Ansprechperson" in page and "Beispielstadt" in page
    assert "KI-Leitung" in page
    assert "noch nie" in page  # last login of someone who never logged in
    assert "andere-leitung" not in page  # a member of another District
    assert "Aktive (3)" in page


def test_list_filters_active_and_deactivated(lead_client, district, ki_lead, ki_staff):
    gone = factories.MembershipFactory(district=district, user__username="ehemals", is_active=False)
    active = lead_client.get(url(district)).content.decode()
    assert "ehemals" not in active and "mitarbeit" in active
    inactive = lead_client.get(url(district) + "?status=deaktiviert").content.decode()
    assert "ehemals" in inactive and "mitarbeit@" not in inactive
    assert "Reaktivieren" in inactive
    assert f'action="{url(district, f"{gone.pk}/reaktivieren/")}"' in inactive
    everyone = lead_client.get(url(district) + "?status=alle").content.decode()
    assert "ehemals" in everyone and "mitarbeit@" in everyone


def test_the_last_lead_has_no_deactivate_button(lead_client, district, ki_lead, ki_staff):
    page = lead_client.get(url(district)).content.decode()
    assert "letzte KI-Leitung" in page
    assert f"{ki_lead.memberships.get().pk}/deaktivieren/" not in page
    assert f"{ki_staff.memberships.get().pk}/deaktivieren/" in page


def test_only_the_ki_lead_reaches_member_pages(client, district, ki_staff, ki_lead):
    client.force_login(ki_staff)
    assert client.get(url(district)).status_code == 403
    assert client.get(url(district, "einladen/")).status_code == 403
    pk = ki_lead.memberships.get().pk
    assert client.post(url(district, f"{pk}/deaktivieren/")).status_code == 403
    assert ki_lead.memberships.get().is_active


def test_staff_does_not_see_the_members_link(client, district, ki_staff, ki_lead):
    client.force_login(ki_staff)
    assert url(district) not in client.get(district.get_absolute_url()).content.decode()
    client.force_login(ki_lead)
    assert url(district) in client.get(district.get_absolute_url()).content.decode()


# --- invite ------------------------------------------------------------------------------


def test_invite_new_person_creates_user_and_sends_a_german_mail(lead_client, district, ki_lead):
    response = invite(lead_client, district)
    assert response.status_code == 302
    assert response["Location"] == url(district)
    page = lead_client.get(url(district)).content.decode()
    assert "Erika Muster ist jetzt Mitglied (KI-Mitarbeit)" in page

    person = User.objects.get(email="erika.muster@kreis.example")
    assert person.username == "erika.muster"
    assert (person.first_name, person.last_name) == ("Erika", "Muster")
    assert not person.has_usable_password()
    assert person.memberships.get().district == district

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["erika.muster@kreis.example"]
    assert message.subject == "Einladung zu Kreisintegration – Kreis Beispiel"
    assert "Ihre Rolle: KI-Mitarbeit" in message.body
    assert "Ihr Benutzername: erika.muster" in message.body
    assert "Bitte legen Sie über diesen Link Ihr Passwort fest" in message.body

    # The link sets the password; with it Erika logs in and sees the District.
    link = re.search(r"http://testserver(/konto/passwort-neu/\S+/)", message.body).group(1)
    erika = Client()
    form_url = erika.get(link)["Location"]
    new = "Integration-2026-Mettmann"
    response = erika.post(form_url, {"new_password1": new, "new_password2": new})
    # A member of one District is led to it: the login link carries it as next (issue 13).
    assert response["Location"] == "/konto/passwort-neu/fertig/?next=%2Fkreis-beispiel%2F"
    done = erika.get(response["Location"]).content.decode()
    assert 'href="/konto/anmelden/?next=/kreis-beispiel/"' in done
    response = erika.post(
        "/konto/anmelden/?next=/kreis-beispiel/",
        {"username": "erika.muster", "password": new, "next": "/kreis-beispiel/"},
    )
    assert response["Location"] == district.get_absolute_url()
    assert erika.get(district.get_absolute_url()).status_code == 200


def test_invite_derives_a_free_username(lead_client, district, ki_lead):
    factories.UserFactory(username="erika.muster", email="andere@kreis.example")
    invite(lead_client, district)
    assert User.objects.get(email="erika.muster@kreis.example").username == "erika.muster-2"


def test_invite_existing_user_adds_a_membership(lead_client, district, other_district, ki_lead):
    known = factories.MembershipFactory(
        district=other_district, user__username="karl", user__email="karl@kreis.example"
    ).user
    response = invite(lead_client, district, email="KARL@kreis.example", role=Role.COUNCIL)
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="karl@kreis.example").count() == 1
    assert known.memberships.get(district=district).role == Role.COUNCIL
    known.refresh_from_db()
    assert known.check_password(PASSWORD)  # their password is untouched
    body = mail.outbox[0].body
    assert "Sie haben bereits ein Benutzerkonto" in body
    assert "/konto/passwort-neu/" not in body


def test_invite_of_a_member_is_refused_in_german(lead_client, district, ki_staff):
    response = invite(lead_client, district, email=ki_staff.email)
    assert response.status_code == 200
    assert "Diese Person ist bereits Mitglied dieses Kreises" in response.content.decode()
    assert mail.outbox == []
    assert ki_staff.memberships.count() == 1


def test_invite_of_a_deactivated_member_points_to_reactivation(lead_client, district, ki_lead):
    gone = factories.MembershipFactory(district=district, is_active=False).user
    response = invite(lead_client, district, email=gone.email)
    assert "in der Mitgliederliste reaktivieren" in response.content.decode()


def test_liaison_needs_a_municipality(lead_client, district, ki_lead, municipality):
    response = invite(lead_client, district, role=Role.LIAISON)
    assert response.status_code == 200
    assert "Eine kommunale Ansprechperson braucht eine Kommune." in response.content.decode()
    assert not User.objects.filter(email="erika.muster@kreis.example").exists()
    assert mail.outbox == []

    response = invite(lead_client, district, role=Role.LIAISON, municipality=municipality.pk)
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="erika.muster@kreis.example")
    assert membership.municipality == municipality
    assert "Ihre Rolle: Kommunale Ansprechperson (Beispielstadt)" in mail.outbox[0].body


def test_other_roles_take_no_municipality(lead_client, district, ki_lead, municipality):
    response = invite(lead_client, district, role=Role.STAFF, municipality=municipality.pk)
    assert response.status_code == 200
    assert "Nur kommunale Ansprechpersonen sind an eine Kommune gebunden." in (
        response.content.decode()
    )
    assert not Membership.objects.filter(user__email="erika.muster@kreis.example").exists()


def test_municipality_of_another_district_is_refused(
    lead_client, district, other_district, ki_lead, municipality
):
    foreign = factories.MunicipalityFactory(district=other_district, name="Fremdstadt")
    page = lead_client.get(url(district, "einladen/")).content.decode()
    assert "Beispielstadt" in page and "Fremdstadt" not in page
    response = invite(lead_client, district, role=Role.LIAISON, municipality=foreign.pk)
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen" in response.content.decode()
    assert not User.objects.filter(email="erika.muster@kreis.example").exists()


def test_invite_with_a_bad_address_is_refused(lead_client, district, ki_lead):
    response = invite(lead_client, district, email="keine-adresse")
    assert response.status_code == 200
    assert "gültige E-Mail-Adresse" in response.content.decode()


# --- change role -------------------------------------------------------------------------


def test_change_role(lead_client, district, ki_lead, ki_staff, municipality):
    membership = ki_staff.memberships.get()
    page = lead_client.get(url(district, f"{membership.pk}/bearbeiten/")).content.decode()
    assert "Rolle von mitarbeit ändern" in page
    response = lead_client.post(
        url(district, f"{membership.pk}/bearbeiten/"),
        {"role": Role.LIAISON, "municipality": municipality.pk},
    )
    assert response["Location"] == url(district)
    membership.refresh_from_db()
    assert (membership.role, membership.municipality) == (Role.LIAISON, municipality)
    assert "Rolle von mitarbeit gespeichert: Kommunale Ansprechperson" in (
        lead_client.get(url(district)).content.decode()
    )


def test_change_role_of_a_liaison_needs_the_municipality_cleared(
    lead_client, district, ki_lead, liaison, municipality
):
    membership = liaison.memberships.get()
    response = lead_client.post(
        url(district, f"{membership.pk}/bearbeiten/"),
        {"role": Role.COUNCIL, "municipality": municipality.pk},
    )
    assert "Nur kommunale Ansprechpersonen sind an eine Kommune gebunden." in (
        response.content.decode()
    )
    response = lead_client.post(
        url(district, f"{membership.pk}/bearbeiten/"), {"role": Role.COUNCIL, "municipality": ""}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.municipality) == (Role.COUNCIL, None)


def test_the_last_lead_cannot_demote_themselves(lead_client, district, ki_lead):
    membership = ki_lead.memberships.get()
    response = lead_client.post(
        url(district, f"{membership.pk}/bearbeiten/"), {"role": Role.STAFF, "municipality": ""}
    )
    assert response.status_code == 200
    assert "Sie sind die letzte aktive KI-Leitung dieses Kreises" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.LEAD


def test_a_lead_may_step_down_when_another_lead_remains(lead_client, district, ki_lead):
    factories.MembershipFactory(district=district, role=Role.LEAD)
    membership = ki_lead.memberships.get()
    response = lead_client.post(
        url(district, f"{membership.pk}/bearbeiten/"), {"role": Role.STAFF, "municipality": ""}
    )
    assert response["Location"] == district.get_absolute_url()
    assert lead_client.get(url(district)).status_code == 403


def test_service_refuses_to_demote_the_last_lead_even_from_a_changed_instance(district, ki_lead):
    membership = ki_lead.memberships.get()
    membership.role = Role.STAFF  # as a bound ModelForm leaves it before the service runs
    with pytest.raises(ValidationError, match="letzte aktive KI-Leitung"):
        member_update(
            district=district,
            membership=membership,
            role=Role.STAFF,
            municipality=None,
            user=ki_lead,
        )


# --- deactivate / reactivate -------------------------------------------------------------


def test_deactivated_member_is_logged_out_and_gets_404(lead_client, district, ki_lead, ki_staff):
    staff_browser = logged_in_client(ki_staff)
    assert staff_browser.get(district.get_absolute_url()).status_code == 200
    staff_session = staff_browser.session.session_key
    membership = ki_staff.memberships.get()

    response = lead_client.post(url(district, f"{membership.pk}/deaktivieren/"))
    assert response["Location"] == url(district)
    assert "ist deaktiviert und wurde abgemeldet" in lead_client.get(url(district)).content.decode()
    membership.refresh_from_db()
    assert not membership.is_active

    # Their session is gone: the next request finds them logged out.
    assert not Session.objects.filter(session_key=staff_session).exists()
    response = staff_browser.get(district.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/")
    # Logging in again does not bring the District back.
    staff_browser = logged_in_client(ki_staff)
    assert staff_browser.get(district.get_absolute_url()).status_code == 404
    # The KI-Leitung stays logged in.
    assert lead_client.get(url(district)).status_code == 200


def test_reactivated_member_gets_the_district_back(lead_client, district, ki_lead, ki_staff):
    membership = ki_staff.memberships.get()
    member_deactivate(district=district, membership=membership, user=ki_lead)
    response = lead_client.post(url(district, f"{membership.pk}/reaktivieren/"))
    assert response.status_code == 302
    assert "mitarbeit ist wieder aktiv (KI-Mitarbeit)" in (
        lead_client.get(response["Location"]).content.decode()
    )
    assert logged_in_client(ki_staff).get(district.get_absolute_url()).status_code == 200


def test_the_last_lead_cannot_deactivate_themselves(lead_client, district, ki_lead):
    membership = ki_lead.memberships.get()
    response = lead_client.post(url(district, f"{membership.pk}/deaktivieren/"), follow=True)
    assert "Sie sind die letzte aktive KI-Leitung dieses Kreises" in response.content.decode()
    membership.refresh_from_db()
    assert membership.is_active
    assert lead_client.get(url(district)).status_code == 200


def test_a_lead_leaving_with_another_lead_left_is_logged_out(client, district, ki_lead):
    factories.MembershipFactory(district=district, role=Role.LEAD)
    browser = logged_in_client(ki_lead)
    membership = ki_lead.memberships.get()
    response = browser.post(url(district, f"{membership.pk}/deaktivieren/"), follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "Ihre Mitgliedschaft (Kreis Beispiel) ist deaktiviert." in response.content.decode()
    assert "_auth_user_id" not in browser.session
    membership.refresh_from_db()
    assert not membership.is_active


def test_deactivate_needs_post(lead_client, district, ki_staff, ki_lead):
    membership = ki_staff.memberships.get()
    assert lead_client.get(url(district, f"{membership.pk}/deaktivieren/")).status_code == 405
    membership.refresh_from_db()
    assert membership.is_active


def test_members_of_another_district_are_not_found(lead_client, district, ki_lead, other_member):
    pk = other_member.memberships.get().pk
    assert lead_client.get(url(district, f"{pk}/bearbeiten/")).status_code == 404
    assert lead_client.post(url(district, f"{pk}/deaktivieren/")).status_code == 404
    assert other_member.memberships.get().is_active


def test_invite_that_cannot_be_mailed_saves_nothing(lead_client, district, ki_lead, settings):
    # A mail server that refuses the connection (nothing listens on port 1).
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    response = invite(lead_client, district)
    assert response.status_code == 200
    assert "Die Einladung konnte nicht versandt werden" in response.content.decode()
    assert not User.objects.filter(email="erika.muster@kreis.example").exists()
