"""A meeting's page with its Tagesordnung, the agenda's editing, the Sitzungsmappe (issue 20).

The meeting belongs to the committee (actors); its agenda lists papers, so the page is papers'.
"""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from actors.models import Meeting
from core.locking import StaleEditGuard
from core.views import ConfirmDeleteView
from documents import services as documents
from documents.models import GeneratedDocument
from documents.renderers import renderer_for

from . import agenda
from .folder import folder_for
from .models import AgendaItem
from .responses import pdf_response


def district_meeting(request, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.for_district(request.district).select_related("committee__district"),
        pk=pk,
    )


def meeting_context(meeting, *, closed: bool, drafts: bool) -> dict:
    entries = agenda.agenda_entries(meeting)
    shown = agenda.visible_entries(entries, closed=closed, drafts=drafts)
    return {
        "meeting": meeting,
        "entries": shown,
        "closed_hidden": len(entries) - len(shown),
        "shows_closed": closed,
    }


class MeetingView(DistrictMixin, TemplateView):
    """The meeting with its agenda; nichtöffentliche items only for readers of such papers."""

    capability = Capability.READ_PAPERS
    template_name = "papers/meeting.html"

    def get_context_data(self, **kwargs):
        request = self.request
        meeting = district_meeting(request, self.kwargs["pk"])
        return {
            **super().get_context_data(**kwargs),
            **meeting_context(
                meeting,
                closed=agenda.reads_closed_items(request),
                drafts=request.access.can(Capability.READ_INTERNAL),
            ),
        }


def serve_folder(request, meeting, *, public: bool, progress_url=None):
    """The stored Sitzungsmappe if it is current, else queue it (the worker renders it) and
    show its progress (``progress_url`` of the document) – or, for the public, a wait page."""
    folder = folder_for(meeting, public=public)
    if progress_url is None and documents.failed_recently(folder):
        return None  # a visitor without an account does not queue a failing render again
    user = request.user if request.user.is_authenticated else None
    document, _queued = documents.request_document(
        district=meeting.committee.district, subject=folder, user=user
    )
    if document.status == GeneratedDocument.Status.DONE:
        content = GeneratedDocument.objects.values_list("pdf", flat=True).get(pk=document.pk)
        # A download: opened inline, Chromium shows it in its viewer and nothing is saved.
        return pdf_response(bytes(content), document.renderer.filename(folder), inline=False)
    if progress_url is None:
        return None
    return redirect(progress_url(document))


@district_view(Capability.READ_PAPERS)
def meeting_folder(request, pk: int):
    """GET: the Sitzungsmappe in the reader's variant (downloaded when ready)."""
    meeting = district_meeting(request, pk)
    public = not agenda.reads_closed_items(request)
    return serve_folder(
        request,
        meeting,
        public=public,
        progress_url=lambda document: reverse(
            "documents:detail", args=[request.district.slug, document.pk]
        ),
    )


@district_view(Capability.READ_PAPERS)
@require_POST
def meeting_folder_request(request, folder_pk: int):
    """ "Neu erstellen" on the document page: the folder as its data stands now."""
    renderer = renderer_for(GeneratedDocument.Kind.MEETING_FOLDER)
    folder = get_object_or_404(renderer.visible_subjects(request), pk=folder_pk)
    document, _queued = documents.request_document(
        district=request.district, subject=folder, user=request.user
    )
    return redirect("documents:detail", district_slug=request.district.slug, pk=document.pk)


# --- The KI edits the agenda --------------------------------------------------------------------


class FreeItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "is_public"]
        labels = {"title": "Titel des Tagesordnungspunkts"}
        help_texts = {"title": "z. B. „Bericht der Verwaltung“ oder „Mitteilungen“"}

    def __init__(self, *args, paper=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.paper = paper
        if paper is None:
            self.fields["title"].required = True
            self.fields["title"].help_text = "z. B. „Bericht der Verwaltung“ oder „Mitteilungen“"
            self.fields[
                "is_public"
            ].help_text = "Nicht angehakt: der Punkt steht im nichtöffentlichen Teil."
        else:
            self.fields[
                "title"
            ].help_text = (
                f"Leer lassen, um den Betreff der Vorlage zu verwenden: „{paper.subject}“."
            )
            self.fields[
                "is_public"
            ].help_text = "Eine nichtöffentliche Vorlage bleibt im nichtöffentlichen Teil."
        self.fields["title"].strip = True


class AgendaView(DistrictMixin, FormView):
    """The agenda with move buttons and a form for a free item."""

    capability = Capability.EDIT
    template_name = "papers/agenda_edit.html"
    form_class = FreeItemForm

    @property
    def meeting(self):
        if not hasattr(self, "_meeting"):
            self._meeting = district_meeting(self.request, self.kwargs["pk"])
        return self._meeting

    def get(self, request, *args, **kwargs):
        # Every point gets its record here, so that each can be renamed ("Bearbeiten").
        if any(entry.item is None for entry in agenda.agenda_entries(self.meeting)):
            agenda.fix_order(self.meeting)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **meeting_context(self.meeting, closed=True, drafts=True),
        }

    def form_valid(self, form):
        item = agenda.add_free_item(
            self.meeting,
            title=form.cleaned_data["title"],
            is_public=form.cleaned_data["is_public"],
        )
        messages.success(self.request, f"Tagesordnungspunkt „{item.title}“ hinzugefügt.")
        return redirect(
            "papers:agenda", district_slug=self.request.district.slug, pk=item.meeting_id
        )


@district_view(Capability.EDIT)
@require_POST
def agenda_move(request, pk: int):
    meeting = district_meeting(request, pk)
    up = request.POST.get("richtung") != "runter"
    if agenda.move(meeting, request.POST.get("eintrag", ""), up=up):
        messages.success(request, "Punkt verschoben.")
    else:
        messages.info(
            request,
            "Dieser Punkt lässt sich nicht weiter verschieben: Der öffentliche Teil steht vor "
            "dem nichtöffentlichen.",
        )
    return redirect("papers:agenda", district_slug=request.district.slug, pk=meeting.pk)


def district_item(request, pk: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.for_district(request.district).select_related("meeting", "paper"),
        pk=pk,
    )


class AgendaItemUpdateView(StaleEditGuard, DistrictMixin, FormView):
    capability = Capability.EDIT
    template_name = "form_page.html"
    form_class = FreeItemForm

    @property
    def item(self):
        if not hasattr(self, "_item"):
            self._item = district_item(self.request, self.kwargs["pk"])
        return self._item

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.item, "paper": self.item.paper}

    def back_url(self) -> str:
        return reverse("papers:agenda", args=[self.request.district.slug, self.item.meeting_id])

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "heading": "Tagesordnungspunkt bearbeiten",
            "back_url": self.back_url(),
        }

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        with transaction.atomic():
            form.save()
        messages.success(self.request, "Tagesordnungspunkt gespeichert.")
        return redirect(self.back_url())


class AgendaItemDeleteView(DistrictMixin, ConfirmDeleteView):
    """Only a free item is removed here; a paper leaves the agenda with its Beratung."""

    capability = Capability.EDIT

    def get_object(self):
        item = district_item(self.request, self.kwargs["pk"])
        if item.paper_id is not None:
            raise Http404
        return item

    def back_url(self) -> str:
        return reverse("papers:agenda", args=[self.request.district.slug, self.object.meeting_id])

    def texts(self, item) -> dict:
        return {
            "heading": f"Tagesordnungspunkt „{item.title}“ entfernen",
            "question": f"Soll der Punkt „{item.title}“ von der Tagesordnung genommen werden?",
        }

    def delete(self, item) -> None:
        item.delete()

    def deleted_message(self, item) -> str:
        return f"Tagesordnungspunkt „{item.title}“ entfernt."
