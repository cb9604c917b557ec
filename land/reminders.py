"""The daily reminders (issue 17): each District's KI-Leitung gets a German digest of what comes
due, the Land a digest of KIs that passed a deadline. ``manage.py send_reminders`` runs it.

The items come from ``core.due`` (the same list the calendar feed and the dashboard show); each
is sent once per threshold (``ReminderSent``), so a second run on one day sends nothing new.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string

from accounts.models import Membership, User
from accounts.rights import Role
from core.due import PASSED, DueItem, DueKind, due_items
from districts.models import District

from .models import ReminderSent

# The deadlines the Land controls; a KI that passed one is named in the Land's digest.
LAND_KINDS = (DueKind.SUBMISSION, DueKind.CONCEPT_AGE)


@dataclass
class Mail:
    to: list[str]
    subject: str
    body: str


@dataclass
class Report:
    """What a run sent (or, with ``dry_run``, would send)."""

    mails: list[Mail] = field(default_factory=list)
    without_recipient: list[str] = field(default_factory=list)


def lead_addresses(district: District) -> list[str]:
    """The e-mail addresses of the District's active KI-Leitung."""
    memberships = Membership.objects.filter(
        district=district, role=Role.LEAD, is_active=True, user__is_active=True
    ).exclude(user__email="")
    return sorted({m.user.email for m in memberships.select_related("user")})


def land_addresses() -> list[str]:
    users = User.objects.filter(is_land=True, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def send_reminders(*, today: datetime.date, dry_run: bool = False, base_url: str = "") -> Report:
    """Send every digest due on ``today`` (a Europe/Berlin date) and record what was sent.

    A District without a KI-Leitung with an e-mail address gets nothing recorded, so its items
    are sent once someone is there to read them.
    """
    report = Report()
    passed: list[tuple[District, DueItem]] = []
    land_to = land_addresses()
    for district in District.objects.order_by("name"):
        items = due_items(district, today)
        sent = set(
            ReminderSent.objects.filter(district=district).values_list(
                "kind", "object_key", "threshold"
            )
        )
        due_now = [
            (item, threshold)
            for item in items
            if (threshold := item.threshold(today)) is not None
            and (item.kind, item.key, threshold) not in sent
        ]
        passed += [
            (district, item)
            for item in items
            if item.kind in LAND_KINDS
            and item.days_left(today) < 0
            and (item.kind, item.key, PASSED) not in sent
        ]
        if not due_now:
            continue
        to = lead_addresses(district)
        if not to:
            report.without_recipient.append(district.name)
            continue
        mail = _mail(
            to,
            "land/reminders_ki",
            district=district,
            items=[_line(item, today, base_url) for item, _t in due_now],
            today=today,
        )
        report.mails.append(mail)
        if not dry_run:
            _send(mail, [(district, item, t) for item, t in due_now], today)
    if passed and land_to:
        mail = _mail(
            land_to,
            "land/reminders_land",
            items=[
                {"district": district.name, **_line(item, today, base_url)}
                for district, item in passed
            ],
            today=today,
        )
        report.mails.append(mail)
        if not dry_run:
            _send(mail, [(district, item, PASSED) for district, item in passed], today)
    return report


def _line(item: DueItem, today: datetime.date, base_url: str) -> dict:
    base = base_url or getattr(settings, "SITE_URL", "")
    return {
        "label": item.label,
        "title": item.title,
        "when": item.when(today),
        "url": f"{base.rstrip('/')}{item.path}" if item.path else "",
    }


def _mail(to: list[str], template: str, **context) -> Mail:
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    return Mail(to=to, subject=subject, body=render_to_string(f"{template}_email.txt", context))


def _send(mail: Mail, sent: list[tuple[District, DueItem, int]], today: datetime.date) -> None:
    """Record first, then send, in one transaction: a failed send rolls the record back, and a
    concurrent second run fails on the unique constraint instead of sending twice."""
    with transaction.atomic():
        ReminderSent.objects.bulk_create(
            [
                ReminderSent(
                    district=district,
                    kind=item.kind,
                    object_key=item.key,
                    threshold=threshold,
                    due=item.due,
                    sent_on=today,
                    recipients=", ".join(mail.to),
                )
                for district, item, threshold in sent
            ]
        )
        EmailMessage(mail.subject, mail.body, to=mail.to).send()
