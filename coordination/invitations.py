"""Personal links of external participants of a Beteiligung (issue 18), made like the
calendar subscription links (actors/subscription.py): the invitation's id signed with the
project's SECRET_KEY. A forged link, a revoked invitation or one of another District is None
(the views answer 404)."""

from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from .models import ReviewInvitation

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
    return (
        ReviewInvitation.objects.for_district(district)
        .select_related("review__version__concept")
        .filter(pk=pk, revoked_at__isnull=True)
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
