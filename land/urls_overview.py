"""URLs of the Land's overview pages (issue 17)."""

from django.urls import path

from . import views_overview

urlpatterns = [
    # ?als=csv or ?als=xlsx downloads the same rows (filters and sort kept)
    path("", views_overview.OverviewView.as_view(), name="overview"),
]
