"""The app's URLs plus ``/__hello__/``: the smallest Django view, through the same middleware,
as the baseline the benchmark divides by (issue 16)."""

from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    return HttpResponse("Hallo, Welt", content_type="text/plain")


urlpatterns = [
    path("__hello__/", hello),
    path("", include("kreisintegration.urls")),
]
