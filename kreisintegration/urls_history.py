from django.urls import path

from . import history

app_name = "history"

urlpatterns = [
    path("verlauf/<slug:kind>/<int:pk>/", history.HistoryView.as_view(), name="detail"),
    path(
        "verlauf/<slug:kind>/<int:pk>/<int:history_id>/wiederherstellen/",
        history.restore,
        name="restore",
    ),
]
