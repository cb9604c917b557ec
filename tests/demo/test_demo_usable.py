"""The four demo Districts work for their demo users: every main page answers as the rights
table allows (issue: "fully usable in a browser by their demo users")."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from accounts.rights import RIGHTS, Capability, Role
from districts.models import District

DEMO = ("maerkischer-kreis", "kreis-mettmann", "rhein-erft-kreis", "kreis-coesfeld")

# (URL name, extra kwargs from the District, capability the page needs)
PAGES = [
    ("workspace:home", lambda d: {}, Capability.READ),
    ("concepts:periods", lambda d: {}, Capability.READ),
    ("concepts:fields", lambda d: {}, Capability.READ),
    ("measures:list", lambda d: {}, Capability.READ),
    (
        "measures:detail",
        lambda d: {"pk": d.measures.filter(municipalities=None).first().pk},
        Capability.READ,
    ),
    ("actors:list", lambda d: {}, Capability.READ),
    ("actors:detail", lambda d: {"pk": d.actors.first().pk}, Capability.READ),
    ("actors:glossary", lambda d: {}, Capability.READ),
    ("actors:committees", lambda d: {}, Capability.READ),
    ("workspace:staffing", lambda d: {}, Capability.READ_CONTROLLING),
    ("concepts:versions", lambda d: {}, Capability.READ),
    (
        "concepts:version_detail",
        lambda d: {"pk": d.concept.versions.filter(status="beschlossen").first().pk},
        Capability.READ,
    ),
    ("workspace:compliance", lambda d: {}, Capability.READ_CONTROLLING),
    ("accounts:members", lambda d: {}, Capability.MANAGE_MEMBERS),
]


@pytest.mark.django_db
def test_every_demo_user_reaches_what_the_rights_table_grants(client):
    call_command("load_demo", verbosity=0)
    for slug in DEMO:
        district = District.objects.get(slug=slug)
        liaison = User.objects.filter(
            memberships__district=district, memberships__role=Role.LIAISON
        ).first()
        users = {
            Role.LEAD: User.objects.get(username=f"leitung.{slug}"),
            Role.STAFF: User.objects.get(username=f"ki.{slug}"),
            Role.COUNCIL: User.objects.get(username=f"kreistag.{slug}"),
            Role.LIAISON: liaison,
            "land": User.objects.get(username="land"),
        }
        urls = [
            (name, reverse(name, kwargs={"district_slug": slug, **kwargs(district)}), cap)
            for name, kwargs, cap in PAGES
        ]
        for role, user in users.items():
            client.logout()
            login = client.post(
                reverse("accounts:login"), {"username": user.username, "password": "demo"}
            )
            assert login.status_code == 302, f"{user.username} cannot log in with „demo“"
            for name, url, capability in urls:
                status = client.get(url).status_code
                expected = 200 if role in RIGHTS[capability] else 403
                assert status == expected, f"{slug} {role} {name}: {status}"


@pytest.mark.django_db
def test_demo_dashboards_show_a_living_state(client):
    call_command("load_demo", verbosity=0)
    client.force_login(User.objects.get(username="ki.kreis-mettmann"))
    page = client.get("/kreis-mettmann/").content.decode()
    assert "2025/26" in page  # the current work period
    assert "Integration durch Bildung" in page and "Förderfähigkeit" in page
