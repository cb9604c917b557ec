"""URLs of the concept editor; included into concepts/urls.py under the District."""

from django.urls import path

from . import views_agreements as agreements
from . import views_editor as views

urlpatterns = [
    path("konzept/", views.VersionListView.as_view(), name="versions"),
    path("konzept/neu/", views.VersionCreateView.as_view(), name="version_create"),
    path("konzept/vergleich/", views.DiffView.as_view(), name="diff"),
    path("konzept/bilder/", views.image_upload, name="image_upload"),
    path("konzept/<int:pk>/", views.VersionDetailView.as_view(), name="version_detail"),
    path("konzept/<int:pk>/bearbeiten/", views.VersionUpdateView.as_view(), name="version_update"),
    path("konzept/<int:pk>/fortschreiben/", views.version_continue, name="version_continue"),
    path("konzept/<int:pk>/inhalt/", views.version_choose_contents, name="version_contents"),
    path("konzept/<int:pk>/status/", views.version_status, name="version_status"),
    path("konzept/<int:pk>/vorgelegt/", views.version_submit, name="version_submit"),
    path(
        "konzept/<int:pk>/einvernehmen/",
        agreements.AgreementListView.as_view(),
        name="agreements",
    ),
    path(
        "konzept/<int:pk>/einvernehmen/<int:municipality_pk>/",
        agreements.AgreementEditView.as_view(),
        name="agreement_edit",
    ),
    path(
        "konzept/<int:pk>/einvernehmen/<int:municipality_pk>/loeschen/",
        agreements.AgreementDeleteView.as_view(),
        name="agreement_delete",
    ),
    path(
        "konzept/<int:pk>/einvernehmen/<int:municipality_pk>/beschluss.pdf",
        agreements.AgreementDocumentView.as_view(),
        name="agreement_document",
    ),
    path(
        "konzept/<int:pk>/abschnitte/neu/", views.SectionCreateView.as_view(), name="section_create"
    ),
    path("konzept/abschnitte/<int:pk>/", views.SectionUpdateView.as_view(), name="section_update"),
    path("konzept/abschnitte/<int:pk>/loeschen/", views.section_delete, name="section_delete"),
    path("konzept/abschnitte/<int:pk>/verschieben/", views.section_move, name="section_move"),
]
