"""Messwerte: the grid of all municipalities for one Stichtag, the edit page of one value and
the District's setting what liaisons see of them (issue 13)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats
from django.views.generic import FormView, UpdateView

from accounts.access import DistrictMixin
from accounts.rights import Capability
from core.locking import CONFLICT_MESSAGE, SEEN_FIELD, EditConflict, StaleEditGuard

from .. import services
from ..charts import german_number
from ..forms import MeasurementEditForm, MeasurementGridForm, MeasurementSettingsForm, StichtagForm
from ..models import Indicator, Measurement


@dataclass
class GridRow:
    """One line of the grid: who, the value before the Stichtag, and the input."""

    label: str
    previous: Measurement | None
    field: object


def _previous(measurements: list[Measurement], day: date | None) -> Measurement | None:
    """The newest value before ``day`` (before any date if no Stichtag is chosen)."""
    earlier = [m for m in measurements if day is None or m.date < day]
    return max(earlier, key=lambda m: m.date, default=None)


class MeasurementGridView(DistrictMixin, FormView):
    """Enter one Kennzahl's values of one Stichtag for every municipality at once.

    The query count is fixed: the Kennzahl with all its values and the municipalities are
    loaded once; the previous value of each row is picked from that list.
    """

    capability = Capability.EDIT
    template_name = "measures/measurement_grid.html"
    form_class = MeasurementGridForm

    def get_indicator(self) -> Indicator:
        if not hasattr(self, "_indicator"):
            self._indicator = get_object_or_404(
                Indicator.objects.for_district(self.request.district)
                .select_related("measure")
                .prefetch_related(
                    Prefetch("measurements", queryset=Measurement.objects.order_by("date"))
                ),
                measure_id=self.kwargs["measure_pk"],
                pk=self.kwargs["pk"],
            )
            self._municipalities = list(self.request.district.municipalities.all())
        return self._indicator

    def stichtag(self) -> date | None:
        """The date whose stored values fill the grid: posted, else ``?stichtag=``."""
        if self.request.method == "POST":
            chosen = StichtagForm({"stichtag": self.request.POST.get("date", "")})
        else:
            chosen = StichtagForm(self.request.GET)
        return chosen.cleaned_data["stichtag"] if chosen.is_valid() else None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        indicator = self.get_indicator()
        kwargs.update(indicator=indicator, municipalities=self._municipalities)
        day = self.stichtag()
        if day and self.request.method != "POST":
            kwargs["initial"] = self._stored_initial(indicator, day)
        return kwargs

    def _stored_initial(self, indicator, day) -> dict:
        initial = {"date": day, SEEN_FIELD: services.grid_stamp(day, indicator.measurements.all())}
        for m in indicator.measurements.all():
            if m.date != day:
                continue
            name = "kreisweit" if m.municipality_id is None else f"kommune-{m.municipality_id}"
            initial[name] = m.value
            initial.setdefault("period_label", m.period_label)
            initial.setdefault("source", m.source)
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator, form = self.get_indicator(), context["form"]
        day = self.stichtag()
        measurements = list(indicator.measurements.all())
        by_place: dict[int | None, list[Measurement]] = {}
        for m in measurements:
            by_place.setdefault(m.municipality_id, []).append(m)
        rows = [
            GridRow(
                label=municipality.name,
                previous=_previous(by_place.get(municipality.pk, []), day),
                field=form[form.field_name(municipality)],
            )
            for municipality in self._municipalities
        ]
        districtwide = _previous(by_place.get(None, []), day)
        stored_today = [
            m for m in measurements if day and m.date == day and m.municipality_id is None
        ]
        context.update(
            indicator=indicator,
            measure=indicator.measure,
            rows=rows,
            districtwide_previous=districtwide,
            districtwide_field=form["kreisweit"] if "kreisweit" in form.fields else None,
            districtwide_stored=stored_today[0] if stored_today else None,
            municipal_reported=sum(
                1 for m in measurements if day and m.date == day and m.municipality_id
            ),
            stichtag=day,
            stichtag_form=StichtagForm(initial={"stichtag": day}),
        )
        return context

    def form_valid(self, form):
        indicator = self.get_indicator()
        try:
            result = services.measurements_grid_save(
                district=self.request.district,
                indicator=indicator,
                day=form.cleaned_data["date"],
                values=form.municipal_values(),
                districtwide=form.cleaned_data.get("kreisweit"),
                period_label=form.cleaned_data["period_label"],
                source=form.cleaned_data["source"],
                seen=form.cleaned_data[SEEN_FIELD],
                user=self.request.user,
            )
        except EditConflict as conflict:
            return self._conflict(form, conflict.current)
        day = f"{form.cleaned_data['date']:%d.%m.%Y}"
        text = f"{result.written} Werte für „{indicator.name}“ zum {day} gespeichert."
        if result.districtwide is not None:
            text += (
                f" Kreisweit ({indicator.get_districtwide_display()}): "
                f"{_number(result.districtwide)}, aus {result.reported} von "
                f"{result.municipalities} Kommunen."
            )
        messages.success(self.request, text)
        return redirect(
            reverse(
                "measures:detail",
                kwargs={"district_slug": self.request.district.slug, "pk": indicator.measure_id},
            )
            + f"#kennzahl-{indicator.pk}"
        )

    def _conflict(self, form, stored: list[Measurement]):
        """Someone saved values of this Stichtag meanwhile: keep the input, show theirs."""
        form.add_error(None, CONFLICT_MESSAGE)
        data = form.data.copy()
        data[SEEN_FIELD] = services.grid_stamp(form.cleaned_data["date"], stored)
        form.data = data
        names = {m.pk: m.name for m in self._municipalities}
        conflict_values = sorted(
            (names.get(m.municipality_id, "kreisweit"), german_number(m.value)) for m in stored
        )
        return self.render_to_response(
            self.get_context_data(form=form, conflict_values=conflict_values)
        )


def _number(value: Decimal) -> str:
    return formats.number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)


class MeasurementUpdateView(StaleEditGuard, DistrictMixin, UpdateView):
    """Change one stored value; django-simple-history keeps the earlier states (shown here)."""

    capability = Capability.EDIT
    model = Measurement
    form_class = MeasurementEditForm
    template_name = "measures/measurement_form.html"

    def get_queryset(self):
        return (
            Measurement.objects.for_district(self.request.district)
            .select_related("indicator__measure", "municipality")
            .filter(indicator__measure_id=self.kwargs["measure_pk"])
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(
            district=self.request.district,
            indicator=self.object.indicator,
            municipalities=list(self.request.district.municipalities.all()),
        )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            indicator=self.object.indicator,
            measure=self.object.indicator.measure,
            history=list(
                self.object.history.select_related("history_user", "municipality").order_by(
                    "-history_date"
                )[:20]
            ),
        )
        return context

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        measurement = services.measurement_update(
            district=self.request.district,
            measurement=form.instance,
            fields={
                name: value
                for name, value in form.cleaned_data.items()
                if not form.fields[name].disabled
            },
            user=self.request.user,
        )
        messages.success(
            self.request,
            f"Messwert vom {measurement.date:%d.%m.%Y} "
            f"({measurement.municipality or 'kreisweit'}) gespeichert.",
        )
        return redirect(
            measurement.indicator.measure.get_absolute_url()
            + f"#kennzahl-{measurement.indicator_id}"
        )


class MeasurementSettingsView(StaleEditGuard, DistrictMixin, FormView):
    """The KI-Leitung decides whether liaisons see every municipality's Messwerte."""

    capability = Capability.DECIDE
    template_name = "form_page.html"
    form_class = MeasurementSettingsForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.request.district}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading="Einstellungen für Messwerte",
            back_url=reverse("measures:list", args=[self.request.district.slug]),
        )
        return context

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        services.measurement_settings_update(
            district=self.request.district,
            liaisons_see_all=form.cleaned_data["liaisons_see_all_municipalities"],
            user=self.request.user,
        )
        messages.success(self.request, "Einstellungen für Messwerte gespeichert.")
        return redirect("measures:list", district_slug=self.request.district.slug)
