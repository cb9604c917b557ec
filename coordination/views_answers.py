"""Answers of the municipalities, the aggregated result, its adoption and the export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from accounts.access import DistrictMixin, district_view
from accounts.rights import Capability, Scope
from core.exports import Column, Kind, csv_response, xlsx_response
from core.locking import CONFLICT_MESSAGE, EditConflict, stamp
from core.text import counted

from . import services
from .forms import AdoptForm, AnswerForm
from .models import PriorityRound
from .results import round_result


def answering_for(request):
    """The municipality the user answers for: a liaison's own one; for the KI the one named in
    ``?kommune=`` (paper answers). Another municipality than one's own is 404."""
    access = request.access
    wanted = request.GET.get("kommune", "")
    if wanted and not (wanted.isascii() and wanted.isdecimal() and len(wanted) < 12):
        raise Http404
    if access.scope(Capability.ANSWER_ROUND) == Scope.ANY_MUNICIPALITY:
        if not wanted:
            return None
        return get_object_or_404(request.district.municipalities, pk=int(wanted))
    municipality = access.municipality
    if municipality is None or (wanted and int(wanted) != municipality.pk):
        raise Http404
    return municipality


class AnswerMixin(DistrictMixin):
    capability = Capability.ANSWER_ROUND

    def setup_answer(self):
        request = self.request
        self.round = get_object_or_404(
            request.district.priority_rounds.select_related("work_period"), pk=self.kwargs["pk"]
        )
        self.municipality = answering_for(request)
        self.on_paper = request.access.scope(Capability.ANSWER_ROUND) == Scope.ANY_MUNICIPALITY
        self.submission = (
            self.round.submissions.filter(municipality=self.municipality)
            .select_related("submitted_by")
            .prefetch_related("choices")
            .first()
            if self.municipality
            else None
        )

    def query(self) -> str:
        return f"?kommune={self.municipality.pk}" if self.on_paper else ""

    def answer_url(self) -> str:
        return (
            reverse("coordination:answer", args=[self.request.district.slug, self.round.pk])
            + self.query()
        )


class AnswerView(AnswerMixin, TemplateView):
    """A municipality's answer: editable until the closing date, read-only afterwards."""

    template_name = "coordination/answer.html"

    def get(self, request, *args, **kwargs):
        self.setup_answer()
        if self.round.status == PriorityRound.Status.DRAFT and not request.access.can_edit:
            messages.info(request, "Diese Abstimmungsrunde ist noch nicht geöffnet.")
            return redirect("coordination:list", request.district.slug)
        if self.municipality is None:
            messages.info(
                request, "Bitte wählen Sie die Kommune, deren Papierantwort Sie erfassen."
            )
            return redirect("coordination:detail", request.district.slug, self.round.pk)
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def make_form(self, data=None):
        return AnswerForm(
            data,
            round=self.round,
            options=self.round.options.select_related("focus_area", "field_of_action"),
            initial=AnswerForm.initial_for(self.submission),
        )

    def post(self, request, *args, **kwargs):
        self.setup_answer()
        if self.municipality is None:
            raise Http404
        if not self.round.accepts_answers():
            messages.error(
                request,
                "Die Abstimmungsrunde ist nicht geöffnet; Antworten lassen sich nicht mehr "
                "abgeben oder ändern.",
            )
            return redirect(self.answer_url())
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                services.submission_save(
                    district=request.district,
                    round=self.round,
                    municipality=self.municipality,
                    choices=form.choices(),
                    comment=form.cleaned_data["comment"],
                    committee_name=form.cleaned_data["committee_name"],
                    committee_date=form.cleaned_data["committee_date"],
                    on_paper=self.on_paper,
                    user=request.user,
                    seen=form.cleaned_data["seen_modified"],
                )
            except EditConflict as conflict:
                return self.conflict_response(form, conflict.current)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, "Antwort gespeichert.")
                return redirect(
                    reverse(
                        "coordination:confirmation",
                        args=[request.district.slug, self.round.pk],
                    )
                    + self.query()
                )
        return self.render_to_response(self.get_context_data(form=form))

    def conflict_response(self, form, stored):
        """Someone saved this municipality's answer meanwhile: keep the input, show theirs."""
        form.add_error(None, CONFLICT_MESSAGE)
        data = form.data.copy()
        data["seen_modified"] = stamp(stored)
        form.data = data
        values = (
            [
                ("Gespeichert am", formats.localize(timezone.localtime(stored.modified))),
                ("Gespeichert von", str(stored.submitted_by or "–")),
            ]
            + [
                (
                    f"{'Punkte' if self.round.uses_points else 'Rang'} für „{choice.option.title}“",
                    str(choice.points if choice.points is not None else choice.rank or "–"),
                )
                for choice in stored.choices.select_related("option").order_by(
                    "option__order", "pk"
                )
            ]
            + [("Allgemeine Anmerkung", stored.comment)]
        )
        return self.render_to_response(self.get_context_data(form=form, conflict_values=values))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            round=self.round,
            municipality=self.municipality,
            submission=self.submission,
            on_paper=self.on_paper,
            editable=self.round.accepts_answers(),
            groups=_group_rows(form.rows()),
        )
        return context


def _group_rows(rows):
    groups: dict = {}
    for option, value, comment in rows:
        groups.setdefault(option.focus_area, []).append((option, value, comment))
    return list(groups.items())


class ConfirmationView(AnswerMixin, TemplateView):
    """Printable confirmation of a saved answer with its timestamp."""

    template_name = "coordination/confirmation.html"

    def get(self, request, *args, **kwargs):
        self.setup_answer()
        if self.submission is None:
            return (
                redirect(self.answer_url())
                if self.municipality
                else redirect("coordination:detail", request.district.slug, self.round.pk)
            )
        choices = sorted(
            (c for c in self.submission.choices.all()),
            key=lambda c: (c.rank or 0, -(c.points or 0), c.option_id),
        )
        options = {o.pk: o for o in self.round.options.select_related("focus_area")}
        context = self.get_context_data(
            round=self.round,
            municipality=self.municipality,
            submission=self.submission,
            choices=[(options[c.option_id], c) for c in choices if c.option_id in options],
            answer_url=self.answer_url(),
            editable=self.round.accepts_answers(),
        )
        return self.render_to_response(context)


def _top(request) -> int:
    value = request.GET.get("top", "3")
    if value.isascii() and value.isdecimal() and 1 <= int(value) <= 10:
        return int(value)
    return 3


class ResultView(DistrictMixin, TemplateView):
    """KI: matrix municipalities × options, ranking per Schwerpunkt, proposal and adoption.
    The others see the aggregated ranking once the round is closed."""

    capability = Capability.READ
    template_name = "coordination/result.html"

    def get(self, request, *args, **kwargs):
        self.round = get_object_or_404(
            request.district.priority_rounds.select_related("work_period", "adopted_by"),
            pk=kwargs["pk"],
        )
        self.internal = request.access.can_edit
        if request.access.membership is None and timezone.localdate() <= self.round.closes_on:
            # Issue 17: the Land (and the operator, who reads like it) never reads a round's
            # answers before the round's deadline, even when the KI closed it early.
            raise Http404
        if not self.internal and not self.round.is_decided:
            messages.info(request, "Das Ergebnis wird nach dem Antwortschluss veröffentlicht.")
            return redirect("coordination:list", request.district.slug)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        top = _top(self.request)
        sort = self.request.GET.get("sortierung", "")
        result = round_result(self.round, matrix=self.internal, sort=sort, top=top)
        can_adopt = (
            self.request.access.can_decide and self.round.phase() == PriorityRound.Status.CLOSED
        )
        context.update(
            round=self.round,
            result=result,
            internal=self.internal,
            sort=sort,
            top=top,
            top_choices=range(1, 11),
            can_adopt=can_adopt,
            adopt_form=AdoptForm(options=result.options, initial={"options": result.proposal_ids})
            if can_adopt
            else None,
            municipality_count=self.request.district.municipalities.count(),
        )
        return context


@district_view(Capability.DECIDE)
@require_POST
def round_adopt(request, pk):
    round = get_object_or_404(request.district.priority_rounds, pk=pk)
    form = AdoptForm(request.POST, options=round.options.all())
    if not form.is_valid():
        messages.error(request, "Bitte mindestens eine Option dieser Runde auswählen.")
        return redirect("coordination:result", request.district.slug, round.pk)
    try:
        adopted = services.round_adopt(
            district=request.district,
            round=round,
            option_ids=form.cleaned_data["options"],
            user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("coordination:result", request.district.slug, round.pk)
    messages.success(
        request,
        f"{counted(len(adopted), 'Arbeitsschwerpunkt', 'Arbeitsschwerpunkte')} für "
        f"{round.work_period.label} übernommen.",
    )
    return redirect("coordination:result", request.district.slug, round.pk)


# --- Export ---------------------------------------------------------------------------------

# One row per answered option; spreadsheets get real numbers and dates (core/exports).
EXPORT_COLUMNS = [
    Column("Kommune", width=24),
    Column("Schwerpunkt", width=28),
    Column("Handlungsfeld", width=24),
    Column("Option", width=40),
    Column("Rang", width=8),
    Column("Punkte", width=8),
    Column("Anmerkung zur Option", width=40),
    Column("Allgemeine Anmerkung", width=40),
    Column("Gremium", width=24),
    Column("Beschluss am", Kind.DATE, width=12),
    Column("auf Papier", width=10),
    Column("gespeichert am", width=18),
]
EXPORT_HEADER = [column.label for column in EXPORT_COLUMNS]


def export_rows(round: PriorityRound):
    options = {o.pk: o for o in round.options.select_related("focus_area", "field_of_action")}
    submissions = round.submissions.select_related("municipality").prefetch_related("choices")
    for submission in submissions:
        for choice in sorted(submission.choices.all(), key=lambda c: options[c.option_id].order):
            option = options[choice.option_id]
            yield [
                submission.municipality.name,
                option.focus_area.name,
                option.field_of_action.name if option.field_of_action else "",
                option.title,
                choice.rank,
                choice.points,
                choice.comment,
                submission.comment,
                submission.committee_name,
                submission.committee_date,
                "ja" if submission.on_paper else "nein",
                submission.modified,
            ]


@district_view(Capability.EDIT)
def export(request, pk):
    """The answers as CSV (German: semicolons, UTF-8 with BOM) or, with ``?als=xlsx``, XLSX.

    Text is neutralised against spreadsheet formulas (a comment "=HYPERLINK(…)" stays text).
    """
    round = get_object_or_404(request.district.priority_rounds, pk=pk)
    rows = list(export_rows(round))
    if request.GET.get("als") == "xlsx":
        return xlsx_response(
            EXPORT_COLUMNS,
            rows,
            filename=f"abstimmung-{round.pk}.xlsx",
            sheet_title="Antworten",
            title=f"Antworten: {round.title}",
        )
    return csv_response(EXPORT_COLUMNS, rows, filename=f"abstimmung-{round.pk}.csv")
