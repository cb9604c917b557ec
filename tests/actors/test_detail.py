"""The actor page: public data for every role, contact persons only for KI staff (DSGVO)."""

import pytest
from django.urls import reverse

from tests import factories


@pytest.fixture
def actor(district, municipality):
    actor = factories.ActorFactory(
        district=district,
        name="AWO Kreisverband",
        description="Beratung für Familien.",
        website="https://awo.example.org",
        address="Hauptstraße 1, 40721 Hilden",
        is_published=True,
    )
    group = factories.TargetGroupFactory(district=district, name="Neu zugewanderte Familien")
    actor.target_groups.add(group)
    offer = factories.OfferFactory(
        actor=actor, title="Rucksack KiTa", description="Elternbildung", is_published=True
    )
    offer.target_groups.add(group)
    offer.municipalities.add(municipality)
    factories.ContactPersonFactory(
        actor=actor,
        name="Aylin Demir",
        function="Fachbereichsleitung",
        email="a.demir@awo.example.org",
        phone="+49 2103 1234",
        consents_to_publication=True,
    )
    return actor


def detail(client, actor):
    response = client.get(reverse("actors:detail", args=[actor.district.slug, actor.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", ["council_member", "liaison", "land_user"])
def test_contacts_hidden_from_council_liaison_and_land(client, actor, role, request):
    client.force_login(request.getfixturevalue(role))
    html = detail(client, actor)
    assert "AWO Kreisverband" in html and "Beratung für Familien." in html
    assert "Rucksack KiTa" in html and "Neu zugewanderte Familien" in html
    assert "Beispielstadt" in html  # the offer's municipality
    assert "Aylin Demir" not in html
    assert "a.demir@awo.example.org" not in html
    assert "2103 1234" not in html
    assert "Ansprechpersonen" not in html
    assert "Akteur bearbeiten" not in html


@pytest.mark.parametrize("role", ["ki_staff", "ki_lead"])
def test_contacts_shown_to_ki_staff(client, actor, role, request):
    client.force_login(request.getfixturevalue(role))
    html = detail(client, actor)
    assert "Aylin Demir" in html and "Fachbereichsleitung" in html
    assert "a.demir@awo.example.org" in html and "+49 2103 1234" in html
    assert "Daten exportieren" in html and "Löschen (DSGVO)" in html
    assert "Akteur bearbeiten" in html


def test_measures_and_committees_of_the_actor(client, district, municipality, actor, ki_staff):
    factories.MeasureFactory(district=district, title="Griffbereit", lead_actor=actor)
    partnered = factories.MeasureFactory(district=district, title="Sprachcafé")
    partnered.partner_actors.add(actor)
    factories.MeasureFactory(district=district, title="Fremde Maßnahme")
    factories.CommitteeFactory(district=district, name="Integrationsausschuss").members.add(actor)
    client.force_login(ki_staff)
    html = detail(client, actor)
    assert "Federführend (1)" in html and "Griffbereit" in html
    assert "Als Partner (1)" in html and "Sprachcafé" in html
    assert "Fremde Maßnahme" not in html
    assert "Integrationsausschuss" in html


def test_liaison_sees_only_measures_of_own_municipality_or_kreisweit(
    client, district, municipality, actor, liaison
):
    elsewhere = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    own = factories.MeasureFactory(district=district, title="Hier", lead_actor=actor)
    own.municipalities.add(municipality)
    factories.MeasureFactory(district=district, title="Kreisweit", lead_actor=actor)
    other = factories.MeasureFactory(district=district, title="Dort", lead_actor=actor)
    other.municipalities.add(elsewhere)
    client.force_login(liaison)
    html = detail(client, actor)
    assert "Hier" in html and "Kreisweit" in html
    assert "Dort" not in html
    assert "Federführend (2)" in html


def test_actor_of_another_district_is_not_found(client, other_district, ki_staff):
    foreign = factories.ActorFactory(district=other_district)
    client.force_login(ki_staff)
    url = reverse("actors:detail", args=["kreis-beispiel", foreign.pk])
    assert client.get(url).status_code == 404
