"""A new District gets the Land's default requirements (its concept: see concepts/receivers.py)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import District, LandRequirements


@receiver(post_save, sender=District, dispatch_uid="district_defaults")
def create_district_defaults(
    sender, instance: District, created: bool, raw: bool = False, **kwargs
):
    if not created or raw:
        return
    LandRequirements.objects.get_or_create(district=instance)
