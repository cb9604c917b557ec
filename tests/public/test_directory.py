"""The public directory: search (case and umlauts folded), filters, pagination, 404s."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def directory(client, district, **query):
    return client.get(reverse("public:directory", args=[district.slug]), query)


def names(response) -> list[str]:
    return [actor.name for actor in response.context["actors"]]


def test_no_login_needed_and_only_published_actors(client, district):
    factories.ActorFactory(district=district, name="Caritas Beispielstadt", is_published=True)
    factories.ActorFactory(district=district, name="Interner Arbeitskreis")
    response = directory(client, district)
    assert response.status_code == 200
    assert names(response) == ["Caritas Beispielstadt"]
    assert "1 Akteur" in response.content.decode()


@pytest.mark.parametrize("query", ["straße", "STRASSE", "Strasse", "fluechtling", "FLÜCHT"])
def test_search_ignores_case_and_umlauts(client, district, query):
    actor = factories.ActorFactory(
        district=district,
        name="Flüchtlingshilfe",
        address="Hauptstraße 1",
        is_published=True,
    )
    factories.ActorFactory(district=district, name="Sportverein", is_published=True)
    assert names(directory(client, district, q=query)) == [actor.name]


def test_search_finds_published_offers_only(client, district):
    actor = factories.ActorFactory(district=district, name="Familienzentrum", is_published=True)
    factories.OfferFactory(actor=actor, title="Sprachcafé für Mütter", is_published=True)
    factories.OfferFactory(actor=actor, title="Geheimer Entwurf Nähkurs")
    assert names(directory(client, district, q="sprachcafe")) == []  # é is not e
    assert names(directory(client, district, q="Sprachcafé")) == ["Familienzentrum"]
    assert names(directory(client, district, q="Nähkurs")) == []
    html = directory(client, district).content.decode()
    assert "Sprachcafé für Mütter" in html
    assert "Geheimer Entwurf" not in html


def test_filter_by_municipality_keeps_kreisweit_actors(client, district, municipality):
    other = factories.MunicipalityFactory(district=district, name="Nachbarstadt")
    factories.ActorFactory(
        district=district, name="Vor Ort", municipality=municipality, is_published=True
    )
    factories.ActorFactory(district=district, name="Kreisweit", is_published=True)
    factories.ActorFactory(district=district, name="Nebenan", municipality=other, is_published=True)
    serving = factories.ActorFactory(
        district=district, name="Mit Angebot", municipality=other, is_published=True
    )
    offer = factories.OfferFactory(actor=serving, is_published=True)
    offer.municipalities.add(municipality)
    assert names(directory(client, district, gemeinde=municipality.pk)) == [
        "Kreisweit",
        "Mit Angebot",
        "Vor Ort",
    ]


def test_filter_by_field_of_action_and_target_group(client, district):
    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    group = factories.TargetGroupFactory(district=district, name="Neuzugewanderte")
    a = factories.ActorFactory(district=district, name="Sprachschule", is_published=True)
    a.fields_of_action.add(field)
    b = factories.ActorFactory(district=district, name="Beratung", is_published=True)
    offer = factories.OfferFactory(actor=b, is_published=True)
    offer.target_groups.add(group)
    hidden = factories.ActorFactory(district=district, name="Nur Entwurf", is_published=True)
    factories.OfferFactory(actor=hidden).target_groups.add(group)  # unpublished offer
    factories.ActorFactory(district=district, name="Anderes", is_published=True)
    assert names(directory(client, district, handlungsfeld=field.pk)) == ["Sprachschule"]
    assert names(directory(client, district, zielgruppe=group.pk)) == ["Beratung"]


def test_foreign_or_garbage_filters_are_ignored(client, district, other_district):
    foreign = factories.FieldOfActionFactory(district=other_district)
    factories.ActorFactory(district=district, name="Sichtbar", is_published=True)
    for value in (foreign.pk, "abc", "9" * 30):
        response = directory(client, district, handlungsfeld=value)
        assert response.status_code == 200
        assert names(response) == ["Sichtbar"]


def test_directory_is_paginated(client, district):
    for i in range(25):
        factories.ActorFactory(district=district, name=f"Akteur {i:02d}", is_published=True)
    first = directory(client, district)
    assert len(names(first)) == 20
    assert 'aria-current="page"' in first.content.decode()
    assert names(directory(client, district, page=2)) == [f"Akteur {i}" for i in range(20, 25)]


def test_actor_page_shows_offers_and_only_consenting_contacts(client, district):
    actor = factories.ActorFactory(district=district, name="AWO", is_published=True)
    factories.OfferFactory(actor=actor, title="Hausaufgabenhilfe", is_published=True)
    factories.ContactPersonFactory(
        actor=actor, name="Frau Zustimmung", consents_to_publication=True
    )
    factories.ContactPersonFactory(actor=actor, name="Herr Ohnezustimmung")
    html = client.get(reverse("public:actor", args=[district.slug, actor.pk])).content.decode()
    assert "Hausaufgabenhilfe" in html
    assert "Frau Zustimmung" in html
    assert "Herr Ohnezustimmung" not in html


def test_unknown_district_and_other_districts_actor_are_404(client, district, other_district):
    foreign = factories.ActorFactory(district=other_district, is_published=True)
    assert client.get("/oeffentlich/gibt-es-nicht/").status_code == 404
    assert client.get("/oeffentlich/gibt-es-nicht/akteure/").status_code == 404
    url = reverse("public:actor", args=[district.slug, foreign.pk])
    assert client.get(url).status_code == 404
