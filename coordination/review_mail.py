"""The e-mails of a Beteiligung (issue 18): the announcement to the invited members when it
opens, the reminder before its end, and to each participant the KI's decision on their
comments when the Abwägung is published.

Members (liaisons, Kreistag members) get a link to the page behind the login; external and
public participants their personal link. Every mail goes out after the commit, so a rolled-back
step sends nothing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership
from accounts.rights import Role

from .invitations import invitation_url
from .models import DraftReview, ReviewComment


@dataclass
class Recipient:
    name: str
    email: str
    link: str
    comments: list = field(default_factory=list)

    @classmethod
    def member(cls, user, link: str) -> "Recipient":
        """A member (with an account), written to with the link to the page behind the login."""
        return cls(user.get_full_name() or user.username, user.email, link)

    @classmethod
    def participant(cls, invitation, base_url: str) -> "Recipient":
        """An external or public participant, written to with their personal link."""
        return cls(invitation.name, invitation.email, base_url + invitation_url(invitation))


def _member_link(review: DraftReview, base_url: str) -> str:
    district = review.version.concept.district
    return base_url + reverse(
        "coordination:review_detail", args=[district.slug, review.version_id, review.pk]
    )


def invited_members(review: DraftReview):
    """The active memberships the Beteiligung invites: liaisons, Kreistag members."""
    roles = [Role.LIAISON] * review.invite_liaisons + [Role.COUNCIL] * review.invite_council
    return (
        Membership.objects.filter(
            district=review.version.concept.district_id,
            role__in=roles,
            is_active=True,
            user__is_active=True,
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )


def _members(review: DraftReview, base_url: str) -> list[Recipient]:
    link = _member_link(review, base_url)
    return [Recipient.member(m.user, link) for m in invited_members(review)]


def participants(review: DraftReview, base_url: str) -> list[Recipient]:
    """Everyone invited and reachable: members, external participants with a live link, and
    members of the public who confirmed their address."""
    people = _members(review, base_url)
    for invitation in review.invitations.filter(revoked_at__isnull=True):
        if invitation.is_public and invitation.confirmed_at is None:
            continue
        people.append(Recipient.participant(invitation, base_url))
    return people


def _send(review: DraftReview, template: str, subject: str, people: list[Recipient]) -> int:
    district = review.version.concept.district
    messages = [
        (
            subject,
            render_to_string(
                template, {"review": review, "district": district, "recipient": person}
            ),
            None,
            [person.email],
        )
        for person in people
        if person.email
    ]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return len(messages)


def announce(review: DraftReview, *, base_url: str) -> int:
    """When the KI opens the Beteiligung: the invited members learn of it."""
    return _send(
        review,
        "coordination/review_announce_email.txt",
        f"Beteiligung: {review.title}",
        _members(review, base_url),
    )


def remind(review: DraftReview, *, base_url: str, today=None) -> int:
    """The reminder before the end, to everyone invited; once per Beteiligung (the command
    ``remind_reviews`` and the KI's button both go through here)."""
    with transaction.atomic():
        review = DraftReview.objects.select_for_update().get(pk=review.pk)
        if not review.is_open(today):
            raise ValidationError("Erinnern lässt sich nur, solange die Beteiligung läuft.")
        count = _send(
            review,
            "coordination/review_reminder_email.txt",
            f"Erinnerung: {review.title} – Anmerkungen bis zum {review.closes_on:%d.%m.%Y}",
            participants(review, base_url),
        )
        review.reminded_at = timezone.now()
        review.save(update_fields=["reminded_at", "modified"])
    return count


def publication_refusal(review: DraftReview, today=None) -> str:
    """Why the Abwägung cannot be published yet (German), or ""."""
    if review.published_at is not None:
        return "Die Abwägung ist bereits veröffentlicht."
    if not review.has_ended(today):
        return (
            f"Die Beteiligung läuft bis zum {review.closes_on:%d.%m.%Y}; die Abwägung lässt "
            "sich erst danach veröffentlichen."
        )
    comments = review.comments.exclude(moderation=ReviewComment.Moderation.REFUSED)
    if pending := comments.filter(moderation=ReviewComment.Moderation.PENDING).count():
        return f"{pending} Anmerkung(en) der Öffentlichkeit warten noch auf die Freigabe."
    if open_ := comments.filter(decision="").count():
        return f"{open_} Anmerkung(en) sind noch nicht abgewogen."
    return ""


def publish(review: DraftReview, *, base_url: str) -> int:
    """Publish the Abwägung: it is final (no more weighing), participants see the decisions,
    and each author gets the decisions on their own comments; returns the number of mails."""
    with transaction.atomic():
        review = (
            DraftReview.objects.select_for_update()
            .select_related("version__concept__district")
            .get(pk=review.pk)
        )
        if refusal := publication_refusal(review):
            raise ValidationError(refusal)
        review.published_at = timezone.now()
        review.save(update_fields=["published_at", "modified"])
        by_address: dict[str, Recipient] = {}
        comments = (
            review.comments.exclude(moderation=ReviewComment.Moderation.REFUSED)
            .select_related("author", "invitation")
            .order_by("pk")
        )
        for comment in comments:
            person = _author_of(review, comment, base_url)
            if person is None:
                continue
            by_address.setdefault(person.email.lower(), person).comments.append(comment)
        return _send(
            review,
            "coordination/review_decisions_email.txt",
            f"Abwägung veröffentlicht: {review.title}",
            list(by_address.values()),
        )


def _author_of(review, comment: ReviewComment, base_url: str) -> Recipient | None:
    invitation = comment.invitation
    if invitation is not None:
        if invitation.revoked_at is not None or "@" not in invitation.email:
            return None  # revoked, or erased (Art. 17): no address left to write to
        return Recipient.participant(invitation, base_url)
    user = comment.author
    if user is None or not user.email:
        return None
    return Recipient.member(user, _member_link(review, base_url))
