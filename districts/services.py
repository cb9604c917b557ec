"""Writes for the municipalities, the staffing plan and the Land's requirements."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.models import check_district
from core.text import german_slugify

from .models import District, LandRequirements, Municipality, RequirementSet, StaffPost
from .municipality_import import ImportPlan, Row, plan_import


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
    """Store the District's deadline at the Land (the only per-District part, issue 17)."""
    with transaction.atomic():
        requirements, _ = LandRequirements.objects.get_or_create(district=district)
        for name, value in data.items():
            setattr(requirements, name, value)
        requirements.full_clean()
        requirements.save()
        return requirements


def requirement_set_save(
    *, data: dict, user, requirement_set: RequirementSet | None = None
) -> RequirementSet:
    """Create (``requirement_set`` None) or change one variant of a Land requirement set.

    Issue 17: the Land owns the sets; ``full_clean`` refuses an end before the start and two
    sets of the same variant valid on one day. The history records who changed what.
    """
    with transaction.atomic():
        requirement_set = requirement_set or RequirementSet()
        for name, value in data.items():
            setattr(requirement_set, name, value)
        requirement_set.full_clean()
        requirement_set.save()
        return requirement_set


def land_requirements_for(*, district: District) -> LandRequirements:
    """The District's requirements; a District from before ``districts.signals`` gets the Land's
    defaults stored on first use."""
    requirements, _ = LandRequirements.objects.get_or_create(district=district)
    return requirements


def municipality_save(
    *, district: District, data: dict, user, municipality: Municipality | None = None
) -> Municipality:
    """Create (``municipality`` None) or change a municipality of ``district``.

    ``full_clean`` checks the AGS: 8 digits beginning with the District's 5-digit key.
    """
    if municipality is not None:
        check_district(district, municipality)
    with transaction.atomic():
        municipality = municipality or Municipality(district=district)
        for name, value in data.items():
            setattr(municipality, name, value)
        municipality.slug = municipality.slug or german_slugify(municipality.name)
        municipality.full_clean()
        municipality.save()
        return municipality


def municipality_delete(*, district: District, municipality: Municipality, user) -> None:
    """Remove a municipality nobody refers to; otherwise refuse with the German reason."""
    check_district(district, municipality)
    with transaction.atomic():
        if refusal := municipality.deletion_refusal():
            raise ValidationError(refusal)
        municipality.delete()


def municipalities_import(
    *,
    district: District,
    rows: list[Row],
    user,
    population_year: int | None = None,
    population_source: str = "",
) -> ImportPlan:
    """Create and update the municipalities of ``district`` from an official list, all or none.

    The plan is made again inside the transaction (the list may have changed since the
    preview); rows of other Kreise are skipped. Any error in the file or in one municipality
    rolls everything back and raises ``ValidationError`` with the German reasons.
    """
    with transaction.atomic():
        plan = plan_import(
            district,
            rows,
            population_year=population_year,
            population_source=population_source,
        )
        if plan.errors:
            raise ValidationError(plan.errors)
        problems = []
        for change in plan.created + plan.changed:
            municipality = change.municipality or Municipality(district=district)
            for name, value in change.values.items():
                setattr(municipality, name, value)
            municipality.slug = municipality.slug or german_slugify(municipality.name)
            try:
                municipality.full_clean()
            except ValidationError as error:
                problems.append(
                    f"Zeile {change.row.line} ({change.row.name}): " + " ".join(error.messages)
                )
                continue
            municipality.save()
        if problems:  # leaving the block with the exception undoes what was saved
            raise ValidationError(problems)
        return plan
