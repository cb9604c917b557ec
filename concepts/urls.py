from django.urls import path

from . import urls_editor, views

app_name = "concepts"

urlpatterns = [
    path("arbeitsperioden/", views.PeriodListView.as_view(), name="periods"),
    path("arbeitsperioden/neu/", views.PeriodCreateView.as_view(), name="period_create"),
    path(
        "arbeitsperioden/<int:pk>/bearbeiten/",
        views.PeriodUpdateView.as_view(),
        name="period_update",
    ),
    path(
        "arbeitsperioden/<int:pk>/loeschen/", views.PeriodDeleteView.as_view(), name="period_delete"
    ),
    path(
        "arbeitsperioden/<int:pk>/arbeitsschwerpunkte/neu/",
        views.PriorityCreateView.as_view(),
        name="priority_create",
    ),
    path(
        "arbeitsschwerpunkte/<int:pk>/bearbeiten/",
        views.PriorityUpdateView.as_view(),
        name="priority_update",
    ),
    path(
        "arbeitsschwerpunkte/<int:pk>/loeschen/",
        views.PriorityDeleteView.as_view(),
        name="priority_delete",
    ),
    path("handlungsfelder/", views.FieldListView.as_view(), name="fields"),
    path("handlungsfelder/neu/", views.FieldCreateView.as_view(), name="field_create"),
    path(
        "handlungsfelder/<int:pk>/bearbeiten/",
        views.FieldUpdateView.as_view(),
        name="field_update",
    ),
    path(
        "handlungsfelder/<int:pk>/loeschen/", views.FieldDeleteView.as_view(), name="field_delete"
    ),
    path("zielgruppen/neu/", views.TargetGroupCreateView.as_view(), name="target_group_create"),
    path(
        "zielgruppen/<int:pk>/bearbeiten/",
        views.TargetGroupUpdateView.as_view(),
        name="target_group_update",
    ),
    path(
        "zielgruppen/<int:pk>/loeschen/",
        views.TargetGroupDeleteView.as_view(),
        name="target_group_delete",
    ),
]

# The concept editor (versions, sections, diff, checklist) lives in its own module.
urlpatterns += urls_editor.urlpatterns  # noqa: E305
