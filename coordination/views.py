"""Priority rounds for the KI: list, round and option forms, status, opening, reminders."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability
from core.locking import StaleEditGuard
from core.text import counted

from . import services
from .forms import OptionForm, RoundForm
from .models import PriorityRound, RoundOption


def answer_url(request, round: PriorityRound) -> str:
    return request.build_absolute_uri(
        reverse("coordination:answer", args=[round.district.slug, round.pk])
    )


class RoundListView(DistrictMixin, TemplateView):
    """KI: every round with its status; the others: rounds that have been opened."""

    capability = Capability.READ
    template_name = "coordination/round_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        access = self.request.access
        rounds = (
            self.request.district.priority_rounds.select_related("work_period")
            .annotate(answers=Count("submissions", distinct=True))
            .order_by("-opens_on", "-pk")
        )
        if not access.can_edit:
            rounds = rounds.exclude(status=PriorityRound.Status.DRAFT)
        rounds = list(rounds)
        answered = set()
        if access.municipality is not None:
            answered = set(
                access.municipality.submissions.filter(round__in=rounds).values_list(
                    "round_id", flat=True
                )
            )
        context.update(
            rounds=rounds,
            answered=answered,
            municipality_count=self.request.district.municipalities.count(),
            can_answer=access.can(Capability.ANSWER_ROUND),
        )
        return context


class RoundMixin:
    """Fetches the round from the District (another District's round is 404)."""

    @property
    def round(self) -> PriorityRound:
        if not hasattr(self, "_round"):
            self._round = get_object_or_404(
                self.request.district.priority_rounds.select_related("work_period", "adopted_by"),
                pk=self.kwargs["pk"],
            )
        return self._round


class KiFormView(StaleEditGuard, DistrictMixin, FormView):
    capability = Capability.EDIT
    template_name = "form_page.html"
    heading = ""
    success_message = "Gespeichert."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "district": self.request.district}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(heading=self.heading, back_url=self.back_url())
        return context

    def back_url(self) -> str:
        return reverse("coordination:list", args=[self.request.district.slug])

    def form_valid(self, form):
        if stale := self.refuse_stale(form):
            return stale
        try:
            target = self.save(form)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.error_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(target)


class RoundCreateView(KiFormView):
    form_class = RoundForm
    heading = "Neue Abstimmungsrunde"
    success_message = "Abstimmungsrunde gespeichert. Legen Sie nun die Optionen an."

    def save(self, form):
        round = services.round_create(
            district=self.request.district, data=form.cleaned_data, user=self.request.user
        )
        return reverse("coordination:detail", args=[self.request.district.slug, round.pk])


class RoundUpdateView(RoundMixin, KiFormView):
    form_class = RoundForm
    success_message = "Abstimmungsrunde gespeichert."

    @property
    def heading(self) -> str:
        return f"{self.round.title} bearbeiten"

    def back_url(self) -> str:
        return reverse("coordination:detail", args=[self.request.district.slug, self.round.pk])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.round}

    def save(self, form):
        services.round_update(
            district=self.request.district,
            round=self.round,
            data=form.cleaned_data,
            user=self.request.user,
        )
        return self.back_url()


class OptionCreateView(RoundMixin, KiFormView):
    form_class = OptionForm
    success_message = "Option gespeichert."

    @property
    def heading(self) -> str:
        return f"Neue Option für „{self.round.title}“"

    def back_url(self) -> str:
        return reverse("coordination:detail", args=[self.request.district.slug, self.round.pk])

    def save(self, form):
        services.option_save(
            district=self.request.district,
            round=self.round,
            data=form.cleaned_data,
            user=self.request.user,
        )
        return self.back_url()


class OptionMixin:
    @property
    def option(self) -> RoundOption:
        if not hasattr(self, "_option"):
            self._option = get_object_or_404(
                RoundOption.objects.for_district(self.request.district).select_related("round"),
                pk=self.kwargs["pk"],
            )
        return self._option

    def back_url(self) -> str:
        return reverse(
            "coordination:detail", args=[self.request.district.slug, self.option.round_id]
        )


class OptionUpdateView(OptionMixin, KiFormView):
    form_class = OptionForm
    success_message = "Option gespeichert."

    @property
    def heading(self) -> str:
        return f"Option „{self.option.title}“ bearbeiten"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.option}

    def save(self, form):
        services.option_save(
            district=self.request.district,
            round=self.option.round,
            option=self.option,
            data=form.cleaned_data,
            user=self.request.user,
        )
        return self.back_url()


class OptionDeleteView(OptionMixin, DistrictMixin, TemplateView):
    capability = Capability.EDIT
    template_name = "confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        option = self.option
        context.update(
            heading=f"Option „{option.title}“ löschen",
            question=f"Soll die Option „{option.title}“ gelöscht werden?",
            blocked=(
                ""
                if option.round.status == PriorityRound.Status.DRAFT
                else "Die Runde ist geöffnet; ihre Optionen bleiben, wie sie sind."
            ),
            back_url=self.back_url(),
        )
        return context

    def post(self, request, *args, **kwargs):
        back = self.back_url()
        try:
            services.option_delete(district=request.district, option=self.option, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Option gelöscht.")
        return redirect(back)


class RoundDetailView(RoundMixin, DistrictMixin, TemplateView):
    """The KI's view of a round: options, who has answered, the actions of its phase."""

    capability = Capability.EDIT
    template_name = "coordination/round_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round = self.round
        submissions = {
            s.municipality_id: s
            for s in round.submissions.select_related("submitted_by").order_by()
        }
        municipalities = [
            (m, submissions.get(m.pk))
            for m in self.request.district.municipalities.order_by("name")
        ]
        context.update(
            round=round,
            options=round.options.select_related("focus_area", "field_of_action"),
            municipalities=municipalities,
            answered=len(submissions),
            is_draft=round.status == PriorityRound.Status.DRAFT,
        )
        return context


def _round(request, pk) -> PriorityRound:
    return get_object_or_404(request.district.priority_rounds.select_related("work_period"), pk=pk)


def _run(request, action, success) -> None:
    try:
        result = action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success(result))


@district_view(Capability.EDIT)
@require_POST
def round_prefill(request, pk):
    round = _round(request, pk)
    _run(
        request,
        lambda: services.round_prefill(district=request.district, round=round, user=request.user),
        lambda n: (
            f"{counted(n, 'Option', 'Optionen')} aus Handlungsfeldern und "
            "Arbeitsschwerpunkten übernommen."
        ),
    )
    return redirect("coordination:detail", request.district.slug, round.pk)


@district_view(Capability.EDIT)
@require_POST
def round_open(request, pk):
    round = _round(request, pk)
    _run(
        request,
        lambda: services.round_open(
            district=request.district,
            round=round,
            user=request.user,
            answer_url=answer_url(request, round),
        ),
        lambda n: (
            f"Runde geöffnet; {counted(n, 'Ansprechperson', 'Ansprechpersonen')} der Kommunen "
            f"{'wurde' if n == 1 else 'wurden'} per E-Mail informiert."
        ),
    )
    return redirect("coordination:detail", request.district.slug, round.pk)


@district_view(Capability.EDIT)
@require_POST
def round_remind(request, pk):
    round = _round(request, pk)
    _run(
        request,
        lambda: services.round_remind(
            district=request.district,
            round=round,
            user=request.user,
            answer_url=answer_url(request, round),
        ),
        lambda n: f"Erinnerung an {counted(n, 'Ansprechperson', 'Ansprechpersonen')} verschickt.",
    )
    return redirect("coordination:detail", request.district.slug, round.pk)
