"""Committees (Gremien) with their meetings, and participation events, with CRUD."""

from django.db.models import Count, F, Sum
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from accounts.access import DistrictMixin
from accounts.rights import Capability

from .. import services
from ..forms import CommitteeForm, MeetingForm, ParticipationEventForm
from ..models import Meeting
from ..subscription import subscription_token
from .base import ServiceFormView, StandardDeleteView

# Shown per committee on the overview; the committee page lists them all.
MEETINGS_ON_OVERVIEW = 3


def split_meetings(meetings, now) -> tuple[list[Meeting], list[Meeting]]:
    """``(upcoming soonest first, past latest first)`` from meetings ordered by start."""
    upcoming = [m for m in meetings if m.start >= now]
    past = [m for m in reversed(meetings) if m.start < now]
    return upcoming, past


def committees_url(district) -> str:
    return reverse("actors:committees", args=[district.slug])


class CommitteeListView(DistrictMixin, TemplateView):
    """All Gremien in the order of the usual Beratungsfolge, then the participation events."""

    capability = Capability.READ
    template_name = "actors/committee_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        district = self.request.district
        now = timezone.now()
        committees = list(
            district.committees.select_related("focus_area")
            .prefetch_related("members", "meetings")
            .order_by(F("path_position").asc(nulls_last=True), "name")
        )
        for committee in committees:
            upcoming, past = split_meetings(list(committee.meetings.all()), now)
            committee.upcoming = upcoming[:MEETINGS_ON_OVERVIEW]
            committee.past = past[:MEETINGS_ON_OVERVIEW]
            committee.meeting_count = len(upcoming) + len(past)
        events = district.participation_events.select_related("field_of_action").prefetch_related(
            "actors"
        )
        membership = self.request.access.membership
        if membership is not None:
            path = reverse(
                "papers:meetings_subscription",
                kwargs={"district_slug": district.slug, "token": subscription_token(membership)},
            )
            context["subscription_url"] = self.request.build_absolute_uri(path)
        context.update(
            committees=committees,
            consultation_path=[c for c in committees if c.path_position],
            events=events,
            totals=district.participation_events.aggregate(
                count=Count("pk"),
                participants=Sum("participants"),
                institutions=Sum("institutions"),
            ),
        )
        return context


class CommitteeDetailView(DistrictMixin, DetailView):
    capability = Capability.READ
    template_name = "actors/committee_detail.html"
    context_object_name = "committee"

    def get_object(self, queryset=None):
        return get_object_or_404(
            self.request.district.committees.select_related("focus_area"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = self.object
        upcoming, past = split_meetings(list(committee.meetings.all()), timezone.now())
        context.update(
            members=list(committee.members.select_related("type", "municipality")),
            upcoming=upcoming,
            past=past,
            # Issue 20: the District's members linked to it, and the visitor's own link.
            seat_count=committee.readers.count(),
            own_seat=committee.readers.filter(user=self.request.user).first(),
        )
        return context


class CommitteeFormView(ServiceFormView):
    form_class = CommitteeForm
    success_message = "Gremium gespeichert."

    def get_success_url(self):
        return (
            self.object.get_absolute_url() if self.object else committees_url(self.request.district)
        )


class CommitteeCreateView(CommitteeFormView):
    heading = "Gremium anlegen"

    def save(self, data):
        return services.committee_create(
            district=self.request.district, data=data, user=self.request.user
        )


class CommitteeUpdateView(CommitteeFormView):
    heading = "Gremium bearbeiten"

    def get_object(self):
        return get_object_or_404(self.request.district.committees, pk=self.kwargs["pk"])

    def save(self, data):
        return services.committee_update(
            district=self.request.district, committee=self.object, data=data, user=self.request.user
        )


class CommitteeDeleteView(StandardDeleteView):
    heading = "Gremium löschen"
    success_message = "Gremium gelöscht."
    note = "Mit dem Gremium werden seine Sitzungen gelöscht."

    def get_object(self):
        return get_object_or_404(self.request.district.committees, pk=self.kwargs["pk"])

    def delete(self, obj):
        services.committee_delete(
            district=self.request.district, committee=obj, user=self.request.user
        )

    def back_url(self):
        return self.object.get_absolute_url()

    def deleted_url(self):
        return committees_url(self.request.district)


def district_meetings(district):
    return Meeting.objects.for_district(district).select_related("committee__district")


class MeetingFormView(ServiceFormView):
    form_class = MeetingForm
    success_message = "Sitzung gespeichert."

    def get_success_url(self):
        return self.committee.get_absolute_url()


class MeetingCreateView(MeetingFormView):
    def get_object(self):
        self.committee = get_object_or_404(
            self.request.district.committees, pk=self.kwargs["committee_pk"]
        )
        self.heading = f"Sitzung von „{self.committee.name}“ anlegen"
        return None

    def save(self, data):
        return services.meeting_create(
            district=self.request.district,
            committee=self.committee,
            data=data,
            user=self.request.user,
        )


class MeetingUpdateView(MeetingFormView):
    def get_object(self):
        meeting = get_object_or_404(district_meetings(self.request.district), pk=self.kwargs["pk"])
        self.committee = meeting.committee
        self.heading = f"Sitzung von „{self.committee.name}“ bearbeiten"
        return meeting

    def save(self, data):
        return services.meeting_update(
            district=self.request.district, meeting=self.object, data=data, user=self.request.user
        )


class MeetingDeleteView(StandardDeleteView):
    heading = "Sitzung löschen"
    success_message = "Sitzung gelöscht."

    def get_object(self):
        return get_object_or_404(district_meetings(self.request.district), pk=self.kwargs["pk"])

    def delete(self, obj):
        services.meeting_delete(district=self.request.district, meeting=obj, user=self.request.user)

    def back_url(self):
        return self.object.committee.get_absolute_url()


class ParticipationFormView(ServiceFormView):
    form_class = ParticipationEventForm
    success_message = "Beteiligungsveranstaltung gespeichert."

    def get_success_url(self):
        return committees_url(self.request.district) + "#beteiligung"


class ParticipationCreateView(ParticipationFormView):
    heading = "Beteiligungsveranstaltung anlegen"

    def save(self, data):
        return services.participation_create(
            district=self.request.district, data=data, user=self.request.user
        )


class ParticipationUpdateView(ParticipationFormView):
    heading = "Beteiligungsveranstaltung bearbeiten"

    def get_object(self):
        return get_object_or_404(self.request.district.participation_events, pk=self.kwargs["pk"])

    def save(self, data):
        return services.participation_update(
            district=self.request.district, event=self.object, data=data, user=self.request.user
        )


class ParticipationDeleteView(StandardDeleteView):
    heading = "Beteiligungsveranstaltung löschen"
    success_message = "Beteiligungsveranstaltung gelöscht."

    def get_object(self):
        return get_object_or_404(self.request.district.participation_events, pk=self.kwargs["pk"])

    def delete(self, obj):
        services.participation_delete(
            district=self.request.district, event=obj, user=self.request.user
        )

    def back_url(self):
        return committees_url(self.request.district) + "#beteiligung"
