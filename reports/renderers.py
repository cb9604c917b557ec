"""The Sachstandsbericht's renderer: a long document the worker renders (documents)."""

from django.urls import reverse
from django.utils.formats import date_format

from accounts.rights import Capability
from documents.models import GeneratedDocument
from documents.renderers import StoredDocumentRenderer, register

from . import progress
from .models import ProgressReport


@register(GeneratedDocument.Kind.PROGRESS_REPORT)
class ProgressReportRenderer(StoredDocumentRenderer):
    model = ProgressReport
    template_name = "reports/pdf.html"
    subject_field = "progress_report"
    file_stem = "Sachstandsbericht"
    request_url_name = "documents:request_report"
    back_label = "Zurück zum Sachstandsbericht"

    def fingerprint(self, obj, **options) -> str:
        return progress.report_fingerprint(obj)

    def context(self, obj, **options) -> dict:
        return progress.report_context(obj)

    def district(self, obj):
        return obj.district

    def describe(self, obj) -> str:
        start = date_format(obj.period_start, "d.m.Y")
        end = date_format(obj.period_end, "d.m.Y")
        return f"{obj.title} ({start} – {end})"

    def subject_url(self, obj) -> str:
        return reverse("reports:detail", args=[obj.district.slug, obj.pk])

    def visible_subjects(self, request):
        """Reports are internal work of the KI (accounts/rights.py: READ_INTERNAL)."""
        if not request.access.can(Capability.READ_INTERNAL):
            return ProgressReport.objects.none()
        return ProgressReport.objects.for_district(request.district)
