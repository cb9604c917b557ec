"""Routes of the coordination app for the URL walker (tests/test_permissions.py)."""

from tests.coordination.helpers import make_round
from tests.factories import RoundOptionFactory
from tests.routes import Route


def _round(district) -> dict:
    return {"pk": make_round(district).pk}


def _option(district) -> dict:
    return {"pk": RoundOptionFactory(round=make_round(district)).pk}


def _review_version(district) -> dict:
    from concepts.models import ConceptVersion
    from tests.factories import ConceptVersionFactory

    version = ConceptVersionFactory(
        concept=district.concept, status=ConceptVersion.Status.IN_CONSULTATION
    )
    return {"version_pk": version.pk}


def _review(district) -> dict:
    """An open Beteiligung on a Fassung "in Abstimmung" with one section of two paragraphs."""
    import datetime

    from django.utils import timezone

    from coordination.models import DraftReview
    from tests.factories import ConceptSectionFactory

    kwargs = _review_version(district)
    section = ConceptSectionFactory(version_id=kwargs["version_pk"], body="Erster.\n\nZweiter.")
    today = timezone.localdate()
    review = DraftReview.objects.create(
        version_id=kwargs["version_pk"],
        title="Beteiligung",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=1),
        invite_council=True,  # so that every group holding COMMENT_DRAFT takes part
    )
    review.sections.add(section)
    return {**kwargs, "pk": review.pk}


def _reviewed_version(district) -> dict:
    """A Fassung with a Beteiligung that invites the Kreistag (which reads the draft then)."""
    return {"version_pk": _review(district)["version_pk"]}


def _public_review(district) -> dict:
    from coordination.models import DraftReview

    kwargs = _review(district)
    DraftReview.objects.filter(pk=kwargs["pk"]).update(is_public=True)
    return {"pk": kwargs["pk"]}


def _pending_comment(district) -> dict:
    from coordination.models import ReviewComment

    kwargs = _comment(district)
    ReviewComment.objects.filter(pk=kwargs["pk"]).update(moderation="offen")
    return kwargs


def _paragraph(district) -> dict:
    from coordination.models import DraftReview

    # The Beteiligung just built by ``_review`` (for the walk with another District's objects,
    # that District's: its URL under this District is 404 before the query counts).
    review = DraftReview.objects.latest("pk")
    return {"abschnitt": review.sections.get().pk, "absatz": 1}


def _invitation(district) -> dict:
    from coordination.models import ReviewInvitation

    kwargs = _review(district)
    invitation = ReviewInvitation.objects.create(
        review_id=kwargs["pk"], name="Erika Muster", email="e@example.org", organisation="Verein"
    )
    return {**kwargs, "invitation_pk": invitation.pk}


def _comment(district) -> dict:
    from coordination.models import DraftReview, ReviewComment

    review = DraftReview.objects.get(pk=_review(district)["pk"])
    section = review.sections.get()
    comment = ReviewComment.objects.create(
        review=review,
        section=section,
        section_title=section.title,
        paragraph=1,
        paragraph_text="Erster.",
        organisation="Beispielstadt",
        text="Bitte ergänzen.",
    )
    return {"pk": comment.pk}


ROUTES = {
    "coordination:reviews": Route(kwargs=_reviewed_version),
    "coordination:review_create": Route(kwargs=_review_version),
    "coordination:review_detail": Route(kwargs=_review),
    "coordination:review_comment": Route(kwargs=_review, query=_paragraph),
    "coordination:review_abwaegung": Route(kwargs=_review),
    "coordination:review_attach": Route(kwargs=_review, method="post"),
    "coordination:review_invitations": Route(kwargs=_review),
    "coordination:review_revoke": Route(kwargs=_invitation, method="post"),
    "coordination:review_weigh": Route(kwargs=_comment),
    "coordination:review_remind": Route(kwargs=_review, method="post"),
    "coordination:review_publish": Route(kwargs=_review, method="post"),
    "coordination:review_invitation_export": Route(kwargs=_invitation),
    "coordination:review_invitation_erase": Route(kwargs=_invitation, method="post"),
    "coordination:review_moderate": Route(kwargs=_pending_comment, method="post"),
    "coordination:list": Route(has_objects=False),
    "coordination:create": Route(has_objects=False),
    "coordination:detail": Route(kwargs=_round),
    "coordination:update": Route(kwargs=_round),
    "coordination:option_create": Route(kwargs=_round),
    "coordination:option_update": Route(kwargs=_option),
    "coordination:option_delete": Route(kwargs=_option),
    "coordination:prefill": Route(kwargs=_round, method="post"),
    "coordination:open": Route(kwargs=_round, method="post"),
    "coordination:remind": Route(kwargs=_round, method="post"),
    "coordination:answer": Route(kwargs=_round),
    "coordination:confirmation": Route(kwargs=_round),
    "coordination:result": Route(kwargs=_round),
    "coordination:adopt": Route(kwargs=_round, method="post"),
    "coordination:export": Route(kwargs=_round),
}
