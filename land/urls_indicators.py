"""URLs of the Land's indicator catalogue (issue 17), under /land/kennzahlen/.

"neu" and "bevoelkerung" come before the key; a Land key may not take those names
(``measures.models.RESERVED_LAND_INDICATOR_KEYS``).
"""

from django.urls import path

from . import views_indicators as views

urlpatterns = [
    path("", views.IndicatorListView.as_view(), name="indicators"),
    path("neu/", views.IndicatorCreateView.as_view(), name="indicator_create"),
    path("bevoelkerung/", views.PopulationView.as_view(), name="population"),
    path("bevoelkerung/import/", views.PopulationImportView.as_view(), name="population_import"),
    path(
        "bevoelkerung/<slug:slug>/",
        views.PopulationUpdateView.as_view(),
        name="population_update",
    ),
    path("<slug:key>/", views.IndicatorDetailView.as_view(), name="indicator_detail"),
    path("<slug:key>/bearbeiten/", views.IndicatorUpdateView.as_view(), name="indicator_update"),
]
