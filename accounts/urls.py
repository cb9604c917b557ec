"""The accounts app's pages: login, logout, password change and reset (/konto/…), and the
member management of a District (KI-Leitung) under /<district>/mitglieder/."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

app_name = "accounts"

account_patterns = [
    path("anmelden/", auth_views.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("passwort/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "passwort/geaendert/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("passwort-vergessen/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "passwort-vergessen/gesendet/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "passwort-neu/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passwort-neu/fertig/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

member_patterns = [
    path("", views.MemberListView.as_view(), name="members"),
    path("einladen/", views.MemberInviteView.as_view(), name="member_invite"),
    path("<int:pk>/bearbeiten/", views.MemberUpdateView.as_view(), name="member_update"),
    path("<int:pk>/deaktivieren/", views.member_deactivate, name="member_deactivate"),
    path("<int:pk>/reaktivieren/", views.member_reactivate, name="member_reactivate"),
]

urlpatterns = [
    path("konto/", include(account_patterns)),
    path("<slug:district_slug>/mitglieder/", include(member_patterns)),
]
