"""The project's URLconf plus two pages nobody listed, to prove the walker notices."""

from django.http import HttpResponse
from django.urls import path

from kreisintegration.urls import urlpatterns as project_patterns

urlpatterns = [
    path("ohne-kreis/", lambda request: HttpResponse(), name="no-district"),
    path(
        "<slug:district_slug>/neue-seite/",
        lambda request, district_slug: HttpResponse(),
        name="unlisted-page",
    ),
    *project_patterns,
]
