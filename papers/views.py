"""Council papers in the workspace and the council portal (``/<district>/vorlagen/``).

Who sees what follows ``accounts.rights``: KI roles see drafts and released papers; Kreistag
members and the Land see released papers; municipal liaisons see released öffentlich papers
(Scope.PUBLIC_ONLY); drafts are not found for anyone outside the KI.
"""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from concepts.models import ConceptVersion
from core.locking import StaleEditGuard
from documents.renderers import renderer_for
from documents.services import request_document

from . import results, services, signoff
from .filters import PaperFilter
from .forms import (
    AttachmentForm,
    ConceptAttachmentForm,
    PaperForm,
    PaperSettingsForm,
    ResultForm,
    StepFormSet,
    step_initial,
)
from .models import (
    Consultation,
    ConsultationResultChange,
    DecisionPaper,
    PaperRelease,
    PaperStatus,
    ReleasedAttachment,
    ReleaseRequest,
)
from .prefill import concept_attachment_title, paper_from_version
from .queries import holds_signoff_step, show_as_released, visible_papers
from .recovery import recover_releases
from .renderers import PAPER_DOCX, PAPER_PDF, paper_context
from .responses import (
    pdf_response,
    release_pdf_response,
    released_attachment_response,
)


def get_paper(request, pk: int) -> DecisionPaper:
    return get_object_or_404(visible_papers(request), pk=pk)


def latest_release(paper: DecisionPaper) -> PaperRelease | None:
    return paper.releases.defer("pdf").select_related("released_by").first()


class PaperListView(DistrictMixin, ListView):
    """The papers of a District; for the council, the portal of released papers."""

    capability = Capability.READ_PAPERS
    template_name = "papers/paper_list.html"
    context_object_name = "papers"
    paginate_by = 25

    def get_queryset(self):
        self.filterset = PaperFilter(
            self.request.GET or None,
            queryset=visible_papers(self.request),
            district=self.request.district,
            internal=self.request.access.can(Capability.READ_INTERNAL),
        )
        steps = Consultation.objects.select_related("meeting__committee").order_by("order")
        return self.filterset.qs.prefetch_related(Prefetch("consultations", queryset=steps))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for paper in context["papers"]:
            paper.status = services.paper_status(paper, paper.released_revision is not None)
        if not self.request.access.can(Capability.READ_INTERNAL):
            show_as_released(context["papers"])
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter=self.filterset, query=query.urlencode(), status_choices=PaperStatus.choices
        )
        if self.request.access.can(Capability.SIGN_OFF):
            context["awaiting_signoff"] = signoff.awaiting_signoff(
                self.request.district, self.request.user
            )
        return context


def _open_release_request(paper):
    """The paper's open release request; one whose worker died is queued again or failed
    first (issue 15), so the page never waits on it forever."""
    release_request = paper.open_release_request()
    if (
        release_request is not None
        and release_request.is_pending
        and any(recover_releases(ReleaseRequest.objects.filter(pk=release_request.pk)))
    ):
        release_request = paper.open_release_request()
    return release_request


class PaperDetailView(DistrictMixin, TemplateView):
    """The paper; while a queued release is completed, the page polls its status (htmx)."""

    capability = Capability.READ_PAPERS
    template_name = "papers/paper_detail.html"

    def get(self, request, *args, **kwargs):
        if request.htmx and request.GET.get("freigabe") == "status":
            return self.release_status()
        return super().get(request, *args, **kwargs)

    def release_status(self):
        """The fragment the page polls while the release waits; a reload once it has ended."""
        paper = get_paper(self.request, self.kwargs["pk"])
        if not self.request.access.can(Capability.READ_INTERNAL):
            raise Http404
        release_request = _open_release_request(paper)
        if release_request is None or not release_request.is_pending:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return TemplateResponse(
            self.request,
            "papers/_release_status.html",
            {"district": self.request.district, "paper": paper, "release_request": release_request},
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paper = get_paper(self.request, self.kwargs["pk"])
        releases = list(
            paper.releases.defer("pdf")
            .select_related("released_by")
            .prefetch_related("attachments")
        )
        internal = self.request.access.can(Capability.READ_INTERNAL)
        # Issue 14: a signer outside the KI (Dezernat, Kämmerei, Landrat) reads the working copy
        # of a paper put to Mitzeichnung, as the KI does, but cannot change it.
        signer = (
            not internal
            and not paper.is_released
            and holds_signoff_step(self.request)
            and paper.signoff_rounds.exists()
        )
        working_copy = internal or signer
        consultations = list(
            paper.consultations.select_related(
                "meeting__committee", "result_recorded_by"
            ).prefetch_related(
                Prefetch(
                    "result_changes",
                    queryset=ConsultationResultChange.objects.select_related(
                        "meeting__committee", "changed_by"
                    ),
                )
            )
        )
        if working_copy:
            attachments = list(paper.attachments.select_related("concept_version"))
        else:
            # The council sees the Anlagen as released, never those of a revision in progress.
            attachments = list(releases[0].attachments.all()) if releases else []
        context.update(
            paper=paper,
            releases=releases,
            release=releases[0] if releases else None,
            consultations=consultations,
            result_changes=[
                (step, change) for step in consultations for change in step.result_changes.all()
            ],
            after_postponement=results.AFTER_POSTPONEMENT,
            attachments=attachments,
            status=services.paper_status(paper, bool(releases)),
            internal=working_copy,
            reads_drafts=internal,
            problems=services.release_problems(paper) if internal and not paper.is_released else [],
            release_request=_open_release_request(paper) if internal else None,
        )
        if working_copy:
            # Mitzeichnung (issue 14): a released revision shows who signed it, unchecked.
            state = signoff.signoff_state(paper, check_content=not paper.is_released)
            context.update(
                signoff=state,
                signoff_problems=[]
                if paper.is_released
                else signoff.signoff_problems(paper, state),
                is_current_signer=bool(
                    state.current and state.current.step.user_id == self.request.user.pk
                ),
            )
        if internal and self.request.access.can_edit and not paper.is_released:
            context["concept_attachment_form"] = ConceptAttachmentForm(
                district=self.request.district
            )
        if internal:
            # The working copy as the PDF shows it, readable in the browser.
            document = paper_context(paper)
            context.update(
                proposal_html=document["proposal_html"], begruendung=document["begruendung"]
            )
        return context


class PaperFormView(StaleEditGuard, DistrictMixin, FormView):
    """Create or edit the working copy with its Beratungsfolge; a released paper is frozen."""

    capability = Capability.EDIT
    template_name = "papers/paper_form.html"
    form_class = PaperForm

    def dispatch(self, request, *args, **kwargs):
        self.object = None
        return super().dispatch(request, *args, **kwargs)

    def load(self):
        if "pk" in self.kwargs:
            self.object = get_paper(self.request, self.kwargs["pk"])
            if self.object.is_released:
                messages.warning(self.request, services.FROZEN_MESSAGE)
                return redirect(self.object_url())
        return None

    def get(self, request, *args, **kwargs):
        return self.load() or super().get(request, *args, **kwargs)

    def object_url(self):
        return reverse("papers:detail", args=[self.request.district.slug, self.object.pk])

    def get_initial(self):
        if self.object is not None:
            return {}
        district = self.request.district
        today = timezone.localdate()
        return {
            "reference": services.suggest_reference(district, today),
            "date": today,
            "layout": district.paper_layout,
            "is_public": True,
        }

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["district"] = self.request.district
        if self.object is not None:
            kwargs["instance"] = self.object
        return kwargs

    def get_steps(self):
        if self.request.method == "POST":
            # No initial when bound: a row equal to its initial would count as "unchanged"
            # and be skipped by validation, silently dropping that step.
            return StepFormSet(self.request.POST, district=self.request.district, prefix="steps")
        initial = step_initial(self.object) if self.object is not None else None
        return StepFormSet(initial=initial, district=self.request.district, prefix="steps")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("steps", self.get_steps())
        context.update(
            object=self.object,
            heading=(
                f"Vorlage {self.object.reference} bearbeiten" if self.object else "Neue Vorlage"
            ),
            cancel_url=(
                self.object_url()
                if self.object
                else reverse("papers:list", args=[self.request.district.slug])
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        redirect_response = self.load()
        if redirect_response:
            return redirect_response
        form = self.get_form()
        steps = self.get_steps()
        if not (form.is_valid() and steps.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, steps=steps))
        if self.object is not None and (stale := self.refuse_stale(form, steps=steps)):
            return stale
        try:
            if self.object is None:
                self.object = services.paper_create(
                    district=request.district,
                    fields=form.paper_fields(),
                    steps=steps.steps(),
                    user=request.user,
                )
            else:
                self.object = services.paper_update(
                    district=request.district,
                    paper=form.instance,
                    fields=form.paper_fields(),
                    steps=steps.steps(),
                    user=request.user,
                )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
            return self.render_to_response(self.get_context_data(form=form, steps=steps))
        messages.success(request, f"Vorlage {self.object.reference} gespeichert.")
        return redirect(self.object_url())


@district_view(Capability.EDIT)
@require_POST
def paper_from_concept_version(request, version_pk: int):
    """ "Vorlage aus Konzeptfassung erstellen": a prefilled Beschlussvorlage for adoption."""
    version = get_object_or_404(
        ConceptVersion.objects.filter(concept__district=request.district), pk=version_pk
    )
    try:
        paper, notes = paper_from_version(
            district=request.district, version=version, user=request.user
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(
            "concepts:version_detail", district_slug=request.district.slug, pk=version.pk
        )
    # The release sends the whole concept as Anlage: have the worker set it meanwhile, so that
    # releasing need not wait for it (services.paper_release takes it while the data holds).
    transaction.on_commit(
        lambda: request_document(district=request.district, subject=version, user=request.user)
    )
    return prefilled_paper_response(request, paper, notes, f"aus Fassung {version.number}")


def prefilled_paper_response(request, paper: DecisionPaper, notes: list[str], source: str):
    """After a paper was prefilled from data: say so, list what is missing, open the editor."""
    messages.success(
        request,
        f"{paper.get_paper_type_display()} {paper.reference} {source} erstellt. "
        "Bitte Texte prüfen und ergänzen.",
    )
    for note in notes:
        messages.warning(request, note)
    return redirect("papers:update", district_slug=request.district.slug, pk=paper.pk)


@district_view(Capability.EDIT)
@require_POST
def paper_new_revision(request, pk: int):
    paper = get_paper(request, pk)
    try:
        paper = services.paper_new_revision(
            district=request.district, paper=paper, user=request.user
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("papers:detail", district_slug=request.district.slug, pk=paper.pk)
    messages.success(
        request,
        f"Revision {paper.revision} begonnen. Die freigegebene Revision {paper.revision - 1} "
        "bleibt für den Kreistag abrufbar, bis Sie die neue freigeben.",
    )
    return redirect("papers:update", district_slug=request.district.slug, pk=paper.pk)


@district_view(Capability.READ_PAPERS)
def paper_pdf(request, pk: int):
    """The latest released PDF, byte for byte; before any release, the draft for the KI."""
    paper = get_paper(request, pk)
    release = paper.releases.first()
    if release is not None:
        return release_pdf_response(release)
    if not request.access.can(Capability.READ_INTERNAL):
        raise Http404
    filename, _content_type, content = renderer_for(PAPER_PDF).render(paper)
    return pdf_response(content, filename)


@district_view(Capability.READ_PAPERS)
def paper_revision_pdf(request, pk: int, revision: int):
    paper = get_paper(request, pk)
    release = get_object_or_404(paper.releases, revision=revision)
    return release_pdf_response(release, suffix=f"-Revision-{release.revision}.pdf")


@district_view(Capability.READ_INTERNAL)
def paper_draft_pdf(request, pk: int):
    """The working copy, rendered on demand and cached by its content."""
    paper = get_paper(request, pk)
    filename, _content_type, content = renderer_for(PAPER_PDF).render(paper)
    return pdf_response(content, filename)


@district_view(Capability.READ_INTERNAL)
def paper_docx_export(request, pk: int):
    paper = get_paper(request, pk)
    release = latest_release(paper) if paper.is_released else None
    filename, content_type, content = renderer_for(PAPER_DOCX).render(paper, release=release)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ResultView(StaleEditGuard, DistrictMixin, FormView):
    """Record the result of one step of the Beratungsfolge after release, or correct it with a
    reason (issue 14); the KI-Leitung records decisions (``Capability.DECIDE``)."""

    capability = Capability.DECIDE
    template_name = "papers/result_form.html"
    form_class = ResultForm

    def setup_objects(self):
        self.paper = get_paper(self.request, self.kwargs["pk"])
        self.consultation = get_object_or_404(
            self.paper.consultations.select_related("meeting__committee"),
            pk=self.kwargs["consultation_pk"],
        )
        self.correcting = self.consultation.is_settled

    def get(self, request, *args, **kwargs):
        self.setup_objects()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_objects()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            # A copy: validating the form changes its instance, and the page shows what is
            # stored (the result being corrected) next to the form.
            "instance": copy.copy(self.consultation),
            "correcting": self.correcting,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            paper=self.paper,
            consultation=self.consultation,
            correcting=self.correcting,
            earlier_steps=list(
                self.paper.consultations.filter(order__lt=self.consultation.order)
                .select_related("meeting__committee")
                .order_by("order")
            ),
        )
        return context

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        data = form.cleaned_data
        version = self.paper.concept_version
        was_adopted = version.is_adopted if version else False
        common = {
            "district": self.request.district,
            "consultation": self.consultation,
            "meeting": data["meeting"],
            "result": data["result"],
            "votes_yes": data["votes_yes"],
            "votes_no": data["votes_no"],
            "votes_abstain": data["votes_abstain"],
            "note": data["result_note"],
            "without_preliminary": data["without_preliminary"],
            "without_preliminary_reason": data["without_preliminary_reason"],
            "user": self.request.user,
        }
        try:
            if self.correcting:
                results.consultation_correct(**common, reason=data["correction_reason"])
            else:
                results.consultation_record(**common)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        committee = self.consultation.meeting.committee.name
        messages.success(
            self.request,
            f"Ergebnis für {committee} berichtigt; das bisherige steht im Verlauf."
            if self.correcting
            else f"Ergebnis für {committee} gespeichert.",
        )
        if version is not None:
            version.refresh_from_db()
            if version.is_adopted and not was_adopted:
                messages.success(
                    self.request,
                    f"Fassung {version.number} des Integrationskonzepts ist jetzt beschlossen "
                    f"(am {version.decided_on:%d.%m.%Y}).",
                )
            elif was_adopted and not version.is_adopted:
                messages.warning(
                    self.request,
                    f"Fassung {version.number} des Integrationskonzepts ist nicht mehr "
                    f"beschlossen; sie steht wieder auf „{version.get_status_display()}“.",
                )
        return redirect("papers:detail", district_slug=self.request.district.slug, pk=self.paper.pk)


class AttachmentCreateView(DistrictMixin, FormView):
    capability = Capability.EDIT
    template_name = "form_page.html"
    form_class = AttachmentForm

    def frozen(self, request):
        self.paper = get_paper(request, self.kwargs["pk"])
        if self.paper.is_released:
            messages.warning(request, services.FROZEN_MESSAGE)
            return redirect("papers:detail", district_slug=request.district.slug, pk=self.paper.pk)
        return None

    def get(self, request, *args, **kwargs):
        return self.frozen(request) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.frozen(request) or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading=f"Anlage zu Vorlage {self.paper.reference} hinzufügen",
            back_url=reverse("papers:detail", args=[self.request.district.slug, self.paper.pk]),
            multipart=True,
        )
        return context

    def form_valid(self, form):
        attachment = services.attachment_create(
            district=self.request.district,
            paper=self.paper,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
            user=self.request.user,
        )
        messages.success(self.request, f"Anlage „{attachment.title}“ hinzugefügt.")
        return redirect("papers:detail", district_slug=self.request.district.slug, pk=self.paper.pk)


@district_view(Capability.EDIT)
@require_POST
def attachment_concept(request, pk: int):
    """Attach a Fassung of the District's concept as Anlage, as "Vorlage aus Konzeptfassung"
    does: no file now, the concept PDF is set at the release."""
    paper = get_paper(request, pk)
    form = ConceptAttachmentForm(request.POST, district=request.district)
    if not form.is_valid():
        messages.error(request, "Bitte eine Fassung des Integrationskonzepts auswählen.")
    else:
        version = form.cleaned_data["concept_version"]
        try:
            attachment = services.attachment_create(
                district=request.district,
                paper=paper,
                title=concept_attachment_title(request.district, version),
                concept_version=version,
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Anlage „{attachment.title}“ hinzugefügt.")
    return redirect("papers:detail", district_slug=request.district.slug, pk=paper.pk)


@district_view(Capability.EDIT)
@require_POST
def attachment_delete(request, pk: int, attachment_pk: int):
    paper = get_paper(request, pk)
    attachment = get_object_or_404(paper.attachments, pk=attachment_pk)
    if paper.is_released:
        messages.error(request, services.FROZEN_MESSAGE)
    else:
        services.attachment_delete(
            district=request.district, attachment=attachment, user=request.user
        )
        messages.success(request, f"Anlage „{attachment.title}“ entfernt.")
    return redirect("papers:detail", district_slug=request.district.slug, pk=paper.pk)


@district_view(Capability.READ_INTERNAL)
def attachment_download(request, pk: int, attachment_pk: int):
    """An Anlage of the working copy; one that is a concept version is rendered on request."""
    paper = get_paper(request, pk)
    attachment = get_object_or_404(paper.attachments, pk=attachment_pk)
    if attachment.file:
        return FileResponse(attachment.file.open("rb"), as_attachment=True)
    if attachment.concept_version_id:
        return redirect(
            "concepts:version_detail",
            district_slug=request.district.slug,
            pk=attachment.concept_version_id,
        )
    raise Http404


@district_view(Capability.READ_PAPERS)
def released_attachment_download(request, pk: int, attachment_pk: int):
    """An Anlage as it went out with a release, byte for byte."""
    paper = get_paper(request, pk)
    attachment = get_object_or_404(
        ReleasedAttachment.objects.for_district(request.district).filter(release__paper=paper),
        pk=attachment_pk,
    )
    return released_attachment_response(attachment)


class PaperSettingsView(StaleEditGuard, DistrictMixin, FormView):
    """KI-Leitung sets the Begründung layout, the number pattern and the logo of the papers."""

    capability = Capability.DECIDE
    template_name = "form_page.html"
    form_class = PaperSettingsForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.request.district}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading="Einstellungen für Vorlagen",
            back_url=reverse("papers:list", args=[self.request.district.slug]),
            multipart=True,
        )
        return context

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        services.paper_settings_update(
            district=self.request.district, data=form.cleaned_data, user=self.request.user
        )
        messages.success(self.request, "Einstellungen für Vorlagen gespeichert.")
        return redirect("papers:list", district_slug=self.request.district.slug)
