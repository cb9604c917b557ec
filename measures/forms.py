"""Forms of the measures catalogue; every choice is limited to the District."""

from django import forms
from django.forms.models import ModelChoiceIterator

from concepts.models import ConceptVersion, WorkPriority
from core.forms import DistrictFormMixin

from .models import Indicator, Measure, Measurement


class _ByPeriodIterator(ModelChoiceIterator):
    """Arbeitsschwerpunkte grouped by their Arbeitsperiode (``<optgroup label="2025/26">``)."""

    def __iter__(self):
        groups: dict[str, list] = {}
        for obj in self.queryset:
            groups.setdefault(obj.work_period.label, []).append(self.choice(obj))
        yield from groups.items()


class WorkPriorityField(forms.ModelMultipleChoiceField):
    iterator = _ByPeriodIterator

    def label_from_instance(self, obj: WorkPriority) -> str:
        return f"{obj.title} ({obj.focus_area.name})"


class MeasureForm(DistrictFormMixin, forms.ModelForm):
    district_querysets = {
        "field_of_action": lambda d: d.fields_of_action.all(),
        "work_priorities": lambda d: WorkPriority.objects.for_district(d).select_related(
            "work_period", "focus_area"
        ),
        "target_groups": lambda d: d.target_groups.all(),
        "municipalities": lambda d: d.municipalities.all(),
        "lead_actor": lambda d: d.actors.all(),
        "partner_actors": lambda d: d.actors.all(),
        "concept_versions": lambda d: ConceptVersion.objects.for_district(d),
    }

    class Meta:
        model = Measure
        fields = [
            "title",
            "focus_area",
            "field_of_action",
            "work_priorities",
            "start",
            "end",
            "goal",
            "effect",
            "target_groups",
            "status",
            "municipalities",
            "lead_actor",
            "partner_actors",
            "concept_versions",
        ]
        field_classes = {"work_priorities": WorkPriorityField}
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 3}),
            "effect": forms.Textarea(attrs={"rows": 3}),
            "target_groups": forms.CheckboxSelectMultiple,
            "municipalities": forms.CheckboxSelectMultiple,
            "work_priorities": forms.SelectMultiple(attrs={"size": 8}),
            "partner_actors": forms.SelectMultiple(attrs={"size": 8}),
            "concept_versions": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "work_priorities": "nach Arbeitsperiode gruppiert; mehrere mit Strg bzw. ⌘ auswählen",
            "partner_actors": "mehrere mit Strg bzw. ⌘ auswählen",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field_of_action"].empty_label = "– kein Handlungsfeld –"
        self.fields["lead_actor"].empty_label = "– kein federführender Akteur –"
        self.fields["municipalities"].help_text = "keine Auswahl = kreisweit"


class IndicatorForm(DistrictFormMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "baseline",
            "baseline_date",
            "target",
            "target_date",
            "direction",
            "land_key",
        ]
        # Text, not type="number": a number input sends "12.5", which German parsing would
        # read as 125 (the dot is the thousands separator).
        widgets = {
            "baseline": forms.TextInput(attrs={"inputmode": "decimal"}),
            "target": forms.TextInput(attrs={"inputmode": "decimal"}),
        }

    def __init__(self, *args, measure: Measure, **kwargs):
        self.measure = measure
        super().__init__(*args, **kwargs)
        self.instance.measure = measure
        for name in ("baseline", "target"):
            self.fields[name].help_text = "z. B. 1.234,5"

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = self.measure.indicators.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if name and taken.exists():
            raise forms.ValidationError(
                "Diese Maßnahme hat bereits eine Kennzahl mit diesem Namen."
            )
        return name

    def clean(self):
        cleaned = super().clean()
        baseline_date, target_date = cleaned.get("baseline_date"), cleaned.get("target_date")
        if baseline_date and target_date and target_date < baseline_date:
            self.add_error(
                "target_date", "Das Zieldatum darf nicht vor dem Datum des Ausgangswerts liegen."
            )
        return cleaned


DISTRICTWIDE = ""


class MeasurementForm(DistrictFormMixin, forms.ModelForm):
    """A value of one indicator; the municipality choices come in as a list loaded once per page,
    so a page with many indicator cards does not query the municipalities once per card."""

    municipality = forms.TypedChoiceField(label="Kommune", required=False, empty_value=None)

    class Meta:
        model = Measurement
        fields = ["value", "date", "municipality", "source", "note"]
        widgets = {
            "note": forms.TextInput,
            # Text, not type="number" (see IndicatorForm).
            "value": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
        labels = {"date": "Stichtag"}

    def __init__(self, *args, indicator: Indicator, municipalities, **kwargs):
        self.indicator = indicator
        self._municipalities = {str(m.pk): m for m in municipalities}
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.fields["municipality"].choices = [(DISTRICTWIDE, "kreisweit")] + [
            (str(m.pk), m.name) for m in municipalities
        ]
        self.fields["municipality"].coerce = self._municipalities.get
        self.fields["value"].help_text = "z. B. 1.234,5"

    def clean(self):
        cleaned = super().clean()
        day, municipality = cleaned.get("date"), cleaned.get("municipality")
        if day and "municipality" not in self.errors:
            existing = self.indicator.measurements.filter(date=day, municipality=municipality)
            if self.instance.pk:
                existing = existing.exclude(pk=self.instance.pk)
            if existing.exists():
                where = f"die Kommune {municipality}" if municipality else "den ganzen Kreis"
                self.add_error(
                    "date",
                    f"Für den {day:%d.%m.%Y} gibt es schon einen Wert für {where}. "
                    "Bitte den vorhandenen Wert löschen oder einen anderen Stichtag wählen.",
                )
        return cleaned


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV-Datei mit Messwerten",
        help_text="Spalten getrennt durch Semikolon; höchstens 2 MB",
        error_messages={"required": "Bitte eine CSV-Datei auswählen."},
    )

    MAX_SIZE = 2 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_SIZE:
            raise forms.ValidationError("Die Datei ist größer als 2 MB.")
        return upload


class ImportConfirmForm(forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)
