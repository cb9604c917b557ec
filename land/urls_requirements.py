"""URLs of the Land's requirements pages (issue 17), under ``/land/anforderungen/``."""

from django.urls import path

from . import views_requirements as views

urlpatterns = [
    path("", views.RequirementSetListView.as_view(), name="requirements"),
    path("neu/", views.RequirementSetFormView.as_view(), name="requirements_create"),
    path(
        "<int:pk>/bearbeiten/", views.RequirementSetFormView.as_view(), name="requirements_update"
    ),
]
