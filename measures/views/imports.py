"""CSV import of measurements in two steps: upload → preview → "Jetzt importieren".

The checked file is kept as a ``MeasurementImport`` (issue 16: a page carrying 10,000 rows in a
hidden field was megabytes); the confirmation form carries only its id, signed
(django.core.signing) with the District, so a changed or foreign reference is refused. Step 2
checks the lines again against the catalogue as it is then and saves all rows in one
transaction, or none: in the request for a small file, in the task worker for a large one, with
a progress page.
"""

from django.contrib import messages
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView, View

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from measures.models import Indicator, MeasurementImport

from .. import csv_import, imports, tasks
from ..forms import ImportConfirmForm, ImportUploadForm, PreviewRefused

PAYLOAD_MAX_AGE = imports.PREVIEW_MAX_AGE  # seconds between preview and confirmation
PREVIEW_ROWS = 100  # rows the preview lists; the totals count all


def _salt(district) -> str:
    return f"measures.import.{district.pk}"


def success_message(record: MeasurementImport) -> str:
    count = record.created_count + record.updated_count + record.unchanged_count
    text = f"{count} Messwert{'e' if count != 1 else ''} importiert"
    details = []
    if record.updated_count:
        details.append(f"davon {record.updated_count} ersetzt")
    if record.unchanged_count:
        details.append(f"{record.unchanged_count} unverändert")
    return text + (", " + ", ".join(details) if details else "") + "."


class ImportView(DistrictMixin, View):
    capability = Capability.EDIT
    template_name = "measures/import.html"

    def render(self, **context):
        context.setdefault("form", ImportUploadForm())
        context.update(
            district=self.request.district,
            access=self.request.access,
            columns=csv_import.COLUMNS,
        )
        return render(self.request, self.template_name, context)

    def get(self, request, *args, **kwargs):
        return self.render()

    def post(self, request, *args, **kwargs):
        if "payload" in request.POST:
            return self.confirm()
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        text = csv_import.decode(form.cleaned_data["file"].read())
        result = csv_import.parse(text, request.district)
        if not result.ok:
            return self.render(form=form, errors=result.errors)
        record = imports.preview_create(
            district=request.district,
            user=request.user,
            file_name=form.cleaned_data["file"].name,
            text=text,
            rows=len(result.rows),
        )
        payload = signing.dumps(record.pk, salt=_salt(request.district))
        return self.render(
            result=result,
            preview_rows=result.rows[:PREVIEW_ROWS],
            background=imports.runs_in_background(record),
            confirm_form=ImportConfirmForm(initial={"payload": payload}),
            file_name=record.file_name,
        )

    def confirm(self):
        request = self.request
        form = ImportConfirmForm(request.POST)
        try:
            pk = form.signed_value(salt=_salt(request.district), max_age=PAYLOAD_MAX_AGE)
        except PreviewRefused as refused:
            return self.render(errors=[refused.message])
        record = (
            MeasurementImport.objects.for_district(request.district)
            .select_related("district", "created_by")
            .filter(pk=pk, created_by=request.user, status=MeasurementImport.Status.PREVIEW)
            .first()
        )
        if record is None:
            return self.render(
                errors=[
                    "Diese Vorschau wurde schon importiert oder ist abgelaufen. Bitte die Datei "
                    "noch einmal hochladen."
                ]
            )
        if imports.runs_in_background(record):
            tasks.queue_import(record)
            return redirect(
                "measures:import_progress", district_slug=request.district.slug, pk=record.pk
            )
        imports.run(record)
        if record.status != MeasurementImport.Status.DONE:
            return self.render(errors=record.errors)
        messages.success(request, success_message(record))
        return redirect("measures:import", district_slug=request.district.slug)


class ImportProgressView(DistrictMixin, TemplateView):
    """A large import running in the task worker; the page polls itself (htmx) until done."""

    capability = Capability.EDIT
    template_name = "measures/import_progress.html"

    def get_template_names(self):
        if self.request.htmx:
            return ["measures/_import_status.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = get_object_or_404(
            MeasurementImport.objects.for_district(self.request.district).defer("content"),
            pk=self.kwargs["pk"],
        )
        imports.fail_lost(record)  # its worker may have died: failed, never shown stuck
        context.update(
            district=self.request.district,
            record=record,
            message=success_message(record)
            if record.status == MeasurementImport.Status.DONE
            else "",
        )
        return context


@district_view(Capability.EDIT)
@require_GET
def import_template(request):
    """The CSV template, with a line for one of the District's Kennzahlen as example."""
    example = (
        Indicator.objects.for_district(request.district)
        .select_related("measure")
        .order_by("measure__title", "name")
        .first()
    )
    response = HttpResponse(
        csv_import.template_csv(example), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="messwerte-vorlage.csv"'
    return response
