"""Personal links of external participants of a Beteiligung (issue 18), made like the
calendar subscription links (actors/subscription.py): the invitation's id signed with the
project's SECRET_KEY. A forged link, a revoked invitation or one of another District is None
(the views answer 404)."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import DraftReview, ReviewInvitation

SALT = "kreisintegration.coordination.review-invitation"


def invitation_token(invitation: ReviewInvitation) -> str:
    return signing.dumps([invitation.pk], salt=SALT)


def invitation_for_token(district, token: str) -> ReviewInvitation | None:
    try:
        (pk,) = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(pk, int):
        return None
    # An erased participant (Art. 17: no address left) has no link either.
    return (
        ReviewInvitation.objects.for_district(district)
        .select_related("review__version__concept")
        .filter(pk=pk, revoked_at__isnull=True, email__contains="@")
        .first()
    )


def invitation_url(invitation: ReviewInvitation) -> str:
    district = invitation.review.version.concept.district
    return reverse(
        "coordination:review_external", args=[district.slug, invitation_token(invitation)]
    )


def send_invitation(invitation: ReviewInvitation, *, base_url: str) -> None:
    """The invitation e-mail with the personal link (the only place the link is written)."""
    review = invitation.review
    context = {
        "invitation": invitation,
        "review": review,
        "district": review.version.concept.district,
        "link": base_url + invitation_url(invitation),
    }
    EmailMessage(
        f"Einladung: {review.title}",
        render_to_string("coordination/review_invitation_email.txt", context),
        to=[invitation.email],
    ).send()


# --- the public variant: anyone signs up with a name and an address ------------------------


# Rate limits of the public sign-up and of public comments, per hour. Not from a law or a
# seed: the product's own guard against floods, set per installation in the environment
# (settings KI_PUBLIC_REVIEW_LIMITS, README "Beteiligung"). The defaults let a person correct a
# typo in their address a few times, and a shared network (a school, a town hall) sign up a
# workshop group within an hour.
DEFAULT_LIMITS = {"signups_per_address": 3, "signups_per_network": 20, "comments_per_hour": 20}


def limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "KI_PUBLIC_REVIEW_LIMITS", {})}


PUBLIC_ORGANISATION = "Privatperson"


def client_hash(request) -> str:
    """A keyed hash of the network address (REMOTE_ADDR as the proxy passes it on): enough
    to count sign-ups, nothing to learn the address from."""
    address = request.META.get("REMOTE_ADDR", "")
    return salted_hmac(SALT + ".client", address).hexdigest()


def signup_refusal(review: DraftReview, email: str, client: str) -> str:
    """Why a public sign-up is refused now (German), or ""."""
    since = timezone.now() - datetime.timedelta(hours=1)
    recent = ReviewInvitation.objects.filter(is_public=True, created__gte=since)
    limit = limits()
    if (
        recent.filter(email__iexact=email).count() >= limit["signups_per_address"]
        or recent.filter(client_hash=client).count() >= limit["signups_per_network"]
    ):
        return (
            "Von dieser Adresse kamen in der letzten Stunde schon mehrere Anmeldungen. "
            "Bitte versuchen Sie es in einer Stunde noch einmal."
        )
    return ""


def public_signup(
    review: DraftReview, *, name: str, email: str, organisation: str, client: str, base_url: str
) -> ReviewInvitation:
    """Sign a member of the public up for a public Beteiligung: an invitation marked public,
    and the personal link to the address given (which the first visit confirms)."""
    if not (review.is_public and review.is_open()):
        raise ValidationError("Diese Beteiligung nimmt keine Anmeldungen an.")
    if refusal := signup_refusal(review, email, client):
        raise ValidationError(refusal)
    with transaction.atomic():
        invitation = ReviewInvitation.objects.create(
            review=review,
            name=name,
            email=email,
            organisation=organisation or PUBLIC_ORGANISATION,
            is_public=True,
            client_hash=client,
        )
        context = {
            "invitation": invitation,
            "review": review,
            "district": review.version.concept.district,
            "link": base_url + invitation_url(invitation),
        }
        message = EmailMessage(
            f"Bitte bestätigen: {review.title}",
            render_to_string("coordination/review_public_email.txt", context),
            to=[email],
        )
        transaction.on_commit(message.send)
    return invitation


def comment_refusal(invitation: ReviewInvitation) -> str:
    """The public's comment limit per hour and link (German), or ""."""
    if not invitation.is_public:
        return ""
    since = timezone.now() - datetime.timedelta(hours=1)
    if invitation.comments.filter(created__gte=since).count() >= limits()["comments_per_hour"]:
        return (
            "Sie haben in der letzten Stunde schon viele Anmerkungen geschrieben. Bitte "
            "schreiben Sie die nächste etwas später."
        )
    return ""


def personal_data(invitation: ReviewInvitation) -> dict:
    """What is held on one participant without an account (Art. 15 DSGVO), German keys."""
    return {
        "Beteiligung": invitation.review.title,
        "Name": invitation.name,
        "E-Mail": invitation.email,
        "Organisation": invitation.organisation,
        "eingeladen am": invitation.created,
        "selbst angemeldet (öffentlich)": invitation.is_public,
        "E-Mail-Adresse bestätigt am": invitation.confirmed_at,
        "Link widerrufen am": invitation.revoked_at,
        "Anmerkungen": [
            {
                "Abschnitt": c.section_title,
                "Absatz": c.paragraph,
                "Anmerkung": c.text,
                "Formulierungsvorschlag": c.proposal,
                "geschrieben am": c.created,
                "Abwägung": c.get_decision_display(),
                "Begründung": c.reason,
            }
            for c in invitation.comments.all()
        ],
    }
