"""URLs of the Land's KIM funding rates (issue 19), under ``/land/kim-foerdersaetze/``."""

from django.urls import path

from . import views_kim as views

urlpatterns = [
    path("", views.FundingRateListView.as_view(), name="kim_rates"),
    path("neu/", views.FundingRateFormView.as_view(), name="kim_rate_create"),
    path("<int:pk>/bearbeiten/", views.FundingRateFormView.as_view(), name="kim_rate_update"),
]
