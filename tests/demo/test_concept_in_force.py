"""Issue 14 on the loaded demo: Kreis Mettmann's 2015 concept is in force while its
Fortschreibung is prepared – the checklist's § 8 rule passes, the age rule measures the 2015
concept, and the dashboard and the public page name it."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from districts.models import District
from workspace import compliance

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 6)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_mettmann_2015_in_force_fortschreibung_in_progress(client):
    call_command("load_demo", verbosity=0)
    district = District.objects.get(slug="kreis-mettmann")

    state = compliance.concept_state(district, TODAY)
    assert state.in_force.title == "Integrationskonzept für den Kreis Mettmann 2015"
    assert state.in_force.decided_on == datetime.date(2015, 6, 22)
    assert state.draft.title == "Integrationskonzept für den Kreis Mettmann – Fortschreibung 2026"

    rules = {r.code: r for r in compliance.checklist(district, today=TODAY)}
    assert rules["beschluss"].passed, rules["beschluss"].failures
    # The age rule measures the concept in force (default 3 years, LaKI).
    assert [f.label for f in rules["aktualitaet"].failures] == [
        "Integrationskonzept für den Kreis Mettmann 2015: beschlossen am 22.06.2015, "
        "Überprüfung fällig seit 22.06.2018"
    ]

    client.force_login(User.objects.get(username="leitung.kreis-mettmann"))
    page = text(client.get(reverse("workspace:compliance", args=[district.slug])).content.decode())
    assert "Erfüllt: Ein vom Kreistag beschlossenes Konzept ist in Kraft" in page
    assert "In Kraft Integrationskonzept für den Kreis Mettmann 2015" in page
    assert (
        "In Vorbereitung Integrationskonzept für den Kreis Mettmann – Fortschreibung 2026" in page
    )

    home = text(client.get(reverse("workspace:home", args=[district.slug])).content.decode())
    assert "In Kraft Integrationskonzept für den Kreis Mettmann 2015" in home
    assert (
        "In Vorbereitung Integrationskonzept für den Kreis Mettmann – Fortschreibung 2026" in home
    )

    client.logout()
    public = text(client.get(reverse("public:start", args=[district.slug])).content.decode())
    assert "Gültig ist Integrationskonzept für den Kreis Mettmann 2015" in public
    assert "Fortschreibung 2026" not in public


def test_days_the_seeds_do_not_give_are_marked_as_assumed(client):
    # Issue 14: "dates the seeds do not give are either left out or marked in the UI as
    # assumed". Seed 001 gives only "im Dezember 2014" and only the Vorlage of 2007.
    call_command("load_demo", verbosity=0)
    district = District.objects.get(slug="kreis-mettmann")
    client.force_login(User.objects.get(username="leitung.kreis-mettmann"))
    versions = {v.number: v for v in district.concept.versions.all()}
    page = text(
        client.get(
            reverse("concepts:version_detail", args=[district.slug, versions[2].pk])
        ).content.decode()
    )
    assert "Beschluss des Kreistags am 22.06.2015 ·" in page  # from the seed: not marked
    assert "dem Land vorgelegt am 01.12.2014 (Tag angenommen)" in page
    assert "„bereits im Dezember 2014 dem Ministerium vorgelegt“" in page
    page = text(
        client.get(
            reverse("concepts:version_detail", args=[district.slug, versions[1].pk])
        ).content.decode()
    )
    assert "Beschluss des Kreistags am 17.12.2007 (Tag angenommen)" in page
    assert "Beschluss nachträglich erfasst, ohne Vorlage" in page
    listing = text(client.get(reverse("concepts:versions", args=[district.slug])).content.decode())
    assert listing.count("(Tag angenommen)") == 2
