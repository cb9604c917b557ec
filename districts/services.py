"""Writes for the staffing plan and the Land's requirements."""

from django.db import transaction

from core.models import check_district

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


def staff_post_delete(*, district: District, post: StaffPost, user) -> None:
    """Remove a post from the staffing plan."""
    check_district(district, post)
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


def land_requirements_for(*, district: District) -> LandRequirements:
    """The District's requirements; a District from before ``districts.signals`` gets the Land's
    defaults stored on first use."""
    requirements, _ = LandRequirements.objects.get_or_create(district=district)
    return requirements
