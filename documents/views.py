"""Request a long document, watch its progress, download it (issue 7).

The request only queues the work (django-tasks); the page polls a small status fragment with
htmx until the PDF is ready. A finished PDF is served again as long as its data is unchanged.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability

from . import services
from .models import GeneratedDocument
from .recovery import LOST_MESSAGE, recover_documents
from .renderers import renderer_for


def _start(request, kind: str, pk: int):
    """Request the document of ``kind`` for the object ``pk`` the visitor may read."""
    subject = get_object_or_404(renderer_for(kind).visible_subjects(request), pk=pk)
    document, queued = services.request_document(
        district=request.district, subject=subject, user=request.user
    )
    if not queued and document.status == GeneratedDocument.Status.DONE:
        messages.info(
            request, "Das PDF ist auf dem aktuellen Stand und kann sofort geladen werden."
        )
    return redirect("documents:detail", district_slug=request.district.slug, pk=document.pk)


@district_view(Capability.READ)
@require_POST
def request_concept(request, version_pk: int):
    """The whole concept version as PDF; readers see only the versions they may read."""
    return _start(request, GeneratedDocument.Kind.CONCEPT, version_pk)


@district_view(Capability.READ_INTERNAL)
@require_POST
def request_report(request, report_pk: int):
    return _start(request, GeneratedDocument.Kind.PROGRESS_REPORT, report_pk)


def visible_document(request, pk: int) -> GeneratedDocument:
    """A document of this District whose subject the visitor may read."""
    document = get_object_or_404(
        GeneratedDocument.objects.for_district(request.district)
        .defer("pdf")
        .select_related(
            "concept_version__concept__district",
            "progress_report__district",
            "meeting_folder__meeting__committee__district",
            "requested_by",
        ),
        pk=pk,
    )
    subjects = document.renderer.visible_subjects(request)
    if not subjects.filter(pk=document.subject.pk).exists():
        raise Http404
    return document


class DocumentView(DistrictMixin, TemplateView):
    capability = Capability.READ
    template_name = "documents/document.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = visible_document(self.request, self.kwargs["pk"])
        if not document.is_finished:
            # Its worker may have died: queued again or failed, never shown stuck (issue 15).
            recover_documents(GeneratedDocument.objects.filter(pk=document.pk))
            document.refresh_from_db(
                fields=["status", "progress", "step", "error", "attempts", "heartbeat_at"]
            )
        renderer, subject = document.renderer, document.subject
        context.update(
            document=document,
            description=renderer.describe(subject),
            subject_url=renderer.subject_url(subject),
            back_label=renderer.back_label,
            request_url=reverse(
                renderer.request_url_name, args=[self.request.district.slug, subject.pk]
            ),
            outdated=document.status == GeneratedDocument.Status.DONE
            and services.is_outdated(document),
            lost_message=LOST_MESSAGE,
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
    if not document.renderer.serves_outdated and services.is_outdated(document):
        raise Http404
    pdf = GeneratedDocument.objects.values_list("pdf", flat=True).get(pk=document.pk)
    response = HttpResponse(bytes(pdf), content_type="application/pdf")
    day = timezone.localdate(document.finished_at) if document.finished_at else None
    filename = document.renderer.filename(document.subject, day=day)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
