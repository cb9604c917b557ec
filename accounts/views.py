"""Start page, password pages and the member management of a District."""

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, TemplateView, UpdateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import LAND, Capability, Role
from core.locking import StaleEditGuard
from districts.models import District

from . import services
from .forms import MemberInviteForm, MemberUpdateForm, PasswordResetForm
from .models import session_record


class HomeView(TemplateView):
    """Public start page: what the product is and a login form; once logged in, your Districts."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if not user.is_authenticated:
            context["login_form"] = AuthenticationForm(self.request)
            return context
        items = [
            {"district": m.district, "role_label": m.get_role_display()}
            for m in user.memberships.filter(is_active=True).select_related("district")
        ]
        if user.is_land or user.is_superuser:
            member_of = {item["district"].pk for item in items}
            label = "Betrieb" if user.is_superuser else "Land (lesend)"
            items += [
                {"district": d, "role_label": label}
                for d in District.objects.exclude(pk__in=member_of)
            ]
        context["districts"] = items
        context["roles"] = Role
        context["land"] = LAND
        return context


# --- Password change and reset: Django's views, German templates, our URL names -------------


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Django gave the session a new key to keep the user logged in; record it, so that
        # deactivating the member still ends this session.
        session_record(self.request.user, self.request.session.session_key)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_email_context = {"site_name": "Kreisintegration"}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever proved access to the mailbox may log in at once, even after a lockout.
        axes_reset(username=form.user.get_username())
        # An invited member of one District lands on it after logging in (issue 13).
        memberships = list(
            form.user.memberships.filter(is_active=True).select_related("district")[:2]
        )
        if len(memberships) == 1:
            next_url = memberships[0].district.get_absolute_url()
            return redirect(f"{self.success_url}?{urlencode({'next': next_url})}")
        return response


# --- Members of a District (KI-Leitung) ------------------------------------------------------


class MemberListView(DistrictMixin, ListView):
    """The District's members with role, municipality and last login; active or deactivated."""

    capability = Capability.MANAGE_MEMBERS
    template_name = "accounts/member_list.html"
    context_object_name = "memberships"
    paginate_by = 50
    STATUSES = {"aktiv": "Aktive", "deaktiviert": "Deaktivierte", "alle": "Alle"}

    def get_status(self) -> str:
        status = self.request.GET.get("status", "aktiv")
        return status if status in self.STATUSES else "aktiv"

    def get_queryset(self):
        memberships = self.request.district.memberships.select_related("user", "municipality")
        status = self.get_status()
        if status == "aktiv":
            memberships = memberships.filter(is_active=True)
        elif status == "deaktiviert":
            memberships = memberships.filter(is_active=False)
        return memberships.order_by("user__last_name", "user__first_name", "user__username")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = self.request.district.memberships.aggregate(
            aktiv=Count("pk", filter=Q(is_active=True)),
            deaktiviert=Count("pk", filter=Q(is_active=False)),
            alle=Count("pk"),
            leads=Count("pk", filter=Q(is_active=True, role=Role.LEAD, user__is_active=True)),
        )
        status = self.get_status()
        context["status"] = status
        context["status_label"] = self.STATUSES[status]
        context["filters"] = [
            {"value": value, "label": label, "count": counts[value], "current": value == status}
            for value, label in self.STATUSES.items()
        ]
        context["active_leads"] = counts["leads"]
        context["lead_role"] = Role.LEAD
        context["liaison_role"] = Role.LIAISON
        return context


class MemberInviteView(DistrictMixin, FormView):
    """„Person einladen“: a new or known person becomes a member and gets an e-mail."""

    capability = Capability.MANAGE_MEMBERS
    template_name = "accounts/member_invite.html"
    form_class = MemberInviteForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "district": self.request.district}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            membership = services.member_invite(
                district=self.request.district,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=data["role"],
                municipality=data.get("municipality"),
                user=self.request.user,
                base_url=self.request.build_absolute_uri("/"),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
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
            f"{membership.user} ist jetzt Mitglied ({membership.get_role_display()}); "
            f"die Einladung ging an {membership.user.email}.",
        )
        return redirect("accounts:members", district_slug=self.request.district.slug)


class MemberUpdateView(StaleEditGuard, DistrictMixin, UpdateView):
    """Change a member's role, and the municipality of a Kommunale Ansprechperson."""

    capability = Capability.MANAGE_MEMBERS
    template_name = "accounts/member_form.html"
    form_class = MemberUpdateForm
    context_object_name = "membership"

    def get_object(self, queryset=None):
        return get_object_or_404(
            self.request.district.memberships.select_related("user", "municipality"),
            pk=self.kwargs["pk"],
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "district": self.request.district}

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        try:
            membership = services.member_update(
                district=self.request.district,
                membership=form.instance,
                role=form.cleaned_data["role"],
                municipality=form.cleaned_data.get("municipality"),
                user=self.request.user,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Rolle von {membership.user} gespeichert: {membership.get_role_display()}.",
        )
        if membership.user == self.request.user and membership.role != Role.LEAD:
            # Without the KI-Leitung role the member list is closed to them now.
            return redirect(self.request.district.get_absolute_url())
        return redirect("accounts:members", district_slug=self.request.district.slug)


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@district_view(Capability.MANAGE_MEMBERS)
@require_POST
def member_deactivate(request, pk):
    """Deactivate a member: from now on 404 on the District, and logged out everywhere."""
    membership = get_object_or_404(request.district.memberships.select_related("user"), pk=pk)
    try:
        services.member_deactivate(
            district=request.district, membership=membership, user=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("accounts:members", district_slug=request.district.slug)
    if membership.user == request.user:
        logout(request)
        messages.success(request, f"Ihre Mitgliedschaft ({request.district.name}) ist deaktiviert.")
        return redirect("home")
    messages.success(
        request,
        f"{membership.user} ist deaktiviert und wurde abgemeldet; "
        "die Mitgliedschaft lässt sich jederzeit reaktivieren.",
    )
    return redirect("accounts:members", district_slug=request.district.slug)


@district_view(Capability.MANAGE_MEMBERS)
@require_POST
def member_reactivate(request, pk):
    """Give a deactivated member their access back."""
    membership = get_object_or_404(request.district.memberships.select_related("user"), pk=pk)
    services.member_reactivate(district=request.district, membership=membership, user=request.user)
    messages.success(
        request,
        f"{membership.user} ist wieder aktiv ({membership.get_role_display()}).",
    )
    return redirect(
        reverse("accounts:members", args=[request.district.slug]) + "?status=deaktiviert"
    )
