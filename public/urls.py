"""The public pages of a District under /oeffentlich/<district>/ (no login), and the KI's list
of the feedback sent from them under /<district>/rueckmeldungen/."""

from django.urls import include, path

from . import ical, views, views_workspace

app_name = "public"

public_patterns = [
    path("<slug:district_slug>/", views.StartView.as_view(), name="start"),
    path("<slug:district_slug>/akteure/", views.DirectoryView.as_view(), name="directory"),
    path("<slug:district_slug>/akteure/<int:pk>/", views.ActorView.as_view(), name="actor"),
    path("<slug:district_slug>/glossar/", views.GlossaryView.as_view(), name="glossary"),
    path("<slug:district_slug>/konzept/", views.ConceptView.as_view(), name="concept"),
    path(
        "<slug:district_slug>/barrierefreiheit/",
        views.AccessibilityView.as_view(),
        name="accessibility",
    ),
    path("<slug:district_slug>/vorlagen/", views.PaperListView.as_view(), name="papers"),
    path("<slug:district_slug>/vorlagen/<int:pk>/", views.PaperView.as_view(), name="paper"),
    path("<slug:district_slug>/vorlagen/<int:pk>/pdf/", views.paper_pdf, name="paper_pdf"),
    path(
        "<slug:district_slug>/vorlagen/<int:pk>/anlagen/<int:attachment_pk>/",
        views.paper_attachment,
        name="paper_attachment",
    ),
    path("<slug:district_slug>/sitzungen.ics", ical.meetings_ical, name="meetings_ical"),
    path("<slug:district_slug>/sitzungen/<int:pk>/", views.MeetingView.as_view(), name="meeting"),
    path(
        "<slug:district_slug>/sitzungen/<int:pk>/mappe/",
        views.meeting_folder,
        name="meeting_folder",
    ),
    path("<slug:district_slug>/barrierefreiheit/danke/", views.ThanksView.as_view(), name="thanks"),
]

# The KI reads the feedback sent from the accessibility statement (under /<district>/).
feedback_patterns = [
    path("", views_workspace.FeedbackListView.as_view(), name="feedback"),
    path(
        "<int:pk>/erledigt/",
        views_workspace.feedback_mark_handled,
        name="feedback_mark_handled",
    ),
]

urlpatterns = [
    path("oeffentlich/", include(public_patterns)),
    path("<slug:district_slug>/rueckmeldungen/", include(feedback_patterns)),
]
