"""Actor.search_text (issue 16) follows every change of what the public directory searches."""

import pytest

from actors import services
from actors.models import Actor, ActorType
from core.text import fold
from tests import factories

pytestmark = pytest.mark.django_db


def text(actor) -> str:
    return Actor.objects.get(pk=actor.pk).search_text


@pytest.fixture
def actor(district):
    return factories.ActorFactory(
        district=district, name="Flüchtlingshilfe", address="Hauptstraße 1", is_published=True
    )


def test_saved_actor_has_its_folded_texts(actor):
    assert "fluechtlingshilfe" in text(actor)
    assert "hauptstrasse 1" in text(actor)
    assert fold(actor.type.name) in text(actor)


def test_actor_edit_through_the_service(district, actor, ki_staff):
    services.actor_update(
        district=district, actor=actor, data={"description": "Sprachkurse"}, user=ki_staff
    )
    assert "sprachkurse" in text(actor)
    assert actor.history.first().description == "Sprachkurse"  # history as before


def test_only_published_offers_and_their_changes(actor):
    offer = factories.OfferFactory(actor=actor, title="Nähkurs", description="Dienstags")
    assert "naehkurs" not in text(actor)
    offer.is_published = True
    offer.save()
    assert "naehkurs dienstags" in text(actor)
    offer.title = "Töpfern"
    offer.save()
    assert "toepfern" in text(actor) and "naehkurs" not in text(actor)
    offer.delete()
    assert "toepfern" not in text(actor)


def test_links_and_renamed_names(district, actor, municipality):
    field = factories.FieldOfActionFactory(district=district, name="Bildung")
    group = factories.TargetGroupFactory(district=district, name="Zugewanderte")
    actor.fields_of_action.add(field)
    actor.target_groups.add(group)
    actor.municipality = municipality
    actor.save()
    assert "bildung" in text(actor) and "zugewanderte" in text(actor)
    assert fold(municipality.name) in text(actor)

    field.name = "Schule und Übergang"
    field.save()
    municipality.name = "Neustädt"
    municipality.save()
    assert "schule und uebergang" in text(actor) and "neustaedt" in text(actor)

    group.actors.clear()  # from the other side
    assert "zugewanderte" not in text(actor)
    group.actors.add(actor)
    assert "zugewanderte" in text(actor)
    group.delete()
    field.delete()
    assert "zugewanderte" not in text(actor) and "uebergang" not in text(actor)

    actor_type = ActorType.objects.get(pk=actor.type_id)
    actor_type.name = "Migrantenselbstorganisation (MSO)"
    actor_type.save()
    assert "(mso)" in text(actor)


def test_erased_contact_leaves_no_searchable_trace(district, actor, ki_staff):
    contact = factories.ContactPersonFactory(actor=actor, name="Jürgen Müller")
    actor.description = "Ansprechpartner: Jürgen Müller"
    actor.save()
    assert "juergen mueller" in text(actor)
    services.contact_erase(district=district, contact=contact, user=ki_staff)
    assert "mueller" not in text(actor)
    assert "[geloescht]" in text(actor)
