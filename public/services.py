"""Writes of the public app: storing accessibility feedback and marking it handled."""

import logging
import smtplib

from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse

from accounts.models import Membership
from accounts.rights import Role
from core.models import check_district
from districts.models import District

from .models import FeedbackMessage

logger = logging.getLogger(__name__)


def _lead_addresses(district: District) -> list[str]:
    return sorted(
        Membership.objects.filter(
            district=district, role=Role.LEAD, is_active=True, user__is_active=True
        )
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )


def feedback_submit(
    *, district: District, name: str, email: str, page: str, message: str, base_url: str = ""
) -> FeedbackMessage:
    """Store a feedback message from the public form and e-mail it to the KI-Leitung.

    BITV NRW requires that feedback reaches the body that can act on it. The message is stored
    first; a failing mail server must not lose it (the KI sees it in the workspace list).
    """
    with transaction.atomic():
        feedback = FeedbackMessage.objects.create(
            district=district, name=name, email=email, page=page, message=message
        )
    recipients = _lead_addresses(district)
    if recipients:
        link = base_url + reverse("public:feedback", kwargs={"district_slug": district.slug})
        body = (
            "Guten Tag,\n\n"
            f"über die Erklärung zur Barrierefreiheit von {district.name} ist eine "
            "Rückmeldung eingegangen.\n\n"
            f"Name: {name or '(nicht angegeben)'}\n"
            f"E-Mail: {email or '(nicht angegeben)'}\n"
            f"Betroffene Seite: {page or '(nicht angegeben)'}\n\n"
            f"Nachricht:\n{message}\n\n"
            f"Alle Rückmeldungen: {link}\n\n"
            "Bitte antworten Sie innerhalb eines Monats, wenn eine Antwort erbeten ist.\n"
        )
        mail = EmailMessage(
            f"Rückmeldung zur Barrierefreiheit – {district.name}",
            body,
            to=recipients,
            reply_to=[email] if email else None,
        )
        try:
            mail.send()
        except (OSError, smtplib.SMTPException):
            logger.exception("Rückmeldung %s konnte nicht gemailt werden", feedback.pk)
    return feedback


def feedback_set_handled(
    *, district: District, feedback: FeedbackMessage, handled: bool, user
) -> FeedbackMessage:
    """Mark a feedback message as handled (or open again)."""
    check_district(district, feedback)
    with transaction.atomic():
        feedback.handled = handled
        feedback.save(update_fields=["handled"])
    return feedback
