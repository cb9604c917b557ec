"""Forms for priority rounds: the round, its options, a municipality's answer, the adoption."""

from django import forms

from core.forms import DateInput, DistrictFormMixin
from core.locking import stamp

from .models import PriorityRound, RoundOption
from .services import NO_ANSWER, ChoiceInput, choice_errors


class RoundForm(DistrictFormMixin, forms.ModelForm):
    district_querysets = {"work_period": lambda d: d.work_periods.order_by("-start")}

    class Meta:
        model = PriorityRound
        fields = [
            "work_period",
            "title",
            "instructions",
            "opens_on",
            "closes_on",
            "voting_rule",
            "max_choices",
            "points_total",
        ]
        help_texts = {
            "max_choices": "Bei „Rangfolge“: so viele Ränge vergibt jede Kommune höchstens.",
            "points_total": "Bei „Punkte verteilen“: so viele Punkte verteilt jede Kommune höchstens.",
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "Der Antwortschluss darf nicht vor der Öffnung liegen.")
        if data.get("voting_rule") == PriorityRound.VotingRule.RANKING and not data.get(
            "max_choices"
        ):
            self.add_error("max_choices", "Bitte mindestens eine Option zur Wahl stellen.")
        if data.get("voting_rule") == PriorityRound.VotingRule.POINTS and not data.get(
            "points_total"
        ):
            self.add_error("points_total", "Bitte mindestens einen Punkt zur Verteilung vorsehen.")
        return data

    def _post_clean(self):
        # The service validates; the model's check constraint is already covered in clean().
        pass


class OptionForm(DistrictFormMixin, forms.ModelForm):
    district_querysets = {"field_of_action": lambda d: d.fields_of_action.all()}

    class Meta:
        model = RoundOption
        fields = ["focus_area", "field_of_action", "title", "description", "order"]
        help_texts = {"order": "Position im Abstimmungspapier; leer oder 0 = ans Ende."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False

    def _post_clean(self):
        pass


class AnswerForm(forms.Form):
    """Rank or points per option, a comment per option, the general comment and the committee.

    Fields per option: ``wert_<pk>`` (rank or points) and ``anmerkung_<pk>``.
    """

    comment = forms.CharField(
        label="Allgemeine Anmerkung", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    committee_name = forms.CharField(
        label="Beschließendes Gremium der Kommune (optional)", required=False, max_length=200
    )
    committee_date = forms.DateField(
        label="Beschluss des Gremiums am (optional)", required=False, widget=DateInput()
    )
    # The stored answer as the page showed it (core.locking): its modified stamp, or NO_ANSWER.
    seen_modified = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, round: PriorityRound, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self.options = list(options)
        for option in self.options:
            if round.uses_points:
                field = forms.IntegerField(
                    label=f"Punkte für „{option.title}“",
                    required=False,
                    min_value=0,
                    max_value=round.points_total,
                )
            else:
                field = forms.TypedChoiceField(
                    label=f"Rang für „{option.title}“",
                    required=False,
                    coerce=int,
                    empty_value=None,
                    choices=[("", "–")] + [(n, str(n)) for n in range(1, round.max_choices + 1)],
                )
            self.fields[f"wert_{option.pk}"] = field
            self.fields[f"anmerkung_{option.pk}"] = forms.CharField(
                label=f"Anmerkung zu „{option.title}“",
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    def rows(self):
        """Option with its bound value and comment fields, for the table."""
        return [
            (option, self[f"wert_{option.pk}"], self[f"anmerkung_{option.pk}"])
            for option in self.options
        ]

    def choices(self) -> list[ChoiceInput]:
        result = []
        for option in self.options:
            value = self.cleaned_data.get(f"wert_{option.pk}")
            result.append(
                ChoiceInput(
                    option_id=option.pk,
                    rank=None if self.round.uses_points else value,
                    points=value if self.round.uses_points else None,
                    comment=self.cleaned_data.get(f"anmerkung_{option.pk}", ""),
                )
            )
        return result

    def clean(self):
        data = super().clean()
        if not self.errors:
            for message in choice_errors(self.round, self.choices()):
                self.add_error(None, message)
        return data

    @classmethod
    def initial_for(cls, submission) -> dict:
        if submission is None:
            return {"seen_modified": NO_ANSWER}
        initial = {
            "seen_modified": stamp(submission),
            "comment": submission.comment,
            "committee_name": submission.committee_name,
            "committee_date": submission.committee_date,
        }
        for choice in submission.choices.all():
            initial[f"wert_{choice.option_id}"] = (
                choice.points if choice.points is not None else choice.rank
            )
            initial[f"anmerkung_{choice.option_id}"] = choice.comment
        return initial


class AdoptForm(forms.Form):
    options = forms.TypedMultipleChoiceField(
        label="Als Arbeitsschwerpunkte übernehmen",
        coerce=int,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": "Bitte mindestens eine Option auswählen."},
    )

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["options"].choices = [(o.pk, o.title) for o in options]
