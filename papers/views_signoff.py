"""Mitzeichnung and release of a paper (issue 14) and the District's sign-off steps.

The KI-Leitung keeps the steps (``/<kreis>/vorlagen/mitzeichnung/``) and asks for Mitzeichnung
on the paper page; the holder of the current step signs off or returns the paper there. The
release is a confirmed form, refused until every applicable step has signed the current content.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability

from . import services, signoff
from .forms_signoff import ReleaseConfirmForm, SignOffReturnForm, SignOffStepForm
from .models import ReleaseRequest, SignOffStep
from .views import get_paper


def _to_paper(request, paper):
    return redirect("papers:detail", district_slug=request.district.slug, pk=paper.pk)


def _flash_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


class ReleaseView(DistrictMixin, FormView):
    """The KI-Leitung confirms that she has checked the paper, then it is released: now, or –
    while its concept Anlage is set – as soon as it is."""

    capability = Capability.DECIDE
    template_name = "papers/release_confirm.html"
    form_class = ReleaseConfirmForm

    def dispatch(self, request, *args, **kwargs):
        self.paper = None
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.paper = get_paper(request, kwargs["pk"])
        if self.paper.is_released:
            messages.info(request, "Diese Revision ist bereits freigegeben.")
            return _to_paper(request, self.paper)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.paper = get_paper(request, kwargs["pk"])
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = signoff.signoff_state(self.paper)
        context.update(
            paper=self.paper,
            signoff=state,
            problems=services.release_problems(self.paper)
            + signoff.signoff_problems(self.paper, state),
        )
        return context

    def form_valid(self, form):
        request, paper = self.request, self.paper
        try:
            release_request = services.paper_release(
                district=request.district, paper=paper, user=request.user
            )
        except ValidationError as exc:
            _flash_errors(request, exc)
            return _to_paper(request, paper)
        if release_request.status == ReleaseRequest.Status.DONE:
            messages.success(
                request,
                f"Vorlage {paper.reference} (Revision {release_request.revision}) freigegeben. "
                "Das PDF ist jetzt für den Kreistag abrufbar und bleibt unverändert.",
            )
        elif release_request.is_pending:
            messages.info(
                request,
                f"Vorlage {paper.reference} wird freigegeben, sobald das Integrationskonzept "
                "als Anlage gesetzt ist. Diese Seite zeigt, wann es so weit ist.",
            )
        return _to_paper(request, paper)


@district_view(Capability.DECIDE)
@require_POST
def signoff_request(request, pk: int):
    """KI-Leitung gives the paper, as it is now, to the first step of the Mitzeichnung."""
    paper = get_paper(request, pk)
    problems = services.release_problems(paper)
    if problems:
        messages.error(request, "Die Vorlage ist noch nicht vollständig:")
        for problem in problems:
            messages.error(request, problem)
        return _to_paper(request, paper)
    try:
        signoff.signoff_request(district=request.district, paper=paper, user=request.user)
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        messages.success(request, f"Vorlage {paper.reference} liegt zur Mitzeichnung vor.")
    return _to_paper(request, paper)


@district_view(Capability.SIGN_OFF)
@require_POST
def signoff_sign(request, pk: int):
    """The holder of the current step: "mitgezeichnet". Anyone holding no step gets 403."""
    paper = get_paper(request, pk)
    try:
        given = signoff.signoff_sign(district=request.district, paper=paper, user=request.user)
    except ValidationError as exc:
        _flash_errors(request, exc)
    else:
        messages.success(
            request,
            f"Sie haben die Vorlage {paper.reference} als {given.function} mitgezeichnet.",
        )
    return _to_paper(request, paper)


class SignOffReturnView(DistrictMixin, FormView):
    """The holder of the current step returns the paper to the KI with a required comment."""

    capability = Capability.SIGN_OFF
    template_name = "form_page.html"
    form_class = SignOffReturnForm

    def check(self, request, pk):
        """None when the user may return the paper now; else a redirect with the reason.
        Anyone holding no step of the paper gets 403 (PermissionDenied)."""
        self.paper = get_paper(request, pk)
        try:
            # The content is compared when the return is saved (signoff_return).
            self.state = signoff.signer_state(self.paper, request.user, check_content=False)
        except ValidationError as exc:
            _flash_errors(request, exc)
            return _to_paper(request, self.paper)
        return None

    def get(self, request, *args, **kwargs):
        return self.check(request, kwargs["pk"]) or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.check(request, kwargs["pk"]) or super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading=f"Vorlage {self.paper.reference} zurückgeben "
            f"({self.state.current.step.function})",
            back_url=reverse("papers:detail", args=[self.request.district.slug, self.paper.pk]),
            submit_label="Zurückgeben",
        )
        return context

    def form_valid(self, form):
        try:
            signoff.signoff_return(
                district=self.request.district,
                paper=self.paper,
                user=self.request.user,
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for name, errors in exc.error_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
                return self.form_invalid(form)
            _flash_errors(self.request, exc)
            return _to_paper(self.request, self.paper)
        messages.success(
            self.request,
            f"Vorlage {self.paper.reference} an die KI zurückgegeben. Sie wird Ihnen nach der "
            "Überarbeitung erneut vorgelegt.",
        )
        return _to_paper(self.request, self.paper)


class SignOffStepsView(DistrictMixin, FormView):
    """KI-Leitung: the District's Mitzeichnung in order, and a form to add a step."""

    capability = Capability.DECIDE
    template_name = "papers/signoff_steps.html"
    form_class = SignOffStepForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "district": self.request.district}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["steps"] = list(
            SignOffStep.objects.for_district(self.request.district).select_related("user")
        )
        # A holder who left the KI blocks every paper at her step: the page says so.
        context["active_signers"] = set(
            signoff.signer_memberships(self.request.district).values_list("user_id", flat=True)
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            step = signoff.signoff_step_create(
                district=self.request.district,
                function=data["function"],
                signer=data["signer"],
                condition=data["condition"],
                user=self.request.user,
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for name, errors in exc.error_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, f"Schritt „{step.function}“ ({step.user}) hinzugefügt.")
        return redirect("papers:signoff_steps", district_slug=self.request.district.slug)


def _step(request, step_pk: int) -> SignOffStep:
    return get_object_or_404(SignOffStep.objects.for_district(request.district), pk=step_pk)


@district_view(Capability.DECIDE)
@require_POST
def signoff_step_delete(request, step_pk: int):
    step = _step(request, step_pk)
    signoff.signoff_step_delete(district=request.district, step=step, user=request.user)
    messages.success(request, f"Schritt „{step.function}“ ({step.user}) entfernt.")
    return redirect("papers:signoff_steps", district_slug=request.district.slug)


@district_view(Capability.DECIDE)
@require_POST
def signoff_step_move(request, step_pk: int):
    step = _step(request, step_pk)
    up = request.POST.get("richtung") != "runter"
    signoff.signoff_step_move(district=request.district, step=step, up=up, user=request.user)
    return redirect("papers:signoff_steps", district_slug=request.district.slug)
