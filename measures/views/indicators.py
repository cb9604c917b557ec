"""Kennzahlen of a measure and their Messwerte (added in place with htmx)."""

from django import forms
from django.contrib import messages
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DeleteView, UpdateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.locking import StaleEditGuard

from .. import services
from ..forms import IndicatorForm, MeasurementForm
from ..models import Indicator, Measure, Measurement
from .page import build_card, detail_queryset, form_prefix, measure_page_context


def _indicator_of(request, measure_pk: int, pk: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.for_district(request.district)
        .select_related("measure", "land_indicator")
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.select_related("municipality"))
        ),
        measure_id=measure_pk,
        pk=pk,
    )


def _render_card(request, indicator: Indicator, *, form=None, status: str = ""):
    """The indicator's card for htmx, plus the page's live region with ``status``."""
    indicator = _indicator_of(request, indicator.measure_id, indicator.pk)
    municipalities = list(request.district.municipalities.all())
    card = build_card(request, indicator, municipalities, bound_form=form, saved=bool(status))
    return render(
        request,
        "measures/_indicator_card_htmx.html",
        {
            "card": card,
            "measure": indicator.measure,
            "district": request.district,
            "access": request.access,
            "status": status,
        },
    )


@district_view(Capability.EDIT)
@require_POST
def measurement_add(request, measure_pk: int, pk: int):
    """Record a value from the indicator's card; with htmx the card is re-rendered in place."""
    indicator = _indicator_of(request, measure_pk, pk)
    municipalities = list(request.district.municipalities.all())
    form = MeasurementForm(
        request.POST,
        district=request.district,
        indicator=indicator,
        municipalities=municipalities,
        prefix=form_prefix(indicator),
    )
    if form.is_valid():
        services.measurement_create(
            district=request.district,
            indicator=indicator,
            fields=form.cleaned_data,
            user=request.user,
        )
        if request.htmx:
            return _render_card(request, indicator, status="Messwert gespeichert.")
        messages.success(request, f"Messwert für „{indicator.name}“ gespeichert.")
        return HttpResponseRedirect(_card_url(request, indicator))
    if request.htmx:
        return _render_card(request, indicator, form=form, status="")
    # Without JavaScript: the whole page again, the errors next to the fields of this card.
    measure = get_object_or_404(detail_queryset(request), pk=measure_pk)
    context = measure_page_context(request, measure, bound_form=form)
    return render(request, "measures/measure_detail.html", context)


def _card_url(request, indicator: Indicator) -> str:
    return (
        reverse(
            "measures:detail",
            kwargs={"district_slug": request.district.slug, "pk": indicator.measure_id},
        )
        + f"#kennzahl-{indicator.pk}"
    )


@district_view(Capability.EDIT)
@require_POST
def measurement_delete(request, measure_pk: int, pk: int):
    measurement = get_object_or_404(
        Measurement.objects.for_district(request.district).select_related(
            "indicator__measure", "municipality"
        ),
        indicator__measure_id=measure_pk,
        pk=pk,
    )
    indicator = measurement.indicator
    services.measurement_delete(
        district=request.district, measurement=measurement, user=request.user
    )
    if request.htmx:
        return _render_card(request, indicator, status="Messwert gelöscht.")
    messages.success(request, "Messwert gelöscht.")
    return HttpResponseRedirect(_card_url(request, indicator))


class IndicatorMixin:
    model = Indicator
    form_class = IndicatorForm

    def get_measure(self) -> Measure:
        if not hasattr(self, "_measure"):
            self._measure = get_object_or_404(
                self.request.district.measures, pk=self.kwargs["measure_pk"]
            )
        return self._measure

    def get_queryset(self):
        return Indicator.objects.for_district(self.request.district).filter(
            measure=self.get_measure()
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(district=self.request.district, measure=self.get_measure())
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["measure"] = self.get_measure()
        return context

    def get_success_url(self) -> str:
        return self.get_measure().get_absolute_url()


class IndicatorCreateView(DistrictMixin, IndicatorMixin, CreateView):
    capability = Capability.EDIT
    template_name = "measures/indicator_form.html"

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        indicator = services.indicator_create(
            district=self.request.district,
            measure=self.get_measure(),
            fields=fields,
            user=self.request.user,
        )
        messages.success(self.request, f"Kennzahl „{indicator.name}“ gespeichert.")
        return redirect(self.get_success_url() + f"#kennzahl-{indicator.pk}")


class IndicatorUpdateView(StaleEditGuard, DistrictMixin, IndicatorMixin, UpdateView):
    capability = Capability.EDIT
    template_name = "measures/indicator_form.html"

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        indicator = services.indicator_update(
            district=self.request.district,
            indicator=form.instance,
            fields=fields,
            user=self.request.user,
        )
        messages.success(self.request, f"Kennzahl „{indicator.name}“ gespeichert.")
        return redirect(self.get_success_url() + f"#kennzahl-{indicator.pk}")


class IndicatorDeleteView(DistrictMixin, IndicatorMixin, DeleteView):
    """Asks first: deleting a Kennzahl deletes all its Messwerte."""

    capability = Capability.EDIT
    template_name = "measures/indicator_confirm_delete.html"
    form_class = forms.Form

    def get_form_kwargs(self):
        return super(IndicatorMixin, self).get_form_kwargs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["measurement_count"] = self.object.measurements.count()
        return context

    def form_valid(self, form):
        name = self.object.name
        services.indicator_delete(
            district=self.request.district, indicator=self.object, user=self.request.user
        )
        messages.success(self.request, f"Kennzahl „{name}“ gelöscht.")
        return redirect(self.get_success_url())
