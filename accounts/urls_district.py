"""Member management of a District (KI-Leitung), mounted at /<district>/."""

from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("mitglieder/", views.MemberListView.as_view(), name="list"),
    path("mitglieder/einladen/", views.MemberInviteView.as_view(), name="invite"),
    path("mitglieder/<int:pk>/bearbeiten/", views.MemberUpdateView.as_view(), name="update"),
    path("mitglieder/<int:pk>/deaktivieren/", views.member_deactivate, name="deactivate"),
    path("mitglieder/<int:pk>/reaktivieren/", views.member_reactivate, name="reactivate"),
]
