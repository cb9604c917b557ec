"""Forms of the KIM pages (issue 19)."""

from django import forms

from core.forms import DistrictFormMixin

from .models import KIM_COMMITTEE_KINDS, Finding, Post, PostChange, Rechtskreis, Seat


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
                self.fields[name] = forms.IntegerField(
                    label=f"{municipality.name}: {label}",
                    required=False,
                    min_value=0,
                    max_value=10**6,
                    initial=initial,
                    error_messages=NUMBER_MESSAGES,
                    widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
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
