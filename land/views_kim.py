"""The Land's KIM funding rates (issue 19): list, create, change – the Land's alone.

The rates are a Land-owned parameter with their source, like the requirement sets
(views_requirements.py): ``LandMixin`` with ``land_edit = True``; a change is checked against a
concurrent one (``StaleEditGuard``) and recorded in the rate's history. The KIM pages of every
District read the rate valid on the day (kim/summary.rates_on).
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, ListView

from accounts.access import LandMixin
from core.forms import DateInput, german_decimal_inputs
from core.locking import StaleEditGuard
from kim.models import FundingRate


class FundingRateForm(forms.ModelForm):
    class Meta:
        model = FundingRate
        fields = ["kind", "amount", "valid_from", "valid_until", "source"]
        widgets = {
            "valid_from": DateInput,
            "valid_until": DateInput,
            "source": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        german_decimal_inputs(self)


class FundingRateListView(LandMixin, ListView):
    land_edit = True
    template_name = "land/kim_rates.html"
    context_object_name = "rates"

    def get_queryset(self):
        return FundingRate.objects.order_by("kind", "-valid_from")


class FundingRateFormView(LandMixin, StaleEditGuard, FormView):
    """Create (no ``pk``) or change one rate."""

    land_edit = True
    form_class = FundingRateForm
    template_name = "land/requirements_form.html"

    @property
    def rate(self) -> FundingRate | None:
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_rate"):
            self._rate = get_object_or_404(FundingRate, pk=self.kwargs["pk"])
        return self._rate

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.rate}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"„{self.rate}“ bearbeiten" if self.rate else "Neuer KIM-Fördersatz"
        context["back_url"] = reverse("land:kim_rates")
        context["history"] = (
            self.rate.history.select_related("history_user")[:20] if self.rate else []
        )
        return context

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        saved = form.save()
        messages.success(self.request, f"KIM-Fördersatz „{saved}“ gespeichert.")
        return redirect("land:kim_rates")
