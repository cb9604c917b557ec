"""Forms of the KIM pages (issue 19)."""

from django import forms

from core.exports import FORMULA_STARTS
from core.forms import DistrictFormMixin
from measures.csv_import import parse_number

from .models import (
    KIM_COMMITTEE_KINDS,
    CaseTopic,
    Finding,
    Post,
    PostChange,
    Rechtskreis,
    Seat,
)


class PostForm(DistrictFormMixin, forms.ModelForm):
    district_querysets = {"municipality": lambda district: district.municipalities.all()}

    class Meta:
        model = Post
        fields = [
            "kind",
            "title",
            "fte",
            "state",
            "since",
            "employer",
            "employer_name",
            "municipality",
            "funded",
            "annual_cost",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district
        self.fields["municipality"].empty_label = "– kreisweit –"

    def clean(self):
        data = super().clean()
        if data.get("employer") == Post.Employer.WELFARE and not data.get("employer_name"):
            self.add_error("employer_name", "Bitte nennen Sie den Träger.")
        return data


class PostChangeForm(DistrictFormMixin, forms.ModelForm):
    class Meta:
        model = PostChange
        fields = [
            "kind",
            "fte_before",
            "fte_after",
            "effective_on",
            "decision",
            "decided_on",
            "note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district


def _kim_groups(district, kinds):
    from actors.models import Committee

    kinds = (kinds,) if isinstance(kinds, str) else kinds
    return Committee.objects.for_district(district).filter(kind__in=kinds)


def _steering_meetings(district):
    from actors.models import Meeting

    return (
        Meeting.objects.for_district(district)
        .filter(committee__kind="lenkungsgruppe", cancelled=False)
        .select_related("committee")
        .order_by("-start")
    )


class SeatForm(DistrictFormMixin, forms.ModelForm):
    district_querysets = {
        "committee": lambda district: _kim_groups(district, KIM_COMMITTEE_KINDS),
        "actor": lambda district: district.actors.all(),
    }

    class Meta:
        model = Seat
        fields = ["committee", "actor", "rechtskreis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district


class FindingForm(DistrictFormMixin, forms.ModelForm):
    """A Strukturbedarf on its path; the model checks the order of the steps."""

    district_querysets = {
        "municipality": lambda district: district.municipalities.all(),
        "project_group": lambda district: _kim_groups(district, "projektgruppe"),
        "meeting": _steering_meetings,
    }
    rechtskreise = forms.MultipleChoiceField(
        label="beteiligte Rechtskreise",
        choices=Rechtskreis.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Bitte wählen Sie mindestens einen Rechtskreis."},
    )

    class Meta:
        model = Finding
        fields = [
            "title",
            "description",
            "rechtskreise",
            "municipality",
            "reported_by",
            "reported_on",
            "state",
            "project_group",
            "proposal",
            "meeting",
            "decision",
            "implemented_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "proposal": forms.Textarea(attrs={"rows": 4}),
            "decision": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district
        self.fields["municipality"].empty_label = "– kreisweit –"
        self.fields["project_group"].empty_label = "– noch keine –"
        self.fields["meeting"].empty_label = "– noch keine –"


FIGURES = (("opened", "neu aufgenommen"), ("active", "aktiv betreut"), ("closed", "abgeschlossen"))
NUMBER_MESSAGES = {
    "invalid": "Bitte eine ganze Zahl eintragen.",
    "min_value": "Bitte keine negative Zahl eintragen.",
    "max_value": "Diese Zahl ist zu groß.",
}

MAX_COUNT = 10**6


class CountField(forms.IntegerField):
    """A case count, in the grid and in the CSV import alike: a whole number from 0, typed as
    a German reads it (``1.234`` is one thousand two hundred thirty-four, as in the measurement
    import's numbers, not 1 as Django's IntegerField would take it); anything else is refused
    with the grid's German messages."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_COUNT)
        kwargs.setdefault("error_messages", NUMBER_MESSAGES)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "size": 4}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        number = parse_number(str(value))
        if number is None or number != number.to_integral_value():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)


class CaseFiguresGridForm(forms.Form):
    """One quarter's case figures: a row per municipality, a column per figure and topic. A row
    is filled completely or left empty (not reported); one wrong cell saves nothing."""

    def __init__(self, *args, municipalities, topics, stored, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities, self.topics = municipalities, topics
        self.rows = []
        for municipality in municipalities:
            figures = stored.get(municipality.pk)
            counts = {t.topic_id: t.count for t in figures.topics.all()} if figures else {}
            names = []
            columns = [(key, label, getattr(figures, key, None)) for key, label in FIGURES]
            columns += [(f"t{t.pk}", t.name, counts.get(t.pk)) for t in topics]
            for key, label, initial in columns:
                name = f"m{municipality.pk}_{key}"
                self.fields[name] = CountField(
                    label=f"{municipality.name}: {label}", required=False, initial=initial
                )
                names.append(name)
            self.rows.append((municipality, names))

    def clean(self):
        data = super().clean()
        for municipality, names in self.rows:
            if any(name in self.errors for name in names):
                continue
            values = [data.get(name) for name in names]
            if any(v is not None for v in values) and any(v is None for v in values):
                for name in names:
                    if data.get(name) is None:
                        self.add_error(name, "Zahl fehlt.")
                self.add_error(
                    None,
                    f"{municipality.name}: Bitte alle Zahlen eintragen oder die Zeile ganz "
                    "leer lassen.",
                )
        return data

    @property
    def grid_rows(self):
        """For the template: each municipality with its bound fields, in column order."""
        return [(m, [self[name] for name in names]) for m, names in self.rows]

    def row_values(self, municipality) -> dict | None:
        """The cleaned row: {"opened": …, "active": …, "closed": …, topic: count} or None."""
        prefix = f"m{municipality.pk}_"
        if self.cleaned_data.get(prefix + "opened") is None:
            return None
        values = {key: self.cleaned_data[prefix + key] for key, _label in FIGURES}
        values["topics"] = {t: self.cleaned_data[f"{prefix}t{t.pk}"] for t in self.topics}
        return values


# The columns of a case-figures file before the topics (kim.imports); no topic takes their name.
FIXED_COLUMNS = ("Kommune", "Jahr", "Quartal", *(label for _key, label in FIGURES))


def column_key(text: str) -> str:
    """A column or topic name as compared: spaces and case do not count."""
    return " ".join(text.split()).casefold()


class CaseTopicForm(DistrictFormMixin, forms.ModelForm):
    """A topic of the District's case figures: a new one, or a new name for one (its counts
    stay with it)."""

    class Meta:
        model = CaseTopic
        fields = ["name"]
        help_texts = {"name": "z. B. „Familie“; wird eine Spalte im Raster und in der CSV-Datei"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        key = column_key(name)
        if not name:
            raise forms.ValidationError("Bitte einen Namen eintragen.")
        if name.startswith(FORMULA_STARTS):
            # The CSV template would mark such a heading as text ('=…) and no longer match it.
            raise forms.ValidationError("Ein Thema beginnt nicht mit = + - oder @.")
        if key in {column_key(column) for column in FIXED_COLUMNS}:
            raise forms.ValidationError(f"„{name}“ ist schon eine Spalte der Fallzahlen.")
        others = CaseTopic.objects.for_district(self.district).exclude(pk=self.instance.pk)
        if any(column_key(other) == key for other in others.values_list("name", flat=True)):
            raise forms.ValidationError(f"Das Thema „{name}“ gibt es schon.")
        return name


class CaseFiguresUploadForm(forms.Form):
    file = forms.FileField(
        label="CSV-Datei mit Fallzahlen",
        help_text="Spalten getrennt durch Semikolon; höchstens 200 KB",
        error_messages={"required": "Bitte eine CSV-Datei auswählen."},
    )

    # The checked file travels signed in the preview page (as the municipality import's), so
    # it stays small; a District's case figures of several years fit many times over.
    MAX_SIZE = 200 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_SIZE:
            raise forms.ValidationError("Die Datei ist größer als 200 KB.")
        return upload
