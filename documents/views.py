"""Request a long document, watch its progress, download it (issue 7).

The request only queues the work (django-tasks); the page polls a small status fragment with
htmx until the PDF is ready. A finished PDF is served again as long as its data is unchanged.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from concepts.views_editor import visible_versions
from reports.models import ProgressReport

from . import services
from .models import GeneratedDocument


def _start(request, subject):
    document, queued = services.request_document(subject, user=request.user)
    if not queued and document.status == GeneratedDocument.Status.DONE:
        messages.info(
            request, "Das PDF ist auf dem aktuellen Stand und kann sofort geladen werden."
        )
    return redirect("documents:detail", district_slug=request.district.slug, pk=document.pk)


@district_view(Capability.READ)
@require_POST
def request_concept(request, version_pk: int):
    """The whole concept version as PDF; readers see only the versions they may read."""
    version = get_object_or_404(visible_versions(request), pk=version_pk)
    return _start(request, version)


@district_view(Capability.READ_INTERNAL)
@require_POST
def request_report(request, report_pk: int):
    report = get_object_or_404(ProgressReport.objects.for_district(request.district), pk=report_pk)
    return _start(request, report)


def visible_document(request, pk: int) -> GeneratedDocument:
    """A document of this District whose subject the visitor may read."""
    document = get_object_or_404(
        GeneratedDocument.objects.for_district(request.district)
        .defer("pdf")
        .select_related("concept_version", "progress_report", "requested_by"),
        pk=pk,
    )
    if document.kind == GeneratedDocument.Kind.PROGRESS_REPORT:
        if not request.access.can(Capability.READ_INTERNAL):
            raise Http404
    elif not visible_versions(request).filter(pk=document.concept_version_id).exists():
        raise Http404
    return document


class DocumentView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "documents/document.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = visible_document(self.request, self.kwargs["pk"])
        context.update(
            document=document,
            outdated=document.status == GeneratedDocument.Status.DONE
            and services.is_outdated(document),
        )
        return context


class DocumentStatusView(DocumentView):
    """The progress fragment the page polls (htmx) until the PDF is ready; the whole page
    when opened directly."""

    def get_template_names(self):
        if self.request.htmx:
            return ["documents/_status.html"]
        return super().get_template_names()


@district_view(Capability.READ)
def download(request, pk: int):
    document = visible_document(request, pk)
    if document.status != GeneratedDocument.Status.DONE:
        raise Http404
    pdf = GeneratedDocument.objects.values_list("pdf", flat=True).get(pk=document.pk)
    response = HttpResponse(bytes(pdf), content_type="application/pdf")
    name = "Integrationskonzept" if document.concept_version_id else "Sachstandsbericht"
    stamp = document.finished_at.strftime("%Y-%m-%d") if document.finished_at else ""
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{request.district.slug}-{stamp}.pdf"'
    )
    return response
