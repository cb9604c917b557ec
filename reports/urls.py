from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("berichte/", views.ReportListView.as_view(), name="list"),
    path("berichte/neu/", views.ReportCreateView.as_view(), name="create"),
    path("berichte/<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path("berichte/<int:pk>/bearbeiten/", views.ReportUpdateView.as_view(), name="update"),
    path("berichte/<int:pk>/export.csv", views.export_csv, name="export_csv"),
    path("berichte/<int:pk>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("berichte/<int:pk>/mitteilungsvorlage/", views.report_paper, name="paper"),
    # Under kim/: the Sachbericht belongs to the KIM pages (navigation), its code to reports.
    path("kim/sachbericht/", views.KimReportView.as_view(), name="kim_report"),
    path("kim/sachbericht/<int:year>.pdf", views.kim_report_pdf, name="kim_report_pdf"),
    path("kim/sachbericht/<int:year>.xlsx", views.kim_report_xlsx, name="kim_report_xlsx"),
    path(
        "kim/sachbericht/<int:year>/mitteilungsvorlage/",
        views.kim_report_paper,
        name="kim_report_paper",
    ),
]
