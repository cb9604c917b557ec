from django.urls import path

from . import views, views_answers, views_review

app_name = "coordination"

urlpatterns = [
    path("abstimmungen/", views.RoundListView.as_view(), name="list"),
    path("abstimmungen/neu/", views.RoundCreateView.as_view(), name="create"),
    path("abstimmungen/<int:pk>/", views.RoundDetailView.as_view(), name="detail"),
    path("abstimmungen/<int:pk>/bearbeiten/", views.RoundUpdateView.as_view(), name="update"),
    path(
        "abstimmungen/<int:pk>/optionen/neu/",
        views.OptionCreateView.as_view(),
        name="option_create",
    ),
    path(
        "abstimmungen/optionen/<int:pk>/bearbeiten/",
        views.OptionUpdateView.as_view(),
        name="option_update",
    ),
    path(
        "abstimmungen/optionen/<int:pk>/loeschen/",
        views.OptionDeleteView.as_view(),
        name="option_delete",
    ),
    path("abstimmungen/<int:pk>/vorbelegen/", views.round_prefill, name="prefill"),
    path("abstimmungen/<int:pk>/oeffnen/", views.round_open, name="open"),
    path("abstimmungen/<int:pk>/erinnern/", views.round_remind, name="remind"),
    path("abstimmungen/<int:pk>/antwort/", views_answers.AnswerView.as_view(), name="answer"),
    path(
        "abstimmungen/<int:pk>/antwort/bestaetigung/",
        views_answers.ConfirmationView.as_view(),
        name="confirmation",
    ),
    path("abstimmungen/<int:pk>/ergebnis/", views_answers.ResultView.as_view(), name="result"),
    path("abstimmungen/<int:pk>/uebernehmen/", views_answers.round_adopt, name="adopt"),
    # ?als=xlsx for Excel, CSV otherwise
    path("abstimmungen/<int:pk>/antworten/", views_answers.export, name="export"),
    # Issue 18: the Beteiligung on a draft, under the Fassung it concerns.
    path(
        "konzept/<int:version_pk>/beteiligung/",
        views_review.ReviewListView.as_view(),
        name="reviews",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/neu/",
        views_review.ReviewCreateView.as_view(),
        name="review_create",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/",
        views_review.ReviewDetailView.as_view(),
        name="review_detail",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/anmerkung/",
        views_review.CommentCreateView.as_view(),
        name="review_comment",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/abwaegung/",
        views_review.AbwaegungView.as_view(),
        name="review_abwaegung",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/abwaegung/als-anlage/",
        views_review.AttachAbwaegungView.as_view(),
        name="review_attach",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/einladungen/",
        views_review.InvitationsView.as_view(),
        name="review_invitations",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/einladungen/<int:invitation_pk>/widerrufen/",
        views_review.RevokeInvitationView.as_view(),
        name="review_revoke",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/erinnern/",
        views_review.RemindView.as_view(),
        name="review_remind",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/abwaegung/veroeffentlichen/",
        views_review.PublishView.as_view(),
        name="review_publish",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/einladungen/<int:invitation_pk>/auskunft/",
        views_review.InvitationExportView.as_view(),
        name="review_invitation_export",
    ),
    path(
        "konzept/<int:version_pk>/beteiligung/<int:pk>/einladungen/<int:invitation_pk>/loeschen/",
        views_review.InvitationEraseView.as_view(),
        name="review_invitation_erase",
    ),
    path(
        "konzept/beteiligung/anmerkungen/<int:pk>/moderieren/",
        views_review.ModerateView.as_view(),
        name="review_moderate",
    ),
    # The public variant's page and sign-up: no login.
    path(
        "beteiligung/<int:pk>/",
        views_review.PublicReviewView.as_view(),
        name="review_public",
    ),
    # An external participant's personal link: no login (tests/coordination/test_reviews.py).
    path(
        "beteiligung/einladung/<str:token>/",
        views_review.ExternalReviewView.as_view(),
        name="review_external",
    ),
    path(
        "beteiligung/einladung/<str:token>/anmerkung/",
        views_review.ExternalCommentView.as_view(),
        name="review_external_comment",
    ),
    path(
        "konzept/beteiligung/anmerkungen/<int:pk>/abwaegen/",
        views_review.WeighView.as_view(),
        name="review_weigh",
    ),
]
