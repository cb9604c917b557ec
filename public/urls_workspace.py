from django.urls import path

from . import views_workspace

app_name = "feedback"

urlpatterns = [
    path("rueckmeldungen/", views_workspace.FeedbackListView.as_view(), name="list"),
    path(
        "rueckmeldungen/<int:pk>/erledigt/",
        views_workspace.feedback_mark_handled,
        name="mark_handled",
    ),
]
