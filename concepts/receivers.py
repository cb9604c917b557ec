"""A new District gets its (empty) Concept: concepts listens to districts, never the reverse."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from districts.models import District

from .models import Concept


@receiver(post_save, sender=District, dispatch_uid="district_concept")
def create_district_concept(sender, instance: District, created: bool, raw: bool = False, **kwargs):
    if not created or raw:
        return
    Concept.objects.get_or_create(
        district=instance, defaults={"title": f"Integrationskonzept {instance.name}"}
    )
