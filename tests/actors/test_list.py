"""The actor list: filters, pagination and the Kooperationsgebot card (Eckpunktepapier, seed 002)."""

import pytest
from django.urls import reverse

from actors.models import ActorType
from actors.queries import missing_mandatory_types
from tests import factories


def list_url(district, **params):
    url = reverse("actors:list", args=[district.slug])
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return url


def actor_type(code):
    return ActorType.objects.get(code=code)


@pytest.fixture
def actors(district, municipality):
    field = factories.FieldOfActionFactory(district=district, name="Sprache")
    caritas = factories.ActorFactory(
        district=district, name="Caritasverband", type=actor_type("wohlfahrtsverband")
    )
    caritas.fields_of_action.add(field)
    factories.OfferFactory(actor=caritas, title="Migrationsberatung")
    factories.OfferFactory(actor=caritas, title="Sprachcafé")
    schulamt = factories.ActorFactory(
        district=district,
        name="Schulamt für den Kreis",
        type=actor_type("schulaufsicht"),
        municipality=municipality,
    )
    return {"field": field, "caritas": caritas, "schulamt": schulamt}


def test_list_shows_type_municipality_fields_and_offer_count(
    client, district, actors, council_member
):
    client.force_login(council_member)
    html = client.get(list_url(district)).content.decode()
    assert "Caritasverband" in html and "Schulamt für den Kreis" in html
    assert "Wohlfahrtsverband" in html and "Untere Schulaufsicht (Schulamt)" in html
    assert "kreisweit" in html and "Beispielstadt" in html
    assert "Sprache" in html
    assert '<td class="text-end">2</td>' in html  # Caritas has two offers
    assert "2 Akteure" in html


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"type": "TYPE"}, "Caritasverband", "Schulamt für den Kreis"),
        ({"municipality": "kreisweit"}, "Caritasverband", "Schulamt für den Kreis"),
        ({"municipality": "MUNICIPALITY"}, "Schulamt für den Kreis", "Caritasverband"),
        ({"field_of_action": "FIELD"}, "Caritasverband", "Schulamt für den Kreis"),
        ({"q": "schulamt"}, "Schulamt für den Kreis", "Caritasverband"),
        ({"q": "Sprachcaf"}, "Caritasverband", "Schulamt für den Kreis"),  # an offer's title
    ],
)
def test_filters(client, district, municipality, actors, ki_staff, params, shown, hidden):
    values = {
        "TYPE": actor_type("wohlfahrtsverband").pk,
        "MUNICIPALITY": municipality.pk,
        "FIELD": actors["field"].pk,
    }
    params = {k: values.get(v, v) for k, v in params.items()}
    client.force_login(ki_staff)
    response = client.get(list_url(district, **params))
    html = response.content.decode()
    assert response.status_code == 200
    assert f">{shown}</a>" in html
    assert f">{hidden}</a>" not in html
    assert "(gefiltert)" in html and "Filter zurücksetzen" in html


def test_invalid_filter_values_are_no_error(client, district, actors, ki_staff):
    client.force_login(ki_staff)
    response = client.get(
        list_url(district, type="9" * 30, field_of_action="abc", municipality="x")
    )
    assert response.status_code == 200


def test_other_districts_actors_are_not_listed(client, district, other_district, actors, ki_staff):
    factories.ActorFactory(district=other_district, name="Fremder Akteur")
    client.force_login(ki_staff)
    assert "Fremder Akteur" not in client.get(list_url(district)).content.decode()


def test_list_is_paginated_by_25(client, district, ki_staff):
    for i in range(30):
        factories.ActorFactory(district=district, name=f"Verein {i:02d}")
    client.force_login(ki_staff)
    first = client.get(list_url(district)).content.decode()
    assert "Verein 24" in first and "Verein 25" not in first
    assert "Seite 1 von 2" in first and 'aria-current="page"' in first
    second = client.get(list_url(district, page=2)).content.decode()
    assert "Verein 25" in second and "Verein 29" in second


def test_one_missing_mandatory_type_is_named(client, district, ki_staff):
    mandatory = list(ActorType.objects.filter(is_mandatory=True))
    missing = next(t for t in mandatory if t.code == "integrationsrat")
    for t in mandatory:
        if t != missing:
            factories.ActorFactory(district=district, type=t)
    # Another District's Integrationsrat does not count for this one.
    factories.ActorFactory(type=missing)

    assert list(missing_mandatory_types(district)) == [missing]
    client.force_login(ki_staff)
    html = client.get(list_url(district)).content.decode()
    assert "Noch nicht vertreten (1)" in html
    assert f'<span class="badge text-bg-warning">fehlt</span> {missing.name}' in html
    assert f"Vertreten ({len(mandatory) - 1})" in html


def test_all_mandatory_types_present(client, district, council_member):
    for t in ActorType.objects.filter(is_mandatory=True):
        factories.ActorFactory(district=district, type=t)
    assert not missing_mandatory_types(district).exists()
    client.force_login(council_member)
    html = client.get(list_url(district)).content.decode()
    assert "alle vertreten" in html
    assert "Noch nicht vertreten" not in html


def test_empty_district_misses_every_mandatory_type(district):
    assert (
        missing_mandatory_types(district).count()
        == ActorType.objects.filter(is_mandatory=True).count()
    )


def test_edit_buttons_only_for_editors(client, district, ki_staff, land_user):
    client.force_login(land_user)
    assert "Akteur anlegen" not in client.get(list_url(district)).content.decode()
    client.force_login(ki_staff)
    assert "Akteur anlegen" in client.get(list_url(district)).content.decode()
