"""Handlungsfelder and target groups, chosen locally (e.g. Mettmann 2015: Sprache, Sport, …)."""

import re

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_fields_list_with_counts_and_cross_cutting_marker(client, district, council_member):
    sprache = factories.FieldOfActionFactory(
        district=district, name="Sprache", description="Sprachförderung von Anfang an"
    )
    factories.FieldOfActionFactory(district=district, name="Vernetzung", is_cross_cutting=True)
    factories.FieldOfActionFactory(name="Fremdes Feld")  # another District
    group = factories.TargetGroupFactory(district=district, name="Neu zugewanderte Familien")
    for _ in range(3):
        measure = factories.MeasureFactory(district=district, field_of_action=sprache)
        measure.target_groups.add(group)
    factories.MeasureFactory(district=district, field_of_action=sprache, is_archived=True)
    actor = factories.ActorFactory(district=district)
    actor.fields_of_action.add(sprache)
    actor.target_groups.add(group)

    client.force_login(council_member)
    html = text(client.get(reverse("concepts:fields", args=[district.slug])).content.decode())
    assert "Sprache Sprachförderung von Anfang an Handlungsfeld 3 1" in html
    assert "Vernetzung – Querschnittsaspekt 0 0" in html
    assert "Neu zugewanderte Familien – 3 1" in html
    assert "Fremdes Feld" not in html
    assert "Neues Handlungsfeld" not in html  # council members only read


def test_liaison_counts_only_measures_they_may_see(client, district, municipality, liaison):
    field = factories.FieldOfActionFactory(district=district, name="Sport")
    other = factories.MunicipalityFactory(district=district)
    factories.MeasureFactory(district=district, field_of_action=field)  # kreisweit
    factories.MeasureFactory(district=district, field_of_action=field).municipalities.add(
        municipality
    )
    factories.MeasureFactory(district=district, field_of_action=field).municipalities.add(other)
    client.force_login(liaison)
    response = client.get(reverse("concepts:fields", args=[district.slug]))
    assert [f.measure_count for f in response.context["fields"]] == [2]


def test_create_and_update_a_field(client, district, ki_staff):
    client.force_login(ki_staff)
    response = client.post(
        reverse("concepts:field_create", args=[district.slug]),
        {"name": "Wirtschaft und Arbeit", "description": "", "order": "3"},
    )
    assert response.status_code == 302
    field = district.fields_of_action.get()
    assert (field.name, field.order, field.is_cross_cutting) == ("Wirtschaft und Arbeit", 3, False)
    response = client.post(
        reverse("concepts:field_update", args=[district.slug, field.pk]),
        {"name": "Wirtschaft und Arbeit", "is_cross_cutting": "on"},
    )
    assert response.status_code == 302
    field.refresh_from_db()
    assert field.is_cross_cutting and field.order == 0


def test_duplicate_field_name_is_a_german_error_next_to_the_field(client, district, ki_staff):
    factories.FieldOfActionFactory(district=district, name="Sprache")
    client.force_login(ki_staff)
    response = client.post(
        reverse("concepts:field_create", args=[district.slug]), {"name": "sprache "}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "Ein Handlungsfeld mit diesem Namen gibt es in diesem Kreis bereits."
    ]
    assert "Ein Handlungsfeld mit diesem Namen gibt es in diesem Kreis bereits." in (
        response.content.decode()
    )
    assert district.fields_of_action.count() == 1


def test_same_name_in_another_district_is_fine(client, district, ki_staff):
    factories.FieldOfActionFactory(name="Sprache")
    client.force_login(ki_staff)
    response = client.post(
        reverse("concepts:field_create", args=[district.slug]), {"name": "Sprache"}
    )
    assert response.status_code == 302


def test_renaming_onto_another_field_is_refused(client, district, ki_staff):
    factories.FieldOfActionFactory(district=district, name="Sport")
    kultur = factories.FieldOfActionFactory(district=district, name="Kultur")
    client.force_login(ki_staff)
    response = client.post(
        reverse("concepts:field_update", args=[district.slug, kultur.pk]), {"name": "Sport"}
    )
    assert "Ein Handlungsfeld mit diesem Namen gibt es" in response.content.decode()
    kultur.refresh_from_db()
    assert kultur.name == "Kultur"


def test_a_field_with_measures_is_not_deleted(client, district, ki_staff):
    field = factories.FieldOfActionFactory(district=district, name="Sport")
    factories.MeasureFactory(district=district, field_of_action=field)
    client.force_login(ki_staff)
    url = reverse("concepts:field_delete", args=[district.slug, field.pk])
    assert "weil ihm noch 1 Maßnahme zugeordnet ist" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "kann nicht gelöscht werden" in response.content.decode()
    assert district.fields_of_action.exists()


def test_an_unused_field_is_deleted(client, district, ki_staff):
    field = factories.FieldOfActionFactory(district=district, name="Sport")
    client.force_login(ki_staff)
    response = client.post(
        reverse("concepts:field_delete", args=[district.slug, field.pk]), follow=True
    )
    assert "Handlungsfeld „Sport“ gelöscht." in response.content.decode()
    assert not district.fields_of_action.exists()


def test_target_group_crud_and_duplicates(client, district, ki_staff):
    client.force_login(ki_staff)
    url = reverse("concepts:target_group_create", args=[district.slug])
    assert client.post(url, {"name": "Seiteneinsteiger"}).status_code == 302
    response = client.post(url, {"name": "Seiteneinsteiger"})
    assert "Eine Zielgruppe mit diesem Namen gibt es in diesem Kreis bereits." in (
        response.content.decode()
    )
    group = district.target_groups.get()
    measure = factories.MeasureFactory(district=district)
    measure.target_groups.add(group)
    response = client.post(
        reverse("concepts:target_group_update", args=[district.slug, group.pk]),
        {"name": "Neu zugewanderte Schülerinnen und Schüler"},
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == "Neu zugewanderte Schülerinnen und Schüler"
    client.post(reverse("concepts:target_group_delete", args=[district.slug, group.pk]))
    assert not district.target_groups.exists()
    assert measure.target_groups.count() == 0


def test_land_user_cannot_create_fields(client, district, land_user):
    client.force_login(land_user)
    response = client.post(reverse("concepts:field_create", args=[district.slug]), {"name": "X"})
    assert response.status_code == 403
