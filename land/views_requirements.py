"""The Land's requirement sets (issue 17): list, create, change — the Land's alone.

``LandMixin`` with ``land_edit = True``: the Land role reads and edits; the operator and every
KI member get 403 (tests/test_permissions.py walks these routes). A change is checked against a
concurrent one (``StaleEditGuard``) and recorded in the set's history (django-simple-history).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, ListView

from accounts.access import LandMixin
from core.locking import StaleEditGuard
from districts import services
from districts.forms import RequirementSetForm
from districts.models import LandRequirements, RequirementSet


class RequirementSetListView(LandMixin, ListView):
    land_edit = True
    template_name = "land/requirements_list.html"
    context_object_name = "requirement_sets"

    def get_queryset(self):
        return RequirementSet.objects.order_by("variant", "-valid_from")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Issue 17's migration kept the numbers Districts had entered themselves; the Land sees
        # which Districts had their own, to decide whether a set should take them over.
        context["former_values"] = (
            LandRequirements.objects.exclude(former_values={})
            .select_related("district")
            .order_by("district__name")
        )
        return context


class RequirementSetFormView(LandMixin, StaleEditGuard, FormView):
    """Create (no ``pk``) or change one variant of a set."""

    land_edit = True
    form_class = RequirementSetForm
    template_name = "land/requirements_form.html"

    @property
    def requirement_set(self) -> RequirementSet | None:
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_set"):
            self._set = get_object_or_404(RequirementSet, pk=self.kwargs["pk"])
        return self._set

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.requirement_set}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = self.requirement_set
        context["heading"] = (
            f"„{current}“ bearbeiten" if current else "Neue Anforderungen des Landes"
        )
        context["back_url"] = reverse("land:requirements")
        context["history"] = current.history.select_related("history_user")[:20] if current else []
        return context

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        saved = services.requirement_set_save(
            data=form.cleaned_data, user=self.request.user, requirement_set=self.requirement_set
        )
        messages.success(self.request, f"„{saved}“ gespeichert.")
        return redirect("land:requirements")
