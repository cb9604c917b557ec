"""A member's personal calendar subscription link (actors/subscription.py): a calendar program
fetches the feed without a session, so the signed link stands in for the login."""

import re

import pytest
from django.urls import reverse

from accounts.models import Membership
from accounts.rights import Role
from actors.subscription import subscription_token
from tests import factories

from .test_ical import BERLIN_17H, feed, summaries

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(district):
    committee = factories.CommitteeFactory(district=district, name="Kreistag")
    factories.MeetingFactory(committee=committee, start=BERLIN_17H)
    factories.MeetingFactory(
        committee=committee, start=BERLIN_17H.replace(day=BERLIN_17H.day + 1), is_public=False
    )
    return committee


def link_on_page(client, district) -> str:
    html = client.get(reverse("actors:committees", args=[district.slug])).content.decode()
    match = re.search(r'id="abo-link"[^>]*value="([^"]+)"', html)
    assert match, "no subscription link on the committees page"
    return match.group(1).replace("http://testserver", "")


def test_the_link_on_the_page_works_without_a_session(client, district, ki_staff, meetings):
    client.force_login(ki_staff)
    url = link_on_page(client, district)
    client.logout()
    calendar, events = feed(client, url)
    assert summaries(events) == ["Kreistag: Sitzung", "Kreistag: Sitzung (nichtöffentlich)"]
    assert "intern" in calendar["X-WR-CALNAME"]


def test_the_role_decides_what_the_link_shows(client, district, council_member, meetings):
    client.force_login(council_member)
    url = link_on_page(client, district)
    client.logout()
    _calendar, events = feed(client, url)
    assert summaries(events) == ["Kreistag: Sitzung"]


def test_a_renewed_link_replaces_the_old_one(client, district, ki_staff, meetings):
    client.force_login(ki_staff)
    old = link_on_page(client, district)
    response = client.post(
        reverse("actors:meetings_subscription_renew", args=[district.slug]), follow=True
    )
    assert "Der bisherige Link funktioniert nicht mehr." in response.content.decode()
    new = link_on_page(client, district)
    assert new != old
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_ending_the_membership_ends_the_link(client, district, ki_staff, meetings):
    membership = Membership.objects.get(user=ki_staff, district=district)
    url = reverse(
        "papers:meetings_subscription",
        args=[district.slug, subscription_token(membership)],
    )
    assert client.get(url).status_code == 200
    membership.is_active = False
    membership.save()
    assert client.get(url).status_code == 404
    membership.is_active = True
    membership.save()
    ki_staff.is_active = False
    ki_staff.save()
    assert client.get(url).status_code == 404


def test_forged_and_foreign_links_are_404(client, district, other_district, ki_staff):
    membership = Membership.objects.get(user=ki_staff, district=district)
    token = subscription_token(membership)
    for slug, forged in [
        (district.slug, "kein-gueltiger-link"),
        (district.slug, token[:-2] + ("AA" if not token.endswith("AA") else "BB")),
        (other_district.slug, token),  # a link of one District under another's slug
    ]:
        url = reverse("papers:meetings_subscription", args=[slug, forged])
        assert client.get(url).status_code == 404, forged


def test_land_users_have_no_personal_link_but_can_download(client, district, land_user):
    client.force_login(land_user)
    html = client.get(reverse("actors:committees", args=[district.slug])).content.decode()
    assert 'id="abo-link"' not in html
    assert reverse("papers:meetings_ical", args=[district.slug]) in html
    response = client.post(
        reverse("actors:meetings_subscription_renew", args=[district.slug]), follow=True
    )
    assert "Abo-Links gibt es für Mitglieder des Kreises." in response.content.decode()


def test_a_liaison_gets_a_link_too(client, district, liaison, meetings):
    assert Membership.objects.get(user=liaison).role == Role.LIAISON
    client.force_login(liaison)
    url = link_on_page(client, district)
    client.logout()
    _calendar, events = feed(client, url)
    assert summaries(events) == ["Kreistag: Sitzung"]


def test_reactivating_a_member_does_not_revive_the_old_link(
    client, district, ki_lead, ki_staff, meetings
):
    # Issue 15: a link handed on while the member was gone must stay dead.
    membership = Membership.objects.get(user=ki_staff, district=district)
    old = reverse(
        "papers:meetings_subscription", args=[district.slug, subscription_token(membership)]
    )
    client.force_login(ki_lead)
    client.post(reverse("accounts:member_deactivate", args=[district.slug, membership.pk]))
    client.post(reverse("accounts:member_reactivate", args=[district.slug, membership.pk]))
    membership.refresh_from_db()
    assert membership.is_active
    client.logout()
    assert client.get(old).status_code == 404
    new = reverse(
        "papers:meetings_subscription", args=[district.slug, subscription_token(membership)]
    )
    assert client.get(new).status_code == 200
