"""CSV import of measurements in two steps: upload → preview → "Jetzt importieren".

Between the steps the file's text travels in a signed hidden field (django.core.signing): nothing
is stored on disk, and a changed payload is refused. Step 2 checks the lines again against the
catalogue as it is then and saves all rows in one transaction, or none.
"""

from django.contrib import messages
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET
from django.views.generic import View

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from measures.models import Indicator

from .. import csv_import, services
from ..forms import ImportConfirmForm, ImportUploadForm

PAYLOAD_MAX_AGE = 60 * 60  # seconds between preview and confirmation


def _salt(district) -> str:
    return f"measures.import.{district.pk}"


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
        payload = signing.dumps(text, salt=_salt(request.district), compress=True)
        return self.render(
            result=result,
            confirm_form=ImportConfirmForm(initial={"payload": payload}),
            file_name=form.cleaned_data["file"].name,
        )

    def confirm(self):
        request = self.request
        form = ImportConfirmForm(request.POST)
        try:
            if not form.is_valid():
                raise signing.BadSignature
            text = signing.loads(
                form.cleaned_data["payload"], salt=_salt(request.district), max_age=PAYLOAD_MAX_AGE
            )
        except signing.SignatureExpired:
            return self.render(
                errors=["Die Vorschau ist abgelaufen. Bitte die Datei noch einmal hochladen."]
            )
        except signing.BadSignature:
            return self.render(
                errors=["Die Vorschau ist ungültig. Bitte die Datei noch einmal hochladen."]
            )
        result = csv_import.parse(text, request.district)
        if not result.ok:
            return self.render(errors=result.errors)
        count = services.measurements_import(
            district=request.district, rows=result.rows, user=request.user
        )
        messages.success(
            request,
            f"{count} Messwert{'e' if count != 1 else ''} importiert"
            + (f", davon {result.replaced} ersetzt." if result.replaced else "."),
        )
        return redirect("measures:import", district_slug=request.district.slug)


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
