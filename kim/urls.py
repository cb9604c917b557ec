from django.urls import path

from . import views, views_figures

app_name = "kim"

urlpatterns = [
    path("kim/", views.KimView.as_view(), name="overview"),
    path("kim/stellen/neu/", views.PostFormView.as_view(), name="post_create"),
    path("kim/stellen/<int:pk>/bearbeiten/", views.PostFormView.as_view(), name="post_update"),
    path("kim/stellen/<int:pk>/loeschen/", views.PostDeleteView.as_view(), name="post_delete"),
    path("kim/beschluesse/neu/", views.PostChangeFormView.as_view(), name="change_create"),
    path(
        "kim/beschluesse/<int:pk>/bearbeiten/",
        views.PostChangeFormView.as_view(),
        name="change_update",
    ),
    path(
        "kim/beschluesse/<int:pk>/loeschen/",
        views.PostChangeDeleteView.as_view(),
        name="change_delete",
    ),
    path("kim/gruppen/mitglied/neu/", views.SeatFormView.as_view(), name="seat_create"),
    path(
        "kim/gruppen/mitglied/<int:pk>/loeschen/",
        views.SeatDeleteView.as_view(),
        name="seat_delete",
    ),
    path("kim/strukturbedarfe/", views.FindingBoardView.as_view(), name="findings"),
    path("kim/strukturbedarfe/neu/", views.FindingFormView.as_view(), name="finding_create"),
    path(
        "kim/strukturbedarfe/<int:pk>/",
        views.FindingDetailView.as_view(),
        name="finding_detail",
    ),
    path(
        "kim/strukturbedarfe/<int:pk>/bearbeiten/",
        views.FindingFormView.as_view(),
        name="finding_update",
    ),
    path(
        "kim/strukturbedarfe/<int:pk>/loeschen/",
        views.FindingDeleteView.as_view(),
        name="finding_delete",
    ),
    path("kim/fallzahlen/", views.CaseFiguresView.as_view(), name="case_figures"),
    path(
        "kim/fallzahlen/<int:year>/<int:quarter>/",
        views.CaseFiguresGridView.as_view(),
        name="case_figures_grid",
    ),
    path("kim/fallzahlen/import/", views_figures.CaseImportView.as_view(), name="case_import"),
    path(
        "kim/fallzahlen/import/vorlage.csv",
        views_figures.import_template,
        name="case_import_template",
    ),
    path("kim/fallzahlen/themen/", views_figures.CaseTopicsView.as_view(), name="case_topics"),
    path(
        "kim/fallzahlen/themen/<int:pk>/bearbeiten/",
        views_figures.CaseTopicFormView.as_view(),
        name="topic_update",
    ),
    path(
        "kim/fallzahlen/themen/<int:pk>/loeschen/",
        views_figures.CaseTopicDeleteView.as_view(),
        name="topic_delete",
    ),
    path(
        "kim/fallzahlen/themen/<int:pk>/verschieben/",
        views_figures.case_topic_move,
        name="topic_move",
    ),
]
