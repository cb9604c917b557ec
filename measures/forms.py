"""Forms of the measures catalogue; every choice is limited to the District."""

from django import forms
from django.core import signing
from django.forms.models import ModelChoiceIterator

from concepts.models import ConceptVersion, WorkPriority
from core.forms import DateInput, DistrictFormMixin, GermanDecimalField
from districts.models import District

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
            "is_kim",
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
            "land_indicator",
            "districtwide",
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
        # A form sent without the choice (older pages, scripts) keeps the kreisweit value entered.
        self.fields["districtwide"].required = False
        # Issue 17: the Land's catalogue, not free text.
        self.fields["land_indicator"].empty_label = "– keine –"

    def clean_districtwide(self) -> str:
        return self.cleaned_data["districtwide"] or Indicator.Districtwide.ENTERED

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
        if indicator.is_derived and not (
            self.instance.pk and self.instance.municipality_id is None
        ):
            # The kreisweit value of this Kennzahl is computed from the municipal values.
            self.fields["municipality"].choices = self.fields["municipality"].choices[1:]
            self.fields["municipality"].required = True

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


class MeasurementEditForm(MeasurementForm):
    """Change one stored value (its history is kept). A derived kreisweit value is not typed
    in: it follows the municipal values of its date."""

    class Meta(MeasurementForm.Meta):
        fields = ["value", "date", "period_label", "municipality", "source", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.indicator.is_derived and self.instance.municipality_id is None:
            for name in ("value", "municipality", "date"):
                self.fields[name].disabled = True
            self.fields["value"].help_text = (
                f"wird berechnet ({self.indicator.get_districtwide_display()}); ändern Sie die "
                "Werte der Kommunen"
            )


# Bounds of Measurement.value (max_digits=14, decimal_places=2).
VALUE_FIELD = {"max_digits": 14, "decimal_places": 2, "required": False}


class StichtagForm(forms.Form):
    """The date whose stored values the grid shows (``?stichtag=``); garbage is ignored."""

    stichtag = forms.DateField(required=False, widget=DateInput)


class MeasurementGridForm(forms.Form):
    """All municipalities of the District × one value of one Kennzahl at one Stichtag.

    One field per municipality (``kommune-<pk>``) labelled with its name, plus the kreisweit
    value for a Kennzahl whose kreisweit value is entered directly. An empty cell means "no
    value reported": it leaves a stored value of that date as it is and does not count for a
    derived kreisweit value (``Indicator.derive``).
    """

    date = forms.DateField(label="Stichtag", widget=DateInput)
    period_label = forms.CharField(
        label="Zeitraum", max_length=40, required=False, help_text="z. B. 1. Quartal 2026"
    )
    source = forms.CharField(label="Quelle", max_length=200, required=False)
    # The stored values of the Stichtag as the page showed them (measures.services.grid_stamp).
    seen_modified = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicator: Indicator, municipalities, **kwargs):
        self.indicator = indicator
        self.municipalities = list(municipalities)
        super().__init__(*args, **kwargs)
        for municipality in self.municipalities:
            self.fields[self.field_name(municipality)] = GermanDecimalField(
                label=f"Wert für {municipality.name}", **VALUE_FIELD
            )
        if not indicator.is_derived:
            self.fields["kreisweit"] = GermanDecimalField(label="Wert kreisweit", **VALUE_FIELD)
        for field in self.fields.values():
            if isinstance(field, forms.DecimalField):
                field.widget = forms.TextInput(
                    attrs={"inputmode": "decimal", "class": "form-control"}
                )
                field.widget.is_localized = True

    @staticmethod
    def field_name(municipality) -> str:
        return f"kommune-{municipality.pk}"

    def full_clean(self):
        super().full_clean()
        # The message next to the cell, announced with it (WCAG 3.3.1).
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {
                        "aria-invalid": "true",
                        "aria-describedby": f"{self[name].auto_id}-fehler",
                        "class": "form-control is-invalid",
                    }
                )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(
            cleaned.get(name) is not None
            for name in self.fields
            if name.startswith("kommune-") or name == "kreisweit"
        ):
            raise forms.ValidationError("Bitte mindestens einen Wert eintragen.")
        return cleaned

    def municipal_values(self) -> dict:
        return {m: self.cleaned_data.get(self.field_name(m)) for m in self.municipalities}


class MeasurementSettingsForm(forms.ModelForm):
    """What liaisons see of the Messwerte (README, Rollen und Rechte)."""

    class Meta:
        model = District
        fields = ["liaisons_see_all_municipalities"]


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


INVALID_PREVIEW = "Die Vorschau ist ungültig. Bitte die Datei noch einmal hochladen."


class PreviewRefused(Exception):
    """The confirmation of an import preview cannot be trusted; ``message`` says why (German)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ImportConfirmForm(forms.Form):
    """ "Jetzt importieren" after a preview: the signed payload of the previewed file
    (measurements, and KIM case figures)."""

    payload = forms.CharField(widget=forms.HiddenInput)

    def signed_value(self, *, salt: str, max_age: int):
        """The value signed into the preview, or ``PreviewRefused`` (expired or forged)."""
        try:
            if not self.is_valid():
                raise signing.BadSignature
            return signing.loads(self.cleaned_data["payload"], salt=salt, max_age=max_age)
        except signing.SignatureExpired:
            raise PreviewRefused(
                "Die Vorschau ist abgelaufen. Bitte die Datei noch einmal hochladen."
            ) from None
        except signing.BadSignature:
            raise PreviewRefused(INVALID_PREVIEW) from None
