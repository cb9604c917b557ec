"""The workspace meetings feed (``papers/views_ical.py``). It lists papers, so it lives in
papers; its patterns join the actors namespace in the root URLconf, so the committee pages'
links and the URL names (``actors:meetings_ical``, ``actors:meetings_subscription``) stay as
they were before issue 12 moved the views."""

from django.urls import path

from . import views_ical

urlpatterns = [
    path("gremien/sitzungen.ics", views_ical.meetings_ical, name="meetings_ical"),
    path(
        "gremien/sitzungen/abo/<str:token>.ics",
        views_ical.subscription_ical,
        name="meetings_subscription",
    ),
]
