"""Writes for the staffing plan and the Land's requirements (plus one shared read, see below)."""

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from accounts.models import User
from measures.models import Measure

from .access import Access
from .models import District, LandRequirements, StaffPost


def measures_visible_to(*, district: District, access: Access) -> QuerySet[Measure]:
    """The District's current (not archived) measures this user may see.

    A liaison (Scope.OWN_MUNICIPALITY) sees the measures of their municipality and the kreisweit
    ones, i.e. those without any municipality (seed 004: "gemeinde- bzw. stadtscharf").
    """
    measures = district.measures.filter(is_archived=False)
    if access.is_liaison:
        links = Measure.municipalities.through.objects.filter(measure=OuterRef("pk"))
        measures = measures.filter(
            Exists(links.filter(municipality=access.municipality)) | ~Exists(links)
        )
    return measures


def staff_post_save(
    *, district: District, data: dict, user: User, post: StaffPost | None = None
) -> StaffPost:
    """Create (``post`` None) or change a post of the staffing plan from cleaned form data."""
    with transaction.atomic():
        post = post or StaffPost(district=district)
        for name, value in data.items():
            setattr(post, name, value)
        post.full_clean()
        post.save()
        return post


def staff_post_delete(*, post: StaffPost, user: User) -> None:
    """Remove a post from the staffing plan."""
    with transaction.atomic():
        post.delete()


def land_requirements_update(*, district: District, data: dict, user: User) -> LandRequirements:
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
