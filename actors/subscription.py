"""Personal calendar subscription links for the meetings feed (issue 7: "an iCal feed of the
District's meetings").

A calendar program fetches a subscribed feed by itself, without the member's session, so the
workspace feed needs a link that stands in for the login. The link carries the membership's id
and its ``calendar_key``, signed with the project's SECRET_KEY: nothing secret is stored, a new
link (``calendar_key`` + 1) invalidates the old one, and a deactivated membership or user ends
it at once. What the feed shows is decided by the member's role at the time of each fetch.
"""

from django.core import signing

from accounts.models import Membership

SALT = "kreisintegration.actors.meetings-subscription"


def subscription_token(membership: Membership) -> str:
    return signing.dumps([membership.pk, membership.calendar_key], salt=SALT)


def membership_for_token(token: str) -> Membership | None:
    """The active membership the link was made for, or None for a forged or revoked link."""
    try:
        pk, key = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(pk, int) or not isinstance(key, int):
        return None
    return (
        Membership.objects.select_related("user", "district", "municipality")
        .filter(pk=pk, calendar_key=key, is_active=True, user__is_active=True)
        .first()
    )
