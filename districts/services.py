"""Writes for the staffing plan and the Land's requirements."""

from django.db import transaction

from .models import District, LandRequirements, StaffPost


def staff_post_save(
    *, district: District, data: dict, user, post: StaffPost | None = None
) -> StaffPost:
    """Create (``post`` None) or change a post of the staffing plan from cleaned form data."""
    with transaction.atomic():
        post = post or StaffPost(district=district)
        for name, value in data.items():
            setattr(post, name, value)
        post.full_clean()
        post.save()
        return post


def staff_post_delete(*, post: StaffPost, user) -> None:
    """Remove a post from the staffing plan."""
    with transaction.atomic():
        post.delete()


def land_requirements_update(*, district: District, data: dict, user) -> LandRequirements:
    """Store the requirements of the current Förderrichtlinie for ``district``.

    DOMAIN.md: the Förderrichtlinie changes (2018, 2023, 2025), so these are data the KI keeps
    current, not constants in code.
    """
    with transaction.atomic():
        requirements, _ = LandRequirements.objects.get_or_create(district=district)
        for name, value in data.items():
            setattr(requirements, name, value)
        requirements.full_clean()
        requirements.save()
        return requirements
