"""Recording a Kreistag decision taken without a paper of this system (issue 14).

Papers owns the action because it knows the Kreistag's meetings (actors) and adopts the
version through concepts; the Fassung's page links here.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView

from accounts.access import DistrictMixin
from accounts.rights import Capability
from concepts.queries import visible_versions

from . import results
from .forms import HistoricDecisionForm


class HistoricDecisionView(DistrictMixin, FormView):
    """ "Früheren Beschluss nachtragen": date ≤ today, the Kreistag's meeting and a note."""

    capability = Capability.DECIDE
    template_name = "papers/historic_decision_form.html"
    form_class = HistoricDecisionForm

    def setup_objects(self):
        self.version = get_object_or_404(
            visible_versions(self.request).select_related("concept"), pk=self.kwargs["version_pk"]
        )
        self.committees = results.council_committees(self.request.district)

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        if self.version.is_adopted:
            messages.info(request, f"Fassung {self.version.number} ist bereits beschlossen.")
            return redirect(self.version_url())
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        return super().post(request, *args, **kwargs)

    def version_url(self) -> str:
        return reverse(
            "concepts:version_detail",
            kwargs={"district_slug": self.request.district.slug, "pk": self.version.pk},
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "committees": self.committees}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(version=self.version, back_url=self.version_url())
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            version = results.historic_decision_record(
                district=self.request.district,
                version=self.version,
                committee=data["committee"],
                decided_on=data["decided_on"],
                note=data["note"],
                user=self.request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Beschluss vom {version.decided_on:%d.%m.%Y} nachträglich erfasst; Fassung "
            f"{version.number} ist beschlossen und eingefroren.",
        )
        return redirect(self.version_url())
