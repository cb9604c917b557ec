"""Writes for actors, offers, contact persons, the glossary, committees and participation.

Every function is keyword-only, runs in one transaction and takes the District the object
belongs to, so a view cannot write into another District by mistake.
"""

import logging
import re

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from django.db.models import F
from django.db.models.deletion import ProtectedError
from django.utils import timezone

from accounts.models import Membership
from core.privacy import access_report

from .models import (
    Actor,
    Committee,
    CommitteeReader,
    ContactPerson,
    GlossaryEntry,
    Meeting,
    Offer,
    ParticipationEvent,
)
from .search import refresh_search_texts
from .signals import contact_data_requested

logger = logging.getLogger(__name__)

# Apps whose tables hold District content (and its history) that may mention a person.
# accounts is left out on purpose: users are data subjects of their own.
CONTENT_APPS = ("districts", "concepts", "actors", "measures", "coordination", "papers")
# The District's own name and keys are not about a person; the staffing plan names KI staff
# under their employment, which erasing a contact role does not end.
NOT_CONTENT = {("districts", "district"), ("districts", "staffpost")}
ERASED = "[gelöscht]"
# Shorter terms would strike ordinary words out of unrelated texts.
MIN_TRACE_LENGTH = 3


def _check_district(obj_district_id: int, district) -> None:
    if obj_district_id != district.pk:
        raise ValueError("Das Objekt gehört zu einem anderen Kreis.")


def _assign(instance: models.Model, data: dict, user) -> models.Model:
    """Set plain fields from ``data``, save, then set many-to-many fields."""
    m2m = {}
    for name, value in data.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            m2m[name] = value
        else:
            setattr(instance, name, value)
    instance._history_user = user  # django-simple-history: who made this change
    instance.full_clean(exclude=list(m2m))
    instance.save()
    for name, value in m2m.items():
        getattr(instance, name).set(value)
    return instance


# Actors ------------------------------------------------------------------------------------


def actor_create(*, district, data: dict, user) -> Actor:
    """Create an actor of ``district`` from form data (including Handlungsfelder, Zielgruppen)."""
    with transaction.atomic():
        return _assign(Actor(district=district), data, user)


def actor_update(*, district, actor: Actor, data: dict, user) -> Actor:
    """Change an actor's fields; the change is kept in the actor's history."""
    _check_district(actor.district_id, district)
    with transaction.atomic():
        return _assign(actor, data, user)


def actor_delete(*, district, actor: Actor, user) -> None:
    """Delete an actor with its offers and contact persons.

    Refused (``ValidationError`` with a German message) while measures name the actor as lead
    or partner: the measures catalogue would silently lose who carries a measure.
    """
    _check_district(actor.district_id, district)
    with transaction.atomic():
        led = actor.led_measures.count()
        partnered = actor.partner_measures.count()
        if led or partnered:
            raise ValidationError(
                f"„{actor.name}“ kann nicht gelöscht werden: Der Akteur ist an "
                f"{led + partnered} Maßnahme(n) beteiligt (federführend: {led}, als Partner: "
                f"{partnered}). Bitte zuerst die Maßnahmen ändern."
            )
        actor._history_user = user
        try:
            actor.delete()
        except ProtectedError as exc:
            raise ValidationError(
                f"„{actor.name}“ kann nicht gelöscht werden, weil noch andere Einträge darauf "
                "verweisen."
            ) from exc


# Offers ------------------------------------------------------------------------------------


def offer_create(*, district, actor: Actor, data: dict, user) -> Offer:
    """Add an offer to ``actor``."""
    _check_district(actor.district_id, district)
    with transaction.atomic():
        return _assign(Offer(actor=actor), data, user)


def offer_update(*, district, offer: Offer, data: dict, user) -> Offer:
    """Change an offer."""
    _check_district(offer.actor.district_id, district)
    with transaction.atomic():
        return _assign(offer, data, user)


def offer_delete(*, district, offer: Offer, user) -> None:
    """Delete an offer."""
    _check_district(offer.actor.district_id, district)
    with transaction.atomic():
        offer.delete()


# Contact persons (personal data, DSGVO) -----------------------------------------------------


def contact_create(*, district, actor: Actor, data: dict, user) -> ContactPerson:
    """Add a contact person to ``actor``."""
    _check_district(actor.district_id, district)
    with transaction.atomic():
        return _assign(ContactPerson(actor=actor), data, user)


def contact_update(*, district, contact: ContactPerson, data: dict, user) -> ContactPerson:
    """Change a contact person's data."""
    _check_district(contact.actor.district_id, district)
    with transaction.atomic():
        return _assign(contact, data, user)


def contact_export(*, district, contact: ContactPerson, user) -> tuple[str, bytes]:
    """All data held on one contact person as JSON with German keys (Art. 15 DSGVO).

    Returns ``(filename, content)``. Every concrete field of the model is included, so a field
    added later is exported without touching this function.
    """
    _check_district(contact.actor.district_id, district)
    data = {}
    for field in ContactPerson._meta.concrete_fields:
        if field.primary_key:
            data["Kennung"] = contact.pk
        elif field.name == "actor":
            data[str(field.verbose_name)] = contact.actor.name
        else:
            data[str(field.verbose_name)] = field.value_from_object(contact)
    sections = {"Ansprechperson": data}
    for _receiver, extra in contact_data_requested.send(
        sender=ContactPerson, contact=contact, district=district
    ):
        sections.update(extra or {})
    content = access_report(district=district, data=sections)
    logger.info(
        "Auskunft zu Ansprechperson %s (Kreis %s) erstellt durch Benutzer %s",
        contact.pk,
        district.slug,
        getattr(user, "pk", None),
    )
    return f"ansprechperson-{contact.pk}-auskunft.json", content


def _text_fields(model) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices
    ]


def _content_querysets(district):
    """Every table of District content, current and historical, limited to ``district``."""
    for model in apps.get_models():
        original = getattr(model, "instance_type", model)  # a history table names its model
        label = (original._meta.app_label, original._meta.model_name)
        if label[0] not in CONTENT_APPS or original is ContactPerson or label in NOT_CONTENT:
            continue
        path = getattr(original._default_manager.all(), "district_path", None)
        if path is None:
            try:
                original._meta.get_field("district")
            except FieldDoesNotExist:
                continue
            path = "district"
        yield model._default_manager.filter(**{path: district})


def _erase_traces(district, terms: list[str]) -> int:
    """Replace ``terms`` in every text field of the District's content and history."""
    terms = [t for t in terms if len(t) >= MIN_TRACE_LENGTH]
    if not terms:
        return 0
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    changed = 0
    for queryset in _content_querysets(district):
        fields = _text_fields(queryset.model)
        if not fields:
            continue
        match = models.Q()
        for field in fields:
            for term in terms:
                match |= models.Q(**{f"{field}__icontains": term})
        for row in queryset.filter(match):
            updates = {}
            for field in fields:
                value = getattr(row, field)
                if value and pattern.search(value):
                    updates[field] = pattern.sub(ERASED, value)[
                        : queryset.model._meta.get_field(field).max_length or None
                    ]
            if updates:
                # update(), not save(): no new history row, no signals, no "modified" bump.
                queryset.model._default_manager.filter(pk=row.pk).update(**updates)
                changed += 1
    return changed


def contact_erase(*, district, contact: ContactPerson, user) -> None:
    """Erase a contact person completely (Art. 17 DSGVO), in one transaction.

    Deletes the ContactPerson (it has no history table) and strikes the person's name, e-mail
    address and phone number out of every text of the District's content and of all history
    tables (e.g. an old actor description that named them), and out of the admin log. The
    erasure is logged without personal data.
    """
    _check_district(contact.actor.district_id, district)
    terms = [contact.name.strip(), contact.email.strip(), contact.phone.strip()]
    contact_pk, actor_pk = contact.pk, contact.actor_id
    with transaction.atomic():
        contact.delete()
        changed = _erase_traces(district, terms)
        # The folded search text (issue 16) may spell the name differently ("mueller"); it is
        # rebuilt from the erased texts, so no trace stays searchable.
        refresh_search_texts(Actor.objects.for_district(district))
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(ContactPerson),
            object_id=str(contact_pk),
        ).update(object_repr="Ansprechperson (gelöscht)", change_message="")
    logger.info(
        "Ansprechperson gelöscht (Kennung %s, Akteur %s, Kreis %s, durch Benutzer %s; "
        "%s weitere Einträge bereinigt)",
        contact_pk,
        actor_pk,
        district.slug,
        getattr(user, "pk", None),
        changed,
    )


# Glossary ----------------------------------------------------------------------------------


def glossary_entry_create(*, district, data: dict, user) -> GlossaryEntry:
    """Add a term or abbreviation to the District's glossary."""
    with transaction.atomic():
        return _assign(GlossaryEntry(district=district), data, user)


def glossary_entry_update(*, district, entry: GlossaryEntry, data: dict, user) -> GlossaryEntry:
    """Change a glossary entry."""
    _check_district(entry.district_id, district)
    with transaction.atomic():
        return _assign(entry, data, user)


def glossary_entry_delete(*, district, entry: GlossaryEntry, user) -> None:
    """Remove a glossary entry."""
    _check_district(entry.district_id, district)
    with transaction.atomic():
        entry.delete()


# Committees and meetings -------------------------------------------------------------------


def committee_create(*, district, data: dict, user) -> Committee:
    """Create a Gremium with its member actors."""
    with transaction.atomic():
        return _assign(Committee(district=district), data, user)


def committee_update(*, district, committee: Committee, data: dict, user) -> Committee:
    """Change a Gremium and its members."""
    _check_district(committee.district_id, district)
    with transaction.atomic():
        return _assign(committee, data, user)


def committee_delete(*, district, committee: Committee, user) -> None:
    """Delete a Gremium with its meetings; refused while a meeting carries a paper's
    Beratungsfolge (the paper's record would lose where it was decided)."""
    _check_district(committee.district_id, district)
    try:
        with transaction.atomic():
            committee.delete()
    except ProtectedError as exc:
        raise ValidationError(
            f"„{committee.name}“ kann nicht gelöscht werden: In seinen Sitzungen wurden "
            "Vorlagen beraten."
        ) from exc


def committee_reader_add(*, district, committee: Committee, reader, user) -> CommitteeReader:
    """Link ``reader`` (a user) to the Gremium, with e-mail notices on (issue 20).

    Only members of this District (active membership, any role: every role reads released
    papers) can be linked; the form says so next to the field, this is the backstop.
    """
    _check_district(committee.district_id, district)
    if not Membership.objects.filter(user=reader, district=district, is_active=True).exists():
        raise ValidationError("Diese Person ist kein aktives Mitglied dieses Kreises.")
    with transaction.atomic():
        seat, _created = committee.readers.get_or_create(user=reader)
    return seat


def committee_reader_remove(*, district, seat: CommitteeReader, user) -> None:
    """End a person's link to a Gremium: no more notices for its papers."""
    _check_district(seat.committee.district_id, district)
    with transaction.atomic():
        seat.delete()


def reader_notices_set(*, district, reader, notify_on) -> int:
    """Switch the notices of ``reader``'s own Gremien in this District: on for the seats in
    ``notify_on``, off for the others. Other people's seats are never touched, whatever
    ``notify_on`` holds. Returns the number of seats changed."""
    on = {seat.pk for seat in notify_on}
    seats = CommitteeReader.objects.for_district(district).filter(user=reader)
    with transaction.atomic():
        return seats.filter(pk__in=on, notify=False).update(
            notify=True, modified=timezone.now()
        ) + seats.exclude(pk__in=on).filter(notify=True).update(
            notify=False, modified=timezone.now()
        )


def meeting_create(*, district, committee: Committee, data: dict, user) -> Meeting:
    """Add a meeting to a Gremium."""
    _check_district(committee.district_id, district)
    with transaction.atomic():
        return _assign(Meeting(committee=committee), data, user)


def meeting_update(*, district, meeting: Meeting, data: dict, user) -> Meeting:
    """Change a meeting (date, place, öffentlich, abgesagt)."""
    _check_district(meeting.committee.district_id, district)
    with transaction.atomic():
        return _assign(meeting, data, user)


def meeting_delete(*, district, meeting: Meeting, user) -> None:
    """Delete a meeting; refused while a paper's Beratungsfolge points to it."""
    _check_district(meeting.committee.district_id, district)
    try:
        with transaction.atomic():
            meeting.delete()
    except ProtectedError as exc:
        # Read by label: the KIM app sits above this one (README "Aufbau").
        labels = {obj._meta.label for obj in exc.protected_objects}
        if "kim.Finding" in labels:
            raise ValidationError(
                "Die Sitzung kann nicht gelöscht werden: In ihr hat die KIM-Lenkungsgruppe über "
                "Strukturbedarfe entschieden (siehe KIM → Strukturbedarfe)."
            ) from exc
        raise ValidationError(
            "Die Sitzung kann nicht gelöscht werden: In ihr wurden Vorlagen beraten. "
            "Sie kann stattdessen als abgesagt markiert werden."
        ) from exc


# Participation -----------------------------------------------------------------------------


def participation_create(*, district, data: dict, user) -> ParticipationEvent:
    """Record a workshop, working group or Integrationskonferenz."""
    with transaction.atomic():
        return _assign(ParticipationEvent(district=district), data, user)


def participation_update(
    *, district, event: ParticipationEvent, data: dict, user
) -> ParticipationEvent:
    """Change a participation event."""
    _check_district(event.district_id, district)
    with transaction.atomic():
        return _assign(event, data, user)


def participation_delete(*, district, event: ParticipationEvent, user) -> None:
    """Delete a participation event."""
    _check_district(event.district_id, district)
    with transaction.atomic():
        event.delete()


# --- Calendar subscription links ---------------------------------------------------------------


def subscription_renew(*, district, membership: Membership, user) -> Membership:
    """A new calendar link for ``membership`` (``actors.subscription``); every earlier one
    stops working."""
    _check_district(membership.district_id, district)
    with transaction.atomic():
        Membership.objects.filter(pk=membership.pk).update(calendar_key=F("calendar_key") + 1)
    membership.refresh_from_db(fields=["calendar_key"])
    return membership
