"""Pages of the Land's indicator catalogue (issue 17): list, comparison, edit, population.

The Land and the operator read; only the Land edits (``land_edit``), as for every /land/ page.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import CreateView, FormView, TemplateView, UpdateView

from accounts.access import LandMixin
from core.locking import StaleEditGuard
from districts.models import District
from measures.models import LandIndicator

from . import indicators, population
from .forms_indicators import DistrictPopulationForm, LandIndicatorForm, PopulationImportForm


class IndicatorListView(LandMixin, TemplateView):
    template_name = "land/indicators.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["land_indicators"] = list(indicators.catalogue())
        context["can_edit"] = self.request.user.is_land
        return context


class IndicatorDetailView(LandMixin, TemplateView):
    template_name = "land/indicators_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        land_indicator = get_object_or_404(LandIndicator, key=self.kwargs["key"])
        comparison = indicators.compare(land_indicator)
        context.update(
            land_indicator=land_indicator,
            comparison=comparison,
            panels=indicators.small_multiples(comparison),
            trend_length=indicators.TREND_LENGTH,
            can_edit=self.request.user.is_land,
        )
        return context


class IndicatorCreateView(LandMixin, CreateView):
    land_edit = True
    model = LandIndicator
    form_class = LandIndicatorForm
    template_name = "land/indicators_form.html"

    def form_valid(self, form):
        land_indicator = indicators.land_indicator_create(
            fields=form.cleaned_data, user=self.request.user
        )
        messages.success(self.request, f"Kennzahl des Landes „{land_indicator.name}“ angelegt.")
        return redirect(land_indicator.get_absolute_url())


class IndicatorUpdateView(StaleEditGuard, LandMixin, UpdateView):
    land_edit = True
    model = LandIndicator
    form_class = LandIndicatorForm
    template_name = "land/indicators_form.html"
    slug_field = slug_url_kwarg = "key"

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        land_indicator = indicators.land_indicator_update(
            land_indicator=form.instance, fields=form.cleaned_data, user=self.request.user
        )
        messages.success(self.request, f"Kennzahl des Landes „{land_indicator.name}“ gespeichert.")
        return redirect(land_indicator.get_absolute_url())


class PopulationView(LandMixin, FormView):
    """The Districts' population with Stand and source; the Land uploads IT.NRW's table here."""

    template_name = "land/indicators_population.html"
    form_class = PopulationImportForm
    http_method_names = ["get"]  # the upload posts to PopulationImportView

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["districts"] = list(District.objects.order_by("name"))
        context["can_edit"] = self.request.user.is_land
        return context


class PopulationImportView(LandMixin, FormView):
    """Upload of IT.NRW's table: saved whole if every line is right, else nothing is saved and
    the page lists the errors per line."""

    land_edit = True
    template_name = "land/indicators_population_import.html"
    form_class = PopulationImportForm

    def form_valid(self, form):
        districts = list(District.objects.order_by("name"))
        try:
            parsed = population.read_population_csv(form.cleaned_data["file"].read(), districts)
        except population.PopulationFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        if parsed.errors:
            return self.render_to_response(self.get_context_data(form=form, parsed=parsed))
        count = population.population_import(parsed=parsed, source=form.cleaned_data["source"])
        messages.success(
            self.request,
            f"Einwohnerzahlen von {count} Kreisen und kreisfreien Städten übernommen.",
        )
        return redirect("land:population")


class PopulationUpdateView(StaleEditGuard, LandMixin, UpdateView):
    land_edit = True
    model = District
    form_class = DistrictPopulationForm
    template_name = "land/indicators_population_form.html"
    context_object_name = "target_district"  # "district" would switch on the KI navigation

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        district = population.population_update(
            district=form.instance,
            population=form.cleaned_data["population"],
            year=form.cleaned_data["population_year"],
            source=form.cleaned_data["population_source"],
        )
        messages.success(self.request, f"Einwohnerzahl von {district.name} gespeichert.")
        return redirect(reverse("land:population") + f"#kreis-{district.slug}")
