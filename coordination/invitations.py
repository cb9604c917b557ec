"""Personal links of external participants of a Beteiligung (issue 18), made like the
calendar subscription links (actors/subscription.py): the invitation's id signed with the
project's SECRET_KEY. A forged link, a revoked invitation or one of another District is None
(the views answer 404)."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django_ratelimit.core import is_ratelimited

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
RATE_LIMIT_MESSAGE = (
    "Von dieser Adresse kamen in der letzten Stunde schon mehrere Anmeldungen. Bitte versuchen "
    "Sie es in einer Stunde noch einmal."
)
COMMENT_LIMIT_MESSAGE = (
    "Sie haben in der letzten Stunde schon viele Anmerkungen geschrieben. Bitte schreiben Sie "
    "die nächste etwas später."
)


def _limited(request, group: str, key: str, limit: str) -> bool:
    """Count this POST in the cache (django-ratelimit, as the public feedback form does)."""
    return is_ratelimited(
        request,
        group=group,
        key=lambda _group, _request: key,
        rate=f"{limits()[limit]}/h",
        method="POST",
        increment=True,
    )


def signup_limited(request, email: str) -> bool:
    """Count a public sign-up per e-mail address and per sender address (behind the trusted
    proxy, as for the login lockout); ``True`` once either has signed up too often."""
    by_address = _limited(request, "review-signup-email", email.lower(), "signups_per_address")
    network = get_client_ip_address(request) or "unbekannt"
    by_network = _limited(request, "review-signup-network", network, "signups_per_network")
    return by_address or by_network


def comment_limited(request, invitation: ReviewInvitation) -> bool:
    """Count a comment of the public per personal link."""
    if not invitation.is_public:
        return False
    return _limited(request, "review-comment", str(invitation.pk), "comments_per_hour")


def public_signup(
    review: DraftReview, *, name: str, email: str, organisation: str, base_url: str
) -> ReviewInvitation:
    """Sign a member of the public up for a public Beteiligung: an invitation marked public,
    and the personal link to the address given (which the first visit confirms)."""
    if not (review.is_public and review.is_open()):
        raise ValidationError("Diese Beteiligung nimmt keine Anmeldungen an.")
    with transaction.atomic():
        invitation = ReviewInvitation.objects.create(
            review=review,
            name=name,
            email=email,
            organisation=organisation or PUBLIC_ORGANISATION,
            is_public=True,
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
