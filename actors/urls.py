from django.urls import path

from .views import actors, committees, contacts, glossary, ical, readers

app_name = "actors"

urlpatterns = [
    path("akteure/", actors.ActorListView.as_view(), name="list"),
    path("akteure/neu/", actors.ActorCreateView.as_view(), name="create"),
    path("akteure/<int:pk>/", actors.ActorDetailView.as_view(), name="detail"),
    path("akteure/<int:pk>/bearbeiten/", actors.ActorUpdateView.as_view(), name="update"),
    path("akteure/<int:pk>/loeschen/", actors.ActorDeleteView.as_view(), name="delete"),
    path(
        "akteure/<int:actor_pk>/angebote/neu/",
        actors.OfferCreateView.as_view(),
        name="offer_create",
    ),
    path(
        "akteure/angebote/<int:pk>/bearbeiten/",
        actors.OfferUpdateView.as_view(),
        name="offer_update",
    ),
    path(
        "akteure/angebote/<int:pk>/loeschen/", actors.OfferDeleteView.as_view(), name="offer_delete"
    ),
    path(
        "akteure/<int:actor_pk>/ansprechpersonen/neu/",
        contacts.ContactCreateView.as_view(),
        name="contact_create",
    ),
    path(
        "akteure/ansprechpersonen/<int:pk>/bearbeiten/",
        contacts.ContactUpdateView.as_view(),
        name="contact_update",
    ),
    path(
        "akteure/ansprechpersonen/<int:pk>/loeschen/",
        contacts.ContactDeleteView.as_view(),
        name="contact_delete",
    ),
    path(
        "akteure/ansprechpersonen/<int:pk>/auskunft/",
        contacts.ContactExportView.as_view(),
        name="contact_export",
    ),
    path(
        "akteure/ansprechpersonen/<int:pk>/dsgvo-loeschen/",
        contacts.contact_erase,
        name="contact_erase",
    ),
    path("akteure/glossar/", glossary.GlossaryView.as_view(), name="glossary"),
    path("akteure/glossar/neu/", glossary.GlossaryCreateView.as_view(), name="glossary_create"),
    path(
        "akteure/glossar/<int:pk>/bearbeiten/",
        glossary.GlossaryUpdateView.as_view(),
        name="glossary_update",
    ),
    path(
        "akteure/glossar/<int:pk>/loeschen/",
        glossary.GlossaryDeleteView.as_view(),
        name="glossary_delete",
    ),
    path("gremien/", committees.CommitteeListView.as_view(), name="committees"),
    path("gremien/neu/", committees.CommitteeCreateView.as_view(), name="committee_create"),
    # The feeds "gremien/sitzungen.ics" and "gremien/sitzungen/abo/<token>.ics" list papers:
    # papers:meetings_ical and papers:meetings_subscription (papers/urls.py).
    path(
        "gremien/sitzungen/abo-erneuern/",
        ical.subscription_renew,
        name="meetings_subscription_renew",
    ),
    path("gremien/<int:pk>/", committees.CommitteeDetailView.as_view(), name="committee_detail"),
    path(
        "gremien/<int:pk>/bearbeiten/",
        committees.CommitteeUpdateView.as_view(),
        name="committee_update",
    ),
    path(
        "gremien/<int:pk>/loeschen/",
        committees.CommitteeDeleteView.as_view(),
        name="committee_delete",
    ),
    # Issue 20: the District's members who sit on a Gremium get an e-mail per released paper.
    path(
        "gremien/<int:pk>/zugaenge/",
        readers.CommitteeReadersView.as_view(),
        name="committee_readers",
    ),
    path(
        "gremien/zugaenge/<int:pk>/entfernen/",
        readers.committee_reader_remove,
        name="committee_reader_remove",
    ),
    path(
        "gremien/benachrichtigungen/",
        readers.NoticeSettingsView.as_view(),
        name="notice_settings",
    ),
    path(
        "gremien/<int:committee_pk>/sitzungen/neu/",
        committees.MeetingCreateView.as_view(),
        name="meeting_create",
    ),
    path(
        "gremien/sitzungen/<int:pk>/bearbeiten/",
        committees.MeetingUpdateView.as_view(),
        name="meeting_update",
    ),
    path(
        "gremien/sitzungen/<int:pk>/loeschen/",
        committees.MeetingDeleteView.as_view(),
        name="meeting_delete",
    ),
    path(
        "gremien/beteiligung/neu/",
        committees.ParticipationCreateView.as_view(),
        name="participation_create",
    ),
    path(
        "gremien/beteiligung/<int:pk>/bearbeiten/",
        committees.ParticipationUpdateView.as_view(),
        name="participation_update",
    ),
    path(
        "gremien/beteiligung/<int:pk>/loeschen/",
        committees.ParticipationDeleteView.as_view(),
        name="participation_delete",
    ),
]
