from django.urls import path

from . import views
from .views import exports

app_name = "measures"

urlpatterns = [
    path("massnahmen/", views.MeasureListView.as_view(), name="list"),
    path("massnahmen/neu/", views.MeasureCreateView.as_view(), name="create"),
    path("massnahmen/einstellungen/", views.MeasurementSettingsView.as_view(), name="settings"),
    path("massnahmen/export.csv", exports.export_csv, name="export_csv"),
    path("massnahmen/export.xlsx", exports.export_xlsx, name="export_xlsx"),
    path("massnahmen/<int:pk>/", views.MeasureDetailView.as_view(), name="detail"),
    path("massnahmen/<int:pk>/bearbeiten/", views.MeasureUpdateView.as_view(), name="update"),
    path("massnahmen/<int:pk>/kopieren/", views.measure_copy, name="copy"),
    path("massnahmen/<int:pk>/archivieren/", views.measure_archive, name="archive"),
    path(
        "massnahmen/<int:measure_pk>/kennzahlen/neu/",
        views.IndicatorCreateView.as_view(),
        name="indicator_create",
    ),
    path(
        "massnahmen/<int:measure_pk>/kennzahlen/<int:pk>/bearbeiten/",
        views.IndicatorUpdateView.as_view(),
        name="indicator_update",
    ),
    path(
        "massnahmen/<int:measure_pk>/kennzahlen/<int:pk>/loeschen/",
        views.IndicatorDeleteView.as_view(),
        name="indicator_delete",
    ),
    path(
        "massnahmen/<int:measure_pk>/kennzahlen/<int:pk>/messwerte/",
        views.measurement_add,
        name="measurement_add",
    ),
    path(
        "massnahmen/<int:measure_pk>/kennzahlen/<int:pk>/werte/",
        views.MeasurementGridView.as_view(),
        name="measurement_grid",
    ),
    path(
        "massnahmen/<int:measure_pk>/messwerte/<int:pk>/bearbeiten/",
        views.MeasurementUpdateView.as_view(),
        name="measurement_update",
    ),
    path(
        "massnahmen/<int:measure_pk>/messwerte/<int:pk>/loeschen/",
        views.measurement_delete,
        name="measurement_delete",
    ),
    path("massnahmen/messwerte-import/", views.ImportView.as_view(), name="import"),
    path("massnahmen/messwerte-import/vorlage.csv", views.import_template, name="import_template"),
    path(
        "massnahmen/messwerte-import/<int:pk>/",
        views.ImportProgressView.as_view(),
        name="import_progress",
    ),
]
