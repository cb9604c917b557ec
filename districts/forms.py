"""Forms for the municipalities, the staffing plan and the Land's requirements."""

from decimal import Decimal

from django import forms

from core.forms import DateInput, DistrictFormMixin, GermanDecimalField
from core.text import german_slugify

from .models import LandRequirements, Municipality, RequirementSet, StaffPost
from .municipality_import import MAX_BYTES, ImportFileError, parse_file

GV_ISYS_SOURCE = "Statistisches Bundesamt, Gemeindeverzeichnis-Informationssystem GV-ISys"
# Larger than any German municipality (Berlin: under 4 million).
MAX_POPULATION = 20_000_000


class MunicipalityForm(DistrictFormMixin, forms.ModelForm):
    """A municipality; the model checks the AGS against the Kreis's 5-digit key."""

    class Meta:
        model = Municipality
        fields = ["name", "ags", "population", "population_year", "population_source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district
        self.fields["ags"].help_text = (
            f"8 Ziffern, beginnend mit dem Kreisschlüssel {self.district.ags_prefix}; leer "
            "lassen, wenn er nicht aus einer amtlichen Liste bekannt ist."
        )
        self.fields["population"].max_value = MAX_POPULATION
        self.fields["population"].validators.append(_population_range)

    def clean_ags(self) -> str:
        return self.cleaned_data["ags"].replace(" ", "")

    def clean_name(self) -> str:
        # The District is not a field of the form, so ModelForm skips the per-District
        # constraints on name and slug; say it here rather than fail in the service.
        name = self.cleaned_data["name"].strip()
        others = self.district.municipalities.exclude(pk=self.instance.pk)
        slug = self.instance.slug or german_slugify(name)
        if others.filter(name__iexact=name).exists() or others.filter(slug=slug).exists():
            raise forms.ValidationError(f"Es gibt bereits eine Kommune „{name}“.")
        return name


def _population_range(value: int) -> None:
    if value is not None and value > MAX_POPULATION:
        raise forms.ValidationError("So viele Einwohnerinnen und Einwohner hat keine Kommune.")


class MunicipalityImportForm(forms.Form):
    """Upload of the official municipality list (layouts: ``districts.municipality_import``)."""

    file = forms.FileField(
        label="Datei",
        help_text=(
            "Auszug aus dem Gemeindeverzeichnis GV-ISys des Statistischen Bundesamtes (XLSX oder "
            "als CSV gespeichert), die Textdatei GV100AD oder eine CSV-Datei mit der Kopfzeile "
            "AGS;Name;Einwohner;Stand"
        ),
    )
    population_year = forms.IntegerField(
        label="Stand der Einwohnerzahlen (Jahr)",
        required=False,
        min_value=1950,
        max_value=2100,
        help_text="für Zeilen ohne eigenen Stand, z. B. 2023 für den 31.12.2023",
    )
    population_source = forms.CharField(
        label="Quelle der Einwohnerzahlen",
        max_length=200,
        required=False,
        initial=GV_ISYS_SOURCE,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("Die Datei ist größer als 20 MB.")
        try:
            self.parsed = parse_file(upload.name, upload.read())
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


class StaffPostForm(DistrictFormMixin, forms.ModelForm):
    """A post of the staffing plan; the database's constraints said in German at the field."""

    class Meta:
        model = StaffPost
        fields = [
            "title",
            "holder",
            "profession",
            "fte",
            "employer",
            "employer_name",
            "funding",
            "is_head",
            "is_deputy",
        ]
        help_texts = {"fte": "z. B. 1,0 für eine volle Stelle oder 0,5 für eine halbe"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district

    def clean_fte(self) -> Decimal:
        fte = self.cleaned_data["fte"]
        # Check constraint staffpost_fte_between_0_and_1: one post is at most one full-time job.
        if fte <= 0 or fte > 1:
            raise forms.ValidationError(
                "Eine Stelle umfasst mehr als 0 und höchstens 1,0 VZÄ; teilen Sie größere Anteile "
                "auf mehrere Stellen auf."
            )
        if fte < Decimal("0.05"):
            raise forms.ValidationError("Ein Stellenanteil beträgt mindestens 0,05 VZÄ.")
        return fte

    def clean(self):
        cleaned = super().clean()
        others = self.district.staff_posts.exclude(pk=self.instance.pk)
        is_head, is_deputy = cleaned.get("is_head"), cleaned.get("is_deputy")
        if is_head and is_deputy:
            self.add_error(
                "is_deputy", "Leitung und Stellvertretung sind zwei verschiedene Stellen."
            )
            return cleaned
        if is_head and others.filter(is_head=True).exists():
            self.add_error(
                "is_head",
                "Es gibt bereits eine Leitungsstelle; nehmen Sie dort zuerst die Leitung heraus.",
            )
        if is_deputy and others.filter(is_deputy=True).exists():
            self.add_error(
                "is_deputy",
                "Es gibt bereits eine Stellvertretung; nehmen Sie dort zuerst die "
                "Stellvertretung heraus.",
            )
        return cleaned


class LandRequirementsForm(DistrictFormMixin, forms.ModelForm):
    """The District's deadline at the Land (issue 17: the numbers are the Land's sets)."""

    class Meta:
        model = LandRequirements
        fields = ["submission_deadline"]


class RequirementSetForm(forms.ModelForm):
    """One variant of a Land requirement set (issue 17), edited by the Land."""

    class Meta:
        model = RequirementSet
        fields = [
            "name",
            "variant",
            "source",
            "valid_from",
            "valid_until",
            "teacher_fte_required",
            "max_fte_education",
            "max_fte_administration",
            "max_fte_assistance",
            "staffing_source",
            "review_interval_years",
            "review_interval_source",
            "work_period_years",
            "work_period_source",
        ]
        field_classes = {
            "teacher_fte_required": GermanDecimalField,
            "max_fte_education": GermanDecimalField,
            "max_fte_administration": GermanDecimalField,
            "max_fte_assistance": GermanDecimalField,
        }
        widgets = {
            "valid_from": DateInput,
            "valid_until": DateInput,
            "source": forms.Textarea(attrs={"rows": 3}),
            "staffing_source": forms.Textarea(attrs={"rows": 3}),
            "review_interval_source": forms.Textarea(attrs={"rows": 2}),
            "work_period_source": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Zero or absurd lengths would make every work period invalid or unplaceable.
        for name in ("review_interval_years", "work_period_years"):
            self.fields[name].widget.attrs.update(min=1, max=20)
            self.fields[name].validators.append(_year_range)


def _year_range(value: int) -> None:
    if not 1 <= value <= 20:
        raise forms.ValidationError("Bitte eine Zahl von 1 bis 20 angeben.")
