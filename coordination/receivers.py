"""Receivers of the coordination app."""

from django.dispatch import receiver

from actors.signals import contact_data_requested

from .invitations import personal_data
from .models import ReviewInvitation


@receiver(contact_data_requested, dispatch_uid="coordination.review_invitations")
def review_invitations_of_contact(sender, contact, district, **kwargs) -> dict:
    """Art. 15 DSGVO: the contact person's invitations to a Beteiligung and their comments
    (issue 18), for the export of the actors app."""
    invitations = (
        ReviewInvitation.objects.for_district(district)
        .filter(contact=contact)
        .select_related("review")
        .prefetch_related("comments")  # ordered by pk (ReviewComment.Meta)
        .order_by("pk")
    )
    if not invitations:
        return {}
    return {"Einladungen zu Beteiligungen": [personal_data(i) for i in invitations]}
