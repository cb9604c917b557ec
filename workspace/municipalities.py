"""The District's municipalities: list, add, edit, delete, and the import of the official list
(GV-ISys, see ``districts.municipality_import``)."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView

from accounts.access import DistrictMixin
from accounts.rights import Capability
from core.locking import StaleEditGuard
from core.views import ConfirmDeleteView
from districts import services
from districts.forms import MunicipalityForm, MunicipalityImportForm
from districts.models import Municipality
from districts.municipality_import import Row, belongs_to, plan_import

# The preview carries the parsed rows to the confirming POST, signed so the save gets exactly
# what was previewed; an hour is long enough to read the preview.
PAYLOAD_MAX_AGE = 60 * 60


def _salt(district) -> str:
    return f"municipality-import:{district.pk}"


class MunicipalityListView(DistrictMixin, TemplateView):
    """All municipalities of the District; any member may read them, KI staff edit them."""

    capability = Capability.READ
    template_name = "workspace/municipalities.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        municipalities = list(self.request.district.municipalities.all())
        context.update(
            municipalities=municipalities,
            with_ags=sum(1 for m in municipalities if m.ags),
        )
        return context


class MunicipalityEditMixin(DistrictMixin):
    capability = Capability.EDIT
    template_name = "form_page.html"

    def get_success_url(self) -> str:
        return reverse("workspace:municipalities", args=[self.request.district.slug])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "district": self.request.district}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(heading=self.heading, back_url=self.get_success_url())
        return context


class MunicipalityFormView(StaleEditGuard, MunicipalityEditMixin, FormView):
    """Add (no ``pk``) or change a municipality."""

    form_class = MunicipalityForm

    @property
    def municipality(self) -> Municipality | None:
        if "pk" not in self.kwargs:
            return None
        if not hasattr(self, "_municipality"):
            self._municipality = get_object_or_404(
                self.request.district.municipalities, pk=self.kwargs["pk"]
            )
        return self._municipality

    @property
    def heading(self) -> str:
        municipality = self.municipality
        return f"Kommune „{municipality.name}“ bearbeiten" if municipality else "Neue Kommune"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.municipality}

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        try:
            municipality = services.municipality_save(
                district=self.request.district,
                municipality=self.municipality,
                data=form.cleaned_data,
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, f"Kommune „{municipality.name}“ gespeichert.")
        return redirect(self.get_success_url())


class MunicipalityDeleteView(DistrictMixin, ConfirmDeleteView):
    capability = Capability.EDIT
    back_url_name = "workspace:municipalities"

    def get_object(self) -> Municipality:
        return get_object_or_404(self.request.district.municipalities, pk=self.kwargs["pk"])

    def texts(self, municipality) -> dict:
        texts = {
            "heading": f"Kommune „{municipality.name}“ löschen",
            "question": f"Soll die Kommune „{municipality.name}“ gelöscht werden?",
        }
        if refusal := municipality.deletion_refusal():
            texts["blocked"] = refusal
        return texts

    def delete(self, municipality) -> None:
        services.municipality_delete(
            district=self.request.district, municipality=municipality, user=self.request.user
        )

    def deleted_message(self, municipality) -> str:
        return f"Kommune „{municipality.name}“ gelöscht."


class MunicipalityImportView(DistrictMixin, FormView):
    """Upload → preview of what would be created and changed → one all-or-nothing save."""

    capability = Capability.EDIT
    form_class = MunicipalityImportForm
    template_name = "workspace/municipality_import.html"

    def back_url(self) -> str:
        return reverse("workspace:municipalities", args=[self.request.district.slug])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(back_url=self.back_url(), prefix=self.request.district.ags_prefix)
        return context

    def post(self, request, *args, **kwargs):
        if "payload" in request.POST:
            return self.confirm(request.POST["payload"])
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        district = self.request.district
        parsed = form.parsed
        year = form.cleaned_data["population_year"]
        source = form.cleaned_data["population_source"]
        plan = plan_import(district, parsed.rows, population_year=year, population_source=source)
        plan.errors = parsed.errors + plan.errors
        payload = signing.dumps(
            {
                # Only this District's rows travel (the Germany-wide list has ~11,000).
                "rows": [
                    [r.line, r.ags, r.name, r.population, r.population_year]
                    for r in parsed.rows
                    if belongs_to(district, r.ags)
                ],
                "skipped": plan.other_district,
                "year": year,
                "source": source,
            },
            salt=_salt(district),
            compress=True,
        )
        return self.render_to_response(
            self.get_context_data(form=form, plan=plan, layout=parsed.layout, payload=payload)
        )

    def confirm(self, payload: str):
        district = self.request.district
        try:
            data = signing.loads(payload, salt=_salt(district), max_age=PAYLOAD_MAX_AGE)
            rows = [Row(*values) for values in data["rows"]]
            year, source, skipped = data["year"], data["source"], int(data["skipped"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            messages.error(
                self.request,
                "Die Vorschau ist abgelaufen oder unvollständig. Bitte laden Sie die Datei erneut hoch.",
            )
            return redirect(self.request.path)
        try:
            plan = services.municipalities_import(
                district=district,
                rows=rows,
                population_year=year,
                population_source=source,
                user=self.request.user,
            )
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(save_errors=error.messages))
        messages.success(
            self.request,
            f"Import gespeichert: {len(plan.created)} neu angelegt, {len(plan.changed)} geändert, "
            f"{plan.unchanged} unverändert, {skipped} {'Zeile' if skipped == 1 else 'Zeilen'} "
            "anderer Kreise übersprungen.",
        )
        return redirect(self.back_url())
