"""Who of the District sits on a Gremium, and each member's own switch for the e-mail notices
(issue 20: a release of a paper for the Gremium e-mails them a link, ``papers.notices``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from accounts.access import DistrictMixin, district_view
from accounts.models import Membership
from accounts.rights import Capability, Role, Scope, scope_of

from .. import services
from ..forms import CommitteeReaderForm, NoticeSettingsForm
from ..models import CommitteeReader


def readers_url(committee) -> str:
    return reverse("actors:committee_readers", args=[committee.district.slug, committee.pk])


def district_seats(district):
    return CommitteeReader.objects.for_district(district).select_related(
        "committee__district", "user"
    )


class CommitteeReadersView(DistrictMixin, FormView):
    """The KI links members of the District to a Gremium and removes them again."""

    capability = Capability.EDIT
    template_name = "actors/committee_readers.html"
    form_class = CommitteeReaderForm

    def dispatch(self, request, *args, **kwargs):
        self.committee = None
        return super().dispatch(request, *args, **kwargs)

    def get_committee(self):
        if self.committee is None:
            self.committee = get_object_or_404(
                self.request.district.committees.select_related("district"), pk=self.kwargs["pk"]
            )
        return self.committee

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(district=self.request.district, committee=self.get_committee())
        return kwargs

    def form_valid(self, form):
        committee = self.get_committee()
        reader = form.cleaned_data["reader"]
        try:
            services.committee_reader_add(
                district=self.request.district,
                committee=committee,
                reader=reader,
                user=self.request.user,
            )
        except ValidationError as exc:
            form.add_error("reader", exc)
            return self.form_invalid(form)
        messages.success(self.request, f"{reader} ist „{committee.name}“ zugeordnet.")
        return redirect(readers_url(committee))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee = self.get_committee()
        district = self.request.district
        memberships = Membership.objects.filter(user=OuterRef("user"), district=district)
        seats = (
            committee.readers.select_related("user")
            .annotate(
                district_role=Subquery(memberships.filter(is_active=True).values("role")[:1]),
                is_member=Exists(memberships.filter(is_active=True, user__is_active=True)),
            )
            .order_by("user__last_name", "user__first_name", "user__username")
        )
        seats = list(seats)
        for seat in seats:
            seat.role_label = Role(seat.district_role).label if seat.is_member else ""
            # accounts.rights: who reads only öffentliche papers hears only of those.
            seat.public_only = seat.is_member and (
                scope_of(seat.district_role, Capability.READ_PAPERS) != Scope.ALL
            )
        context.update(committee=committee, seats=seats)
        return context


@district_view(Capability.EDIT)
@require_POST
def committee_reader_remove(request, pk):
    seat = get_object_or_404(district_seats(request.district), pk=pk)
    committee = seat.committee
    services.committee_reader_remove(district=request.district, seat=seat, user=request.user)
    messages.success(request, f"{seat.user} ist „{committee.name}“ nicht mehr zugeordnet.")
    return redirect(readers_url(committee))


class NoticeSettingsView(DistrictMixin, FormView):
    """A member's own Gremien in this District, each with its switch for the e-mails."""

    capability = Capability.READ_PAPERS
    template_name = "actors/notice_settings.html"
    form_class = NoticeSettingsForm

    def seats(self):
        return (
            CommitteeReader.objects.for_district(self.request.district)
            .filter(user=self.request.user)
            .select_related("committee")
            .order_by("committee__name")
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["seats"] = self.seats()
        return kwargs

    def form_valid(self, form):
        services.reader_notices_set(
            district=self.request.district,
            reader=self.request.user,
            notify_on=form.cleaned_data["notify"],
        )
        messages.success(self.request, "Ihre Benachrichtigungen sind gespeichert.")
        return redirect(reverse("actors:notice_settings", args=[self.request.district.slug]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        access = self.request.access
        context.update(
            public_only=access.scope(Capability.READ_PAPERS) == Scope.PUBLIC_ONLY,
            has_email=bool(self.request.user.email),
        )
        return context
