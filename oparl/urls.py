"""OParl 1.1 under /oparl/v1.1/. The path words are OParl's object type names (body, paper, …),
as OParl clients and other council information systems use them, not German page names."""

from django.urls import path, register_converter

from . import views


class AgendaKeyConverter:
    """An AgendaItem within its meeting: "p<paper id>" or "i<item id>" (oparl/agenda.py)."""

    regex = "[pi][0-9]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(AgendaKeyConverter, "agenda_key")

app_name = "oparl"

body = "body/<slug:body>/"

urlpatterns = [
    path("", views.SystemView.as_view(), name="system"),
    path("body/", views.BodyListView.as_view(), name="body_list"),
    path(body, views.BodyView.as_view(), name="body"),
    path(f"{body}organization/", views.OrganizationListView.as_view(), name="organization_list"),
    path(f"{body}person/", views.PersonListView.as_view(), name="person_list"),
    path(f"{body}meeting/", views.MeetingListView.as_view(), name="meeting_list"),
    path(f"{body}paper/", views.PaperListView.as_view(), name="paper_list"),
    path(f"{body}organization/<int:pk>/", views.OrganizationView.as_view(), name="organization"),
    path(f"{body}meeting/<int:pk>/", views.MeetingView.as_view(), name="meeting"),
    path(f"{body}paper/<int:pk>/", views.PaperView.as_view(), name="paper"),
    path(f"{body}consultation/<int:pk>/", views.ConsultationView.as_view(), name="consultation"),
    # Issue 20: the öffentlich items of a meeting's agenda and its place, embedded in the
    # Meeting and answering at their own URLs.
    path(
        f"{body}agendaitem/<int:meeting>-<agenda_key:key>/",
        views.AgendaItemView.as_view(),
        name="agenda_item",
    ),
    path(f"{body}location/<int:pk>/", views.LocationView.as_view(), name="location"),
    # Files: the released PDF of a paper (one per release) and its Anlagen.
    path(f"{body}file/release-<int:pk>/", views.ReleaseFileView.as_view(), name="release_file"),
    path(
        f"{body}file/release-<int:pk>/access/",
        views.ReleaseFileContentView.as_view(),
        name="release_file_access",
    ),
    path(
        f"{body}file/release-<int:pk>/download/",
        views.ReleaseFileContentView.as_view(download=True),
        name="release_file_download",
    ),
    path(
        f"{body}file/attachment-<int:pk>/",
        views.AttachmentFileView.as_view(),
        name="attachment_file",
    ),
    path(
        f"{body}file/attachment-<int:pk>/access/",
        views.AttachmentFileContentView.as_view(),
        name="attachment_file_access",
    ),
    path(
        f"{body}file/attachment-<int:pk>/download/",
        views.AttachmentFileContentView.as_view(download=True),
        name="attachment_file_download",
    ),
]
