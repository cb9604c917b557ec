"""Forms for work periods, Arbeitsschwerpunkte, Handlungsfelder and target groups."""

from django import forms
from django.utils import timezone

from core.forms import DistrictFormMixin
from core.text import counted
from districts.models import RequirementSet

from .models import FieldOfAction, FocusArea, TargetGroup, WorkPeriod, WorkPriority


class WorkPeriodForm(DistrictFormMixin, forms.Form):
    """Kind and first year; the service computes the dates (``WorkPeriod.span``) and validates.

    The length is a field so the rule stays visible: the Land's requirements say how many years a
    period lasts (seed 000: "für einen Zeitraum von zwei Jahren"); another length is refused
    with the model's German message.
    """

    kind = forms.ChoiceField(label="Art", choices=WorkPeriod.Kind.choices)
    start_year = forms.IntegerField(
        label="erstes Jahr",
        min_value=1990,
        max_value=2100,
        help_text="bei Schuljahren das Jahr, in dem das erste Schuljahr am 1. August beginnt",
    )
    years = forms.IntegerField(label="Dauer in Jahren", min_value=1, max_value=10)

    def __init__(self, *args, instance: WorkPeriod | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The period being edited: core.locking.StaleEditGuard stamps the form with it.
        self.instance = instance
        # The Land's set valid today (issue 17); two years (seed 000) where none applies.
        requirements = RequirementSet.for_district_on(self.district, timezone.localdate())
        required_years = requirements.work_period_years if requirements else 2
        self.fields["years"].help_text = (
            f"Nach den Anforderungen des Landes umfasst eine Arbeitsperiode "
            f"{counted(required_years, 'Jahr', 'Jahre')}."
        )
        if instance is not None:
            # 1.1.2025–31.12.2026 and 1.8.2025–31.7.2027 both last two years.
            last_year = instance.end.year + (1 if instance.start.month == 1 else 0)
            self.initial.update(
                kind=instance.kind,
                start_year=instance.start.year,
                years=last_year - instance.start.year,
            )
        else:
            self.initial.setdefault("kind", WorkPeriod.Kind.CALENDAR)
            self.initial.setdefault("years", required_years)

    # Service errors carry a code; show each next to the field it is about.
    ERROR_FIELDS = {"not_two_years": "years", "overlap": "start_year"}

    def add_service_errors(self, error) -> None:
        """Put the ValidationError of ``work_period_create/update`` next to its field."""
        if hasattr(error, "error_dict"):
            items = [(field, item) for field, errors in error.error_dict.items() for item in errors]
        else:
            items = [(None, item) for item in error.error_list]
        # The overlap message already covers "same start" (the unique constraint): say it once.
        if any(item.code == "overlap" for _field, item in items):
            items = [
                (f, item) for f, item in items if item.code not in ("unique", "unique_together")
            ]
        for field, item in items:
            if field not in self.fields:
                field = self.ERROR_FIELDS.get(item.code)
            self.add_error(field, item)


class WorkPriorityForm(DistrictFormMixin, forms.ModelForm):
    # No "aus Abstimmungsrunde" field: that link is made when coordination adopts a round's
    # result (coordination.PriorityAdoption), concepts does not know the rounds.

    class Meta:
        model = WorkPriority
        fields = ["focus_area", "title", "description", "order"]

    def __init__(self, *args, work_period: WorkPeriod, **kwargs):
        super().__init__(*args, **kwargs)
        self.work_period = work_period
        if not self.instance.pk:
            self.instance.work_period = work_period
        self.fields["focus_area"].queryset = FocusArea.objects.all()
        self.fields["order"].required = False

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        duplicates = self.work_period.priorities.filter(title__iexact=title)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError(
                "In dieser Arbeitsperiode gibt es bereits einen Arbeitsschwerpunkt mit diesem Titel."
            )
        return title

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


class _NamedForm(DistrictFormMixin, forms.ModelForm):
    """Name unique within the District (the database's unique constraint, said in German)."""

    duplicate_message = ""

    def related(self):
        raise NotImplementedError

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        duplicates = self.related().filter(name__iexact=name)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError(self.duplicate_message)
        return name


class FieldOfActionForm(_NamedForm):
    duplicate_message = "Ein Handlungsfeld mit diesem Namen gibt es in diesem Kreis bereits."

    class Meta:
        model = FieldOfAction
        fields = ["name", "description", "is_cross_cutting", "order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["order"].help_text = "Handlungsfelder werden nach dieser Zahl sortiert."

    def related(self):
        return self.district.fields_of_action.all()

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


class TargetGroupForm(_NamedForm):
    duplicate_message = "Eine Zielgruppe mit diesem Namen gibt es in diesem Kreis bereits."

    class Meta:
        model = TargetGroup
        fields = ["name", "description"]

    def related(self):
        return self.district.target_groups.all()
