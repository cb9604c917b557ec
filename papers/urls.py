from django.urls import path

from . import views, views_decisions, views_ical

app_name = "papers"

urlpatterns = [
    # The meetings feeds list the papers on each agenda, so they are papers' (paths under the
    # committee pages' gremien/, as before issue 12).
    path("gremien/sitzungen.ics", views_ical.meetings_ical, name="meetings_ical"),
    path(
        "gremien/sitzungen/abo/<str:token>.ics",
        views_ical.subscription_ical,
        name="meetings_subscription",
    ),
    path("vorlagen/", views.PaperListView.as_view(), name="list"),
    path("vorlagen/neu/", views.PaperFormView.as_view(), name="create"),
    path("vorlagen/einstellungen/", views.PaperSettingsView.as_view(), name="settings"),
    path(
        "vorlagen/aus-konzeptfassung/<int:version_pk>/",
        views.paper_from_concept_version,
        name="from_version",
    ),
    # A decision without a paper of this system (issue 14); its page belongs to the Fassung.
    path(
        "konzept/<int:version_pk>/frueherer-beschluss/",
        views_decisions.HistoricDecisionView.as_view(),
        name="historic_decision",
    ),
    path("vorlagen/<int:pk>/", views.PaperDetailView.as_view(), name="detail"),
    path("vorlagen/<int:pk>/bearbeiten/", views.PaperFormView.as_view(), name="update"),
    path("vorlagen/<int:pk>/freigeben/", views.paper_release, name="release"),
    path("vorlagen/<int:pk>/neue-revision/", views.paper_new_revision, name="new_revision"),
    path("vorlagen/<int:pk>/pdf/", views.paper_pdf, name="pdf"),
    path(
        "vorlagen/<int:pk>/pdf/revision-<int:revision>/",
        views.paper_revision_pdf,
        name="revision_pdf",
    ),
    path("vorlagen/<int:pk>/entwurf/pdf/", views.paper_draft_pdf, name="draft_pdf"),
    path("vorlagen/<int:pk>/docx/", views.paper_docx_export, name="docx"),
    path(
        "vorlagen/<int:pk>/beratung/<int:consultation_pk>/ergebnis/",
        views.ResultView.as_view(),
        name="result",
    ),
    path(
        "vorlagen/<int:pk>/anlagen/neu/",
        views.AttachmentCreateView.as_view(),
        name="attachment_create",
    ),
    path(
        "vorlagen/<int:pk>/anlagen/konzeptfassung/",
        views.attachment_concept,
        name="attachment_concept",
    ),
    path(
        "vorlagen/<int:pk>/anlagen/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        "vorlagen/<int:pk>/freigegebene-anlagen/<int:attachment_pk>/",
        views.released_attachment_download,
        name="released_attachment",
    ),
    path(
        "vorlagen/<int:pk>/anlagen/<int:attachment_pk>/loeschen/",
        views.attachment_delete,
        name="attachment_delete",
    ),
]
