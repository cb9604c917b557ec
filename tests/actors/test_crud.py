"""Creating, changing and deleting actors, offers and contact persons through the pages."""

import pytest
from django.urls import reverse

from actors.models import Actor, ActorType, ContactPerson, Offer
from tests import factories


def url(name, district, *args):
    return reverse(f"actors:{name}", args=[district.slug, *args])


@pytest.fixture
def editor(client, ki_staff):
    client.force_login(ki_staff)
    return client


def actor_data(**overrides):
    data = {
        "name": "Caritasverband für den Kreis",
        "type": ActorType.objects.get(code="wohlfahrtsverband").pk,
        "municipality": "",
        "description": "Fachdienst Integration und Migration",
        "website": "caritas.example.org",
        "address": "Kirchplatz 2",
        "is_published": "on",
    }
    data.update(overrides)
    return data


def test_actor_round_trip(editor, district, municipality):
    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    response = editor.post(
        url("create", district),
        actor_data(municipality=municipality.pk, fields_of_action=[field.pk]),
    )
    actor = district.actors.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", district, actor.pk)
    assert actor.municipality == municipality
    assert actor.website == "https://caritas.example.org"
    assert list(actor.fields_of_action.all()) == [field]
    assert actor.is_published

    page = editor.get(response["Location"]).content.decode()
    assert "Akteur gespeichert." in page and "Caritasverband für den Kreis" in page

    response = editor.post(
        url("update", district, actor.pk), actor_data(name="Caritas im Kreis", is_published="")
    )
    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.name == "Caritas im Kreis" and not actor.is_published
    assert actor.municipality is None  # kreisweit
    assert actor.history.count() == 2

    response = editor.post(url("delete", district, actor.pk))
    assert response.status_code == 302
    assert response["Location"] == url("list", district)
    assert not district.actors.exists()


def test_duplicate_actor_name_is_a_field_error(editor, district):
    factories.ActorFactory(district=district, name="Jugendamt")
    response = editor.post(url("create", district), actor_data(name="jugendamt"))
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "Einen Akteur mit diesem Namen gibt es bereits."
    ]
    html = response.content.decode()
    assert 'id="error_1_id_name"' in html  # next to the field
    assert district.actors.count() == 1


def test_same_name_in_another_district_is_fine(editor, district, other_district):
    factories.ActorFactory(district=other_district, name="Jugendamt")
    assert editor.post(url("create", district), actor_data(name="Jugendamt")).status_code == 302


def test_bad_actor_input_gives_german_errors(editor, district, other_district):
    foreign_field = factories.FieldOfActionFactory(district=other_district)
    response = editor.post(
        url("create", district),
        actor_data(
            name="", website="kein link", type="9" * 30, fields_of_action=[foreign_field.pk]
        ),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["name"] == ["Dieses Feld ist zwingend erforderlich."]
    assert errors["website"] == ["Bitte eine gültige Internetadresse angeben."]
    assert "type" in errors and "fields_of_action" in errors
    assert not Actor.objects.exists()


def test_actor_with_measures_cannot_be_deleted(editor, district):
    actor = factories.ActorFactory(district=district, name="Kommunales Jobcenter")
    factories.MeasureFactory(district=district, lead_actor=actor)
    factories.MeasureFactory(district=district).partner_actors.add(actor)
    response = editor.post(url("delete", district, actor.pk), follow=True)
    html = response.content.decode()
    assert "kann nicht gelöscht werden" in html
    assert "federführend: 1, als Partner: 1" in html
    assert district.actors.filter(pk=actor.pk).exists()


def test_offer_round_trip(editor, district, municipality):
    actor = factories.ActorFactory(district=district)
    group = factories.TargetGroupFactory(district=district, name="Eltern")
    response = editor.post(
        url("offer_create", district, actor.pk),
        {
            "title": "Griffbereit",
            "description": "Eltern-Kind-Gruppen",
            "target_groups": [group.pk],
            "municipalities": [municipality.pk],
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    offer = actor.offers.get()
    assert list(offer.target_groups.all()) == [group]
    assert list(offer.municipalities.all()) == [municipality]

    response = editor.post(url("offer_update", district, offer.pk), {"title": "Griffbereit 2.0"})
    offer.refresh_from_db()
    assert offer.title == "Griffbereit 2.0" and not offer.municipalities.exists()

    bad = editor.post(url("offer_update", district, offer.pk), {"title": ""})
    assert bad.context["form"].errors["title"] == ["Dieses Feld ist zwingend erforderlich."]

    editor.post(url("offer_delete", district, offer.pk))
    assert not Offer.objects.exists()


def test_contact_round_trip(editor, district):
    actor = factories.ActorFactory(district=district)
    data = {
        "name": "Fatma Arslan",
        "function": "Fachdienst Integration",
        "email": "f.arslan@example.org",
        "phone": "+49 2233 7990-31",
        "consents_to_publication": "on",
        "consent_date": "2025-03-01",
    }
    response = editor.post(url("contact_create", district, actor.pk), data)
    assert response.status_code == 302
    contact = actor.contacts.get()
    assert contact.email == "f.arslan@example.org" and contact.consent_date.year == 2025

    response = editor.post(
        url("contact_update", district, contact.pk), {**data, "function": "Leitung"}
    )
    contact.refresh_from_db()
    assert contact.function == "Leitung"

    response = editor.post(url("contact_delete", district, contact.pk))
    assert response.status_code == 302
    assert not ContactPerson.objects.exists()


def test_bad_contact_input_gives_german_errors(editor, district):
    actor = factories.ActorFactory(district=district)
    response = editor.post(
        url("contact_create", district, actor.pk),
        {
            "name": "Markus Jansen",
            "email": "keine-adresse",
            "phone": "ruf mich an",
            "consents_to_publication": "on",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["email"] == ["Bitte eine gültige E-Mail-Adresse angeben."]
    assert errors["phone"][0].startswith("Bitte eine Telefonnummer")
    assert errors["consent_date"] == ["Bitte das Datum der Einwilligung angeben."]
    assert "Bitte eine gültige E-Mail-Adresse angeben." in response.content.decode()
    assert not ContactPerson.objects.exists()


@pytest.mark.parametrize("role", ["council_member", "liaison", "land_user"])
def test_only_editors_may_write(client, district, role, request):
    actor = factories.ActorFactory(district=district, name="Bleibt")
    client.force_login(request.getfixturevalue(role))
    assert client.post(url("create", district), actor_data()).status_code == 403
    assert client.post(url("delete", district, actor.pk)).status_code == 403
    assert list(district.actors.values_list("name", flat=True)) == ["Bleibt"]


def test_objects_of_another_district_cannot_be_changed(editor, district, other_district):
    offer = factories.OfferFactory(actor__district=other_district, title="Fremd")
    response = editor.post(url("offer_update", district, offer.pk), {"title": "Übernommen"})
    assert response.status_code == 404
    offer.refresh_from_db()
    assert offer.title == "Fremd"
