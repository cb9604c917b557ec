"""The operator's pages (``/betrieb/…``): every District's set-up state, and the invitation of a
District's first KI-Leitung — the way a Kreis starts without the Django admin (issue 13).

The operator is a superuser (the Kreis's IT, or the Land's IT for a Land-wide installation);
``accounts.access.OperatorMixin`` lets no one else in, the Land included.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView, TemplateView

from accounts import services as account_services
from accounts.access import OperatorMixin
from accounts.forms import LeadInviteForm
from accounts.models import Membership
from accounts.rights import Role
from concepts.models import ConceptVersion
from districts.models import District, Municipality

from .first_steps import first_steps


def _count(queryset):
    """A correlated COUNT subquery (0 when empty): several counts without multiplying joins."""
    return Coalesce(
        Subquery(
            queryset.order_by().values("district").annotate(n=Count("pk")).values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def districts_overview():
    """All Districts with members per role, municipalities, a Fassung and the last login of a
    member — one query, however many Districts there are."""
    active = Membership.objects.filter(
        district=OuterRef("pk"), is_active=True, user__is_active=True
    )
    role_counts = {f"n_{role.value}": _count(active.filter(role=role)) for role in Role}
    return District.objects.annotate(
        **role_counts,
        n_municipalities=_count(Municipality.objects.filter(district=OuterRef("pk"))),
        has_version=Exists(ConceptVersion.objects.filter(concept__district=OuterRef("pk"))),
        last_login=Subquery(
            active.order_by()
            .values("district")
            .annotate(last=Max("user__last_login"))
            .values("last")
        ),
    ).order_by("name")


class OperatorHomeView(OperatorMixin, TemplateView):
    """„Betrieb“: the list of all Districts with their state."""

    template_name = "workspace/operator/districts.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        districts = list(districts_overview())
        for district in districts:
            district.role_counts = [
                (role.label, getattr(district, f"n_{role.value}")) for role in Role
            ]
        context["districts"] = districts
        context["roles"] = list(Role)
        context["without_lead"] = sum(1 for d in districts if not d.n_leitung)
        return context


class OperatorDistrictView(OperatorMixin, FormView):
    """One District's set-up state and the invitation of its KI-Leitung by e-mail."""

    template_name = "workspace/operator/district.html"
    form_class = LeadInviteForm

    def get_district(self) -> District:
        if not hasattr(self, "_district"):
            self._district = get_object_or_404(District, slug=self.kwargs["district_slug"])
        return self._district

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "district": self.get_district()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        district = self.get_district()
        context["target"] = district
        context["steps"] = first_steps(district)
        context["leads"] = list(
            district.memberships.filter(role=Role.LEAD)
            .select_related("user")
            .order_by("user__last_name", "user__first_name")
        )
        return context

    def form_valid(self, form):
        district = self.get_district()
        data = form.cleaned_data
        try:
            membership = account_services.member_invite(
                district=district,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=Role.LEAD,
                municipality=None,
                user=self.request.user,
                base_url=self.request.build_absolute_uri("/"),
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
            return self.form_invalid(form)
        except OSError:  # smtplib.SMTPException is an OSError; nothing was saved
            form.add_error(
                None,
                "Die Einladung konnte nicht versandt werden, deshalb wurde nichts gespeichert. "
                "Bitte versuchen Sie es später erneut.",
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"{membership.user} ist jetzt KI-Leitung von {district.name}; "
            f"die Einladung ging an {membership.user.email}.",
        )
        return redirect("workspace:operator_district", district_slug=district.slug)
