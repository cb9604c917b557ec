from django.urls import path

from . import views, views_decisions, views_ical, views_meetings, views_signoff

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
    # A meeting with its Tagesordnung and Sitzungsmappe (issue 20): the agenda lists papers.
    path("gremien/sitzungen/<int:pk>/", views_meetings.MeetingView.as_view(), name="meeting"),
    path("gremien/sitzungen/<int:pk>/mappe/", views_meetings.meeting_folder, name="meeting_folder"),
    path(
        "gremien/sitzungsmappen/<int:folder_pk>/neu/",
        views_meetings.meeting_folder_request,
        name="meeting_folder_request",
    ),
    path(
        "gremien/sitzungen/<int:pk>/tagesordnung/",
        views_meetings.AgendaView.as_view(),
        name="agenda",
    ),
    path(
        "gremien/sitzungen/<int:pk>/tagesordnung/verschieben/",
        views_meetings.agenda_move,
        name="agenda_move",
    ),
    path(
        "gremien/tagesordnung/<int:pk>/bearbeiten/",
        views_meetings.AgendaItemUpdateView.as_view(),
        name="agenda_item_update",
    ),
    path(
        "gremien/tagesordnung/<int:pk>/loeschen/",
        views_meetings.AgendaItemDeleteView.as_view(),
        name="agenda_item_delete",
    ),
    path("vorlagen/", views.PaperListView.as_view(), name="list"),
    path("vorlagen/neu/", views.PaperFormView.as_view(), name="create"),
    path("vorlagen/einstellungen/", views.PaperSettingsView.as_view(), name="settings"),
    path(
        "vorlagen/mitzeichnung/",
        views_signoff.SignOffStepsView.as_view(),
        name="signoff_steps",
    ),
    path(
        "vorlagen/mitzeichnung/<int:step_pk>/entfernen/",
        views_signoff.signoff_step_delete,
        name="signoff_step_delete",
    ),
    path(
        "vorlagen/mitzeichnung/<int:step_pk>/verschieben/",
        views_signoff.signoff_step_move,
        name="signoff_step_move",
    ),
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
    path("vorlagen/<int:pk>/freigeben/", views_signoff.ReleaseView.as_view(), name="release"),
    # Mitzeichnung (issue 14)
    path(
        "vorlagen/<int:pk>/mitzeichnung/anfordern/",
        views_signoff.signoff_request,
        name="signoff_request",
    ),
    path(
        "vorlagen/<int:pk>/mitzeichnung/mitzeichnen/",
        views_signoff.signoff_sign,
        name="signoff_sign",
    ),
    path(
        "vorlagen/<int:pk>/mitzeichnung/zurueckgeben/",
        views_signoff.SignOffReturnView.as_view(),
        name="signoff_return",
    ),
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
