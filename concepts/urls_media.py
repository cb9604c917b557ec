"""/media/… : only concept images, each through its permission check (concepts/media.py)."""

from django.urls import path

from . import media

app_name = "media"

urlpatterns = [
    path("bilder/<slug:district_slug>/<str:name>", media.concept_image, name="concept_image"),
]
