from django.urls import include, path

from . import history, municipalities, operator, views, views_municipal_report

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
    # Issue 20: the Kommunalbericht of one municipality for its own council.
    path(
        "kommunen/<slug:municipality_slug>/bericht/",
        views_municipal_report.MunicipalReportView.as_view(),
        name="municipal_report",
    ),
    path(
        "kommunen/<slug:municipality_slug>/bericht/<int:von>-<int:bis>.pdf",
        views_municipal_report.municipal_report_pdf,
        name="municipal_report_pdf",
    ),
    path(
        "kommunen/<slug:municipality_slug>/bericht/<int:von>-<int:bis>.xlsx",
        views_municipal_report.municipal_report_xlsx,
        name="municipal_report_xlsx",
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
