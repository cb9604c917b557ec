"""Writes on users and memberships: inviting people, changing roles, ending and restoring access.

Every function is keyword-only, runs in one transaction and raises ``ValidationError`` (German)
for a rule of the District that the input breaks, so a view can show it next to the form.
"""

import re

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from districts.models import District, Municipality

from .models import Membership, User, session_store
from .rights import Role

LAST_LEAD_MESSAGE = (
    "Sie sind die letzte aktive KI-Leitung dieses Kreises. Ernennen Sie zuerst eine weitere "
    "Person zur KI-Leitung, sonst kann niemand mehr Mitglieder verwalten."
)


def is_last_active_lead(membership: Membership) -> bool:
    """True if ``membership`` is, as saved, the only active KI-Leitung of its District.

    Reads the database, not the instance, so a form that already put a new role on the
    instance cannot slip past the check.
    """
    leads = Membership.objects.filter(
        district_id=membership.district_id, role=Role.LEAD, is_active=True, user__is_active=True
    )
    return list(leads.values_list("pk", flat=True)[:2]) == [membership.pk]


def username_from_email(email: str) -> str:
    """A free username from the e-mail's local part: ``erika.muster``, ``erika.muster-2``, …"""
    base = re.sub(r"[^\w.+-]", "", email.split("@")[0].lower(), flags=re.ASCII)[:140] or "person"
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def set_password_url(user: User, base_url: str) -> str:
    """The one-time link (Django's password-reset confirm page) with which ``user`` sets a password."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return base_url.rstrip("/") + path


def _send_invitation(*, membership: Membership, invited_by: User, base_url: str) -> None:
    user = membership.user
    context = {
        "user": user,
        "membership": membership,
        "district": membership.district,
        "invited_by": invited_by,
        # A person who never set a password gets the link to set one; others just log in.
        "set_password_url": None
        if user.has_usable_password()
        else set_password_url(user, base_url),
        "login_url": base_url.rstrip("/") + reverse("accounts:login"),
        "reset_url": base_url.rstrip("/") + reverse("accounts:password_reset"),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    subject = "".join(
        render_to_string("accounts/invitation_subject.txt", context).splitlines()
    ).strip()
    body = render_to_string("accounts/invitation_email.txt", context)
    EmailMessage(subject, body, to=[user.email]).send()


@transaction.atomic
def member_invite(
    *,
    district: District,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
    municipality: Municipality | None,
    user: User,
    base_url: str,
) -> Membership:
    """Make the person with ``email`` a member of ``district`` and send them a German invitation.

    A new e-mail address gets a new user (username from the address, no usable password: they
    set one through the link in the mail); a known address gets a membership on its existing
    account. ``user`` is the KI-Leitung who invites; ``base_url`` (e.g. ``https://ki.kreis.de/``)
    makes the links in the mail absolute. The mail is sent last, inside the transaction: if it
    cannot be sent, nothing is saved.
    """
    email = User.objects.normalize_email(email.strip())
    existing = list(User.objects.filter(email__iexact=email)[:2])
    if len(existing) > 1:
        raise ValidationError(
            {
                "email": "Mehrere Benutzerkonten haben diese E-Mail-Adresse; bitte in der "
                "Verwaltung klären."
            }
        )
    if existing:
        person = existing[0]
        if not person.is_active:
            raise ValidationError(
                {
                    "email": "Das Benutzerkonto mit dieser E-Mail-Adresse ist gesperrt; bitte in "
                    "der Verwaltung klären."
                }
            )
        if Membership.objects.filter(user=person, district=district).exists():
            raise ValidationError(
                {
                    "email": "Diese Person ist bereits Mitglied dieses Kreises. Eine deaktivierte "
                    "Mitgliedschaft können Sie in der Mitgliederliste reaktivieren."
                }
            )
        # Fill in a name the account lacks; never overwrite what the person keeps themselves.
        changed = [
            field
            for field, value in (("first_name", first_name), ("last_name", last_name))
            if value and not getattr(person, field)
        ]
        for field in changed:
            setattr(person, field, first_name if field == "first_name" else last_name)
        if changed:
            person.save(update_fields=changed)
    else:
        person = User(
            username=username_from_email(email),
            email=email,
            first_name=first_name,
            last_name=last_name,
        )
        person.set_unusable_password()
        person.save()
    membership = Membership(
        user=person,
        district=district,
        role=role,
        municipality=municipality if role == Role.LIAISON else None,
    )
    membership.full_clean()
    membership.save()
    _send_invitation(membership=membership, invited_by=user, base_url=base_url)
    return membership


@transaction.atomic
def member_update(
    *,
    district: District,
    membership: Membership,
    role: str,
    municipality: Municipality | None,
    user: User,
) -> Membership:
    """Change the role (and, for a liaison, the municipality) of a member of ``district``.

    The District always keeps one active KI-Leitung: demoting the last one is refused.
    """
    if membership.district_id != district.pk:
        raise ValidationError("Diese Mitgliedschaft gehört nicht zu diesem Kreis.")
    if role != Role.LEAD and is_last_active_lead(membership):
        raise ValidationError({"role": LAST_LEAD_MESSAGE})
    membership.role = role
    membership.municipality = municipality if role == Role.LIAISON else None
    membership.full_clean()
    membership.save()
    return membership


def _end_sessions(person: User) -> None:
    """Log ``person`` out everywhere: delete every session recorded at their logins."""
    store = session_store()
    records = person.login_sessions.all()
    for key in records.values_list("session_key", flat=True):
        store.delete(key)
    records.delete()


@transaction.atomic
def member_deactivate(*, district: District, membership: Membership, user: User) -> Membership:
    """End a member's access to ``district`` at once: membership inactive, sessions ended.

    The District mixin answers 404 to an inactive membership from the next request on; their
    open sessions are deleted too, so they are logged out on every device. The last active
    KI-Leitung cannot be deactivated.
    """
    if membership.district_id != district.pk:
        raise ValidationError("Diese Mitgliedschaft gehört nicht zu diesem Kreis.")
    if is_last_active_lead(membership):
        raise ValidationError(LAST_LEAD_MESSAGE)
    membership.is_active = False
    membership.save(update_fields=["is_active", "modified"])
    _end_sessions(membership.user)
    return membership


@transaction.atomic
def member_reactivate(*, district: District, membership: Membership, user: User) -> Membership:
    """Give a deactivated member of ``district`` their access back, with their former role.

    The calendar link they had before is not revived (issue 15): a link handed on while they
    were gone must stay dead, so the key moves on and the member takes a new link."""
    if membership.district_id != district.pk:
        raise ValidationError("Diese Mitgliedschaft gehört nicht zu diesem Kreis.")
    membership.is_active = True
    membership.calendar_key += 1
    membership.save(update_fields=["is_active", "calendar_key", "modified"])
    return membership
