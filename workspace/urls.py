from django.urls import include, path

from . import history, municipalities, operator, views

app_name = "workspace"

# The operator's pages, outside any District (issue 13).
operator_patterns = [
    path("", operator.OperatorHomeView.as_view(), name="operator"),
    path(
        "kreise/<slug:district_slug>/",
        operator.OperatorDistrictView.as_view(),
        name="operator_district",
    ),
]

district_patterns = [
    path("", views.DistrictHomeView.as_view(), name="home"),
    path("konzept/foerderfaehigkeit/", views.ComplianceView.as_view(), name="compliance"),
    path("personal/", views.StaffingView.as_view(), name="staffing"),
    path("personal/neu/", views.StaffPostFormView.as_view(), name="staff_create"),
    path("personal/<int:pk>/bearbeiten/", views.StaffPostFormView.as_view(), name="staff_update"),
    path("personal/<int:pk>/loeschen/", views.StaffPostDeleteView.as_view(), name="staff_delete"),
    path(
        "personal/anforderungen-des-landes/",
        views.LandRequirementsUpdateView.as_view(),
        name="land_requirements_update",
    ),
    path("kommunen/", municipalities.MunicipalityListView.as_view(), name="municipalities"),
    path(
        "kommunen/neu/", municipalities.MunicipalityFormView.as_view(), name="municipality_create"
    ),
    path(
        "kommunen/<int:pk>/bearbeiten/",
        municipalities.MunicipalityFormView.as_view(),
        name="municipality_update",
    ),
    path(
        "kommunen/<int:pk>/loeschen/",
        municipalities.MunicipalityDeleteView.as_view(),
        name="municipality_delete",
    ),
    path(
        "kommunen/import/",
        municipalities.MunicipalityImportView.as_view(),
        name="municipality_import",
    ),
    path("verlauf/<slug:kind>/<int:pk>/", history.HistoryView.as_view(), name="history"),
    path(
        "verlauf/<slug:kind>/<int:pk>/<int:history_id>/wiederherstellen/",
        history.restore,
        name="history_restore",
    ),
]

urlpatterns = [
    path("betrieb/", include(operator_patterns)),
    path("<slug:district_slug>/", include(district_patterns)),
]
