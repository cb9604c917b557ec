from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path(
        "konzept/<int:version_pk>/gesamtdokument/",
        views.request_concept,
        name="request_concept",
    ),
    path("berichte/<int:report_pk>/pdf/", views.request_report, name="request_report"),
    path("dokumente/<int:pk>/", views.DocumentView.as_view(), name="detail"),
    path("dokumente/<int:pk>/status/", views.DocumentStatusView.as_view(), name="status"),
    path("dokumente/<int:pk>/pdf/", views.download, name="download"),
]
