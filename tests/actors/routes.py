"""URL recipes of the actors app for the URL walker (tests/test_permissions.py)."""

from tests import factories
from tests.routes import Route


def actor(district):
    """An actor with an offer, a contact person, a committee seat and a measure it leads."""
    a = factories.ActorFactory(district=district)
    factories.OfferFactory(actor=a)
    factories.ContactPersonFactory(actor=a)
    factories.CommitteeFactory(district=district).members.add(a)
    factories.MeasureFactory(district=district, lead_actor=a)
    return a


def pk(factory, **kwargs):
    return lambda district: {"pk": factory(**kwargs, district=district).pk}


def actor_pk(district):
    return {"actor_pk": factories.ActorFactory(district=district).pk}


def offer_pk(district):
    return {"pk": factories.OfferFactory(actor__district=district).pk}


def contact_pk(district):
    return {"pk": factories.ContactPersonFactory(actor__district=district).pk}


def meeting_pk(district):
    return {"pk": factories.MeetingFactory(committee__district=district).pk}


def committee_with_reader(district):
    """A committee with one member linked to it (issue 20)."""
    return factories.CommitteeReaderFactory(committee__district=district).committee


def reader_pk(district):
    return {"pk": factories.CommitteeReaderFactory(committee__district=district).pk}


ROUTES = {
    "actors:list": Route(has_objects=False),
    "actors:create": Route(has_objects=False),
    "actors:detail": Route(kwargs=lambda d: {"pk": actor(d).pk}),
    "actors:update": Route(kwargs=pk(factories.ActorFactory)),
    "actors:delete": Route(kwargs=pk(factories.ActorFactory)),
    "actors:offer_create": Route(kwargs=actor_pk),
    "actors:offer_update": Route(kwargs=offer_pk),
    "actors:offer_delete": Route(kwargs=offer_pk),
    "actors:contact_create": Route(kwargs=actor_pk),
    "actors:contact_update": Route(kwargs=contact_pk),
    "actors:contact_delete": Route(kwargs=contact_pk),
    "actors:contact_export": Route(kwargs=contact_pk),
    "actors:contact_erase": Route(kwargs=contact_pk, method="post"),
    "actors:glossary": Route(has_objects=False),
    "actors:glossary_create": Route(has_objects=False),
    "actors:glossary_update": Route(kwargs=pk(factories.GlossaryEntryFactory)),
    "actors:glossary_delete": Route(kwargs=pk(factories.GlossaryEntryFactory)),
    "actors:committees": Route(has_objects=False),
    "actors:committee_create": Route(has_objects=False),
    "actors:meetings_subscription_renew": Route(has_objects=False, method="post"),
    "actors:committee_detail": Route(kwargs=pk(factories.CommitteeFactory)),
    "actors:committee_update": Route(kwargs=pk(factories.CommitteeFactory)),
    "actors:committee_delete": Route(kwargs=pk(factories.CommitteeFactory)),
    "actors:meeting_create": Route(
        kwargs=lambda d: {"committee_pk": factories.CommitteeFactory(district=d).pk}
    ),
    "actors:meeting_update": Route(kwargs=meeting_pk),
    "actors:meeting_delete": Route(kwargs=meeting_pk),
    # Issue 20: members with access to a committee, and one's own notices
    "actors:committee_readers": Route(kwargs=lambda d: {"pk": committee_with_reader(d).pk}),
    "actors:committee_reader_remove": Route(kwargs=reader_pk, method="post"),
    "actors:notice_settings": Route(has_objects=False),
    "actors:participation_create": Route(has_objects=False),
    "actors:participation_update": Route(kwargs=pk(factories.ParticipationEventFactory)),
    "actors:participation_delete": Route(kwargs=pk(factories.ParticipationEventFactory)),
}
