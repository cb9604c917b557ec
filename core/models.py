"""Building blocks shared by the apps' models."""

from django.core.exceptions import PermissionDenied
from django.db import models


class TimeStampedModel(models.Model):
    """Every object carries ``created`` and ``modified``: OParl 1.1 requires both."""

    created = models.DateTimeField("angelegt", auto_now_add=True)
    modified = models.DateTimeField("geändert", auto_now=True)

    class Meta:
        abstract = True


class DistrictQuerySet(models.QuerySet):
    """Backstop for tenant-owned models: queries start from the District."""

    district_path = "district"

    def for_district(self, district):
        return self.filter(**{self.district_path: district})


def district_queryset(path: str):
    """A ``DistrictQuerySet`` whose District is reached through ``path`` (e.g. ``actor__district``)."""
    return type(f"DistrictQuerySet_{path}", (DistrictQuerySet,), {"district_path": path})


def check_district(district, *objects) -> None:
    """PermissionDenied unless every object belongs to ``district``, along the ``district_path``
    of its manager: a service refuses another District's object even if a view let it through."""
    for obj in objects:
        *path, last = type(obj)._default_manager.get_queryset().district_path.split("__")
        owner = obj
        for name in path:
            owner = getattr(owner, name)
        if getattr(owner, f"{last}_id") != district.pk:
            raise PermissionDenied("Das Objekt gehört zu einem anderen Kreis.")
