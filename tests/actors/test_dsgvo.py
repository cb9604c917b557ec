"""Contact persons under the DSGVO: information (Art. 15) and erasure (Art. 17)."""

import json
import logging

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from actors import services
from actors.models import ContactPerson
from tests import factories

NAME = "Ingrid Faßbender"
EMAIL = "i.fassbender@freiwillig.example.org"
PHONE = "+49 2238 808-414"


@pytest.fixture
def contact(district):
    actor = factories.ActorFactory(district=district, name="Freiwilligenagentur Pulheim")
    return factories.ContactPersonFactory(
        actor=actor,
        name=NAME,
        function="Leitung",
        email=EMAIL,
        phone=PHONE,
        consents_to_publication=True,
        consent_date="2024-05-02",
    )


def rows_mentioning(term: str) -> list[str]:
    """Every table and text column in which ``term`` still appears."""
    hits = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.EmailField):
                lookup = {f"{field.name}__icontains": term}
                if model._default_manager.filter(**lookup).exists():
                    hits.append(f"{model._meta.label}.{field.name}")
    return hits


def test_export_has_every_field(client, district, contact, ki_staff):
    client.force_login(ki_staff)
    response = client.get(reverse("actors:contact_export", args=[district.slug, contact.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    data = json.loads(response.content.decode("utf-8"))
    person = data["Ansprechperson"]
    assert person["Name"] == NAME
    assert person["Funktion"] == "Leitung"
    assert person["E-Mail"] == EMAIL
    assert person["Telefon"] == PHONE
    assert person["Einwilligung zur Veröffentlichung"] is True
    assert person["Einwilligung erteilt am"] == "2024-05-02"
    assert person["Akteur"] == "Freiwilligenagentur Pulheim"
    assert person["angelegt"] and person["geändert"]
    # Every field of the model is there, under its German name.
    for field in ContactPerson._meta.concrete_fields:
        assert field.primary_key or str(field.verbose_name) in person
    assert data["Auskunft nach"] == "Art. 15 DSGVO"


@pytest.mark.parametrize("role", ["council_member", "liaison", "land_user"])
def test_export_only_for_editors(client, district, contact, role, request):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("actors:contact_export", args=[district.slug, contact.pk]))
    assert response.status_code == 403


def test_erase_leaves_no_trace_anywhere(client, district, contact, ki_staff, caplog):
    actor = contact.actor
    user = ki_staff
    # An older actor description named the person; it lives on in the actor's history.
    services.actor_update(
        district=district,
        actor=actor,
        data={"description": f"Ansprechperson: {NAME}, {EMAIL}, Tel. {PHONE}"},
        user=user,
    )
    services.actor_update(
        district=district, actor=actor, data={"description": "Vermittelt Ehrenamt."}, user=user
    )
    measure = factories.MeasureFactory(district=district, goal=f"Koordination durch {NAME}")
    for term in (NAME, EMAIL, PHONE):
        assert rows_mentioning(term)

    client.force_login(user)
    with caplog.at_level(logging.INFO, logger="actors"):
        response = client.post(
            reverse("actors:contact_erase", args=[district.slug, contact.pk]), follow=True
        )
    assert response.redirect_chain[-1][0] == reverse(
        "actors:detail", args=[district.slug, actor.pk]
    )
    assert "Ansprechperson gelöscht." in response.content.decode()
    assert not ContactPerson.objects.filter(pk=contact.pk).exists()

    for term in (NAME, EMAIL, PHONE):
        assert rows_mentioning(term) == [], term
    measure.refresh_from_db()
    assert measure.goal == "Koordination durch [gelöscht]"
    assert actor.history.filter(description__contains="[gelöscht]").exists()

    # The erasure is logged, without the personal data.
    assert "Ansprechperson gelöscht" in caplog.text
    for term in (NAME, EMAIL, PHONE):
        assert term not in caplog.text


def test_foreign_text_is_not_touched(district, other_district, contact, ki_staff):
    foreign = factories.MeasureFactory(district=other_district, goal=f"Vortrag von {NAME}")
    services.contact_erase(district=district, contact=contact, user=ki_staff)
    foreign.refresh_from_db()
    assert foreign.goal == f"Vortrag von {NAME}"


def test_erase_needs_post_and_edit_right(client, district, contact, council_member, ki_staff):
    url = reverse("actors:contact_erase", args=[district.slug, contact.pk])
    client.force_login(council_member)
    assert client.post(url).status_code == 403
    client.force_login(ki_staff)
    assert client.get(url).status_code == 405
    assert ContactPerson.objects.filter(pk=contact.pk).exists()


def test_erase_confirmation_page(client, district, contact, ki_lead):
    client.force_login(ki_lead)
    html = client.get(
        reverse("actors:contact_delete", args=[district.slug, contact.pk])
    ).content.decode()
    assert "Art. 17 DSGVO" in html
    assert reverse("actors:contact_erase", args=[district.slug, contact.pk]) in html
