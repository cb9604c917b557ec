"""Forms for council papers: the paper, its Beratungsfolge, results, attachments, settings."""

import os
import re
import string

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.images import get_image_dimensions
from django.core.validators import MaxValueValidator
from django.utils import timezone

from actors.models import Committee, Meeting
from concepts.models import ConceptVersion
from concepts.rendering import check_images
from core.forms import DateInput, DistrictFormMixin
from core.uploads import content_matches
from districts.models import District

from .models import Attachment, Consultation, DecisionPaper, strip_list_number

BEGRUENDUNG_FIELDS = {
    District.PaperLayout.ANLASS: ["occasion", "facts", "outlook"],
    District.PaperLayout.PROBLEM: [
        "problem",
        "solution",
        "alternatives",
        "implications",
        "implications_finance",
        "implications_personnel",
        "implications_it",
        "implications_other",
        "competence",
    ],
}
# Seed 004 IV.: "(Finanzen, Personal, IT, sonstige Ressourcen)" as fields of their own.
IMPLICATION_PARTS = [
    "implications_finance",
    "implications_personnel",
    "implications_it",
    "implications_other",
]
# Seed 001's ja/nein table: only the Mettmann layout has it; seed 004 has no such table.
IMPACT_FIELDS = [
    "financial_impact",
    "financial_note",
    "personnel_impact",
    "personnel_note",
    "organisational_impact",
    "organisational_note",
]
# Every field that belongs to one layout only: its head or impact block, and its Begründung.
LAYOUT_FIELDS = {
    District.PaperLayout.ANLASS: [*IMPACT_FIELDS, *BEGRUENDUNG_FIELDS[District.PaperLayout.ANLASS]],
    District.PaperLayout.PROBLEM: [
        "related_papers",
        *BEGRUENDUNG_FIELDS[District.PaperLayout.PROBLEM],
    ],
}
MARKDOWN_HELP = "Absätze durch Leerzeile trennen; Listen mit „- “ oder „1. “; **fett**."


def _meetings(district):
    return (
        Meeting.objects.filter(committee__district=district, cancelled=False)
        .select_related("committee")
        .order_by("start")
    )


def _versions(district):
    return ConceptVersion.objects.filter(concept__district=district).order_by("-number")


class PaperForm(DistrictFormMixin, forms.ModelForm):
    is_public = forms.TypedChoiceField(
        label="Öffentlichkeit",
        choices=[(True, "öffentlich"), (False, "nichtöffentlich")],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
        initial=True,
    )

    district_querysets = {"concept_version": _versions}

    class Meta:
        model = DecisionPaper
        fields = [
            "paper_type",
            "decision_kind",
            "reference",
            "date",
            "is_public",
            "department",
            "author_name",
            "file_number",
            "subject",
            "concept_version",
            "proposal",
            "layout",
            *LAYOUT_FIELDS[District.PaperLayout.ANLASS],
            *LAYOUT_FIELDS[District.PaperLayout.PROBLEM],
        ]
        widgets = {
            "financial_impact": forms.RadioSelect,
            "personnel_impact": forms.RadioSelect,
            "organisational_impact": forms.RadioSelect,
            "financial_note": forms.Textarea(attrs={"rows": 2}),
            "personnel_note": forms.Textarea(attrs={"rows": 2}),
            "organisational_note": forms.Textarea(attrs={"rows": 2}),
            "proposal": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "reference": "Vorschlag nach dem Muster des Kreises; eindeutig im Kreis.",
            "proposal": MARKDOWN_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for names in BEGRUENDUNG_FIELDS.values():
            for name in names:
                rows = 3 if name.startswith("implications_") else 6
                self.fields[name].widget = forms.Textarea(attrs={"rows": rows})
                self.fields[name].help_text = MARKDOWN_HELP
        self._keep_layout_fields()
        self.fields["concept_version"].label_from_instance = lambda version: (
            f"Fassung {version.number}: {version.title}"
        )
        self.fields[
            "concept_version"
        ].help_text = (
            "Beschließt das entscheidende Gremium die Vorlage, gilt diese Fassung als beschlossen."
        )

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        taken = DecisionPaper.objects.filter(district=self.district, reference=reference)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError("Diese Vorlagen-Nr. ist in diesem Kreis schon vergeben.")
        return reference

    def clean_concept_version(self):
        version = self.cleaned_data.get("concept_version")
        if version and version.is_adopted and version != self.instance.concept_version:
            raise ValidationError(
                "Diese Fassung ist bereits beschlossen; wählen Sie eine nicht beschlossene Fassung."
            )
        return version

    def _layout(self) -> str:
        layout = self.data.get("layout") if self.is_bound else self.initial.get("layout")
        layout = layout or self.instance.layout or self.district.paper_layout
        return layout if layout in BEGRUENDUNG_FIELDS else District.PaperLayout.ANLASS

    def _keep_layout_fields(self) -> None:
        """The page shows only the chosen layout's fields; fields it did not submit are not
        touched, so the other layout's stored texts survive a switch and back.

        Submitted fields of the other layout (the user edited them and switched the layout in
        the same save) are saved too, and carried as hidden inputs if the page comes back
        with an error; a field of the chosen layout the page did not show (just switched)
        keeps its stored value, and the next page shows it."""
        layout = self._layout()
        self.carried = []
        for owner, names in LAYOUT_FIELDS.items():
            for name in names:
                keep = name in self.data if self.is_bound else owner == layout
                if not keep:
                    self.fields.pop(name, None)
                elif owner != layout:
                    self.carried.append(name)

    def clean(self):
        data = super().clean()
        # Issue 15: images in the texts only from the District's own uploads, refused here
        # next to the field (the renderer drops them as well).
        for name in list(data):
            field = self.fields.get(name)
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                try:
                    check_images(data.get(name) or "", self.district)
                except ValidationError as error:
                    self.add_error(name, error)
        # A carried field is not on the page: a bad value there is dropped, not shown as an
        # invisible error (only a forged request sends one).
        for name in self.carried:
            if name in self._errors:
                del self._errors[name]
                data.pop(name, None)
        return data

    def carried_fields(self):
        """Fields of the other layout that were submitted: hidden, so nothing typed is lost."""
        return [self[name] for name in self.carried]

    def layout_fields(self) -> dict:
        """The fields of the chosen layout by part, for the template."""
        layout = self._layout()
        return {
            "layout": layout,
            "impacts": [self[n] for n in IMPACT_FIELDS if n in self.fields],
            "related": [self[n] for n in ["related_papers"] if n in self.fields],
            "begruendung": [
                self[name]
                for name in BEGRUENDUNG_FIELDS[layout]
                if name in self.fields and name not in IMPLICATION_PARTS + ["competence"]
            ],
            "implication_parts": [self[n] for n in IMPLICATION_PARTS if n in self.fields],
            "competence": [self[n] for n in ["competence"] if n in self.fields],
        }

    def begruendung_fields(self):
        """The Begründung fields of the chosen layout, for the template."""
        parts = self.layout_fields()
        return parts["begruendung"] + parts["implication_parts"] + parts["competence"]

    def paper_fields(self) -> dict:
        return dict(self.cleaned_data)


class StepForm(forms.Form):
    """One step of the Beratungsfolge."""

    meeting = forms.ModelChoiceField(
        label="Sitzung", queryset=Meeting.objects.none(), empty_label="– Sitzung wählen –"
    )
    # An initial role keeps an untouched extra row "unchanged", so it is simply ignored.
    role = forms.ChoiceField(
        label="Art der Beratung",
        choices=Consultation.Role.choices,
        initial=Consultation.Role.PRELIMINARY,
    )
    authoritative = forms.BooleanField(label="entscheidet", required=False)

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = _meetings(district)
        self.fields["meeting"].label_from_instance = lambda meeting: (
            f"{meeting.committee.name} – {meeting.start:%d.%m.%Y}"
        )


class BaseStepFormSet(forms.BaseFormSet):
    def __init__(self, *args, district, **kwargs):
        self.district = district
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "district": self.district}

    def steps(self) -> list[dict]:
        # Unchanged rows count too: on editing, they are the existing Beratungsfolge.
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data.get("meeting") and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        if any(self.errors):
            return
        steps = self.steps()
        starts = [step["meeting"].start for step in steps]
        if starts != sorted(starts):
            raise ValidationError(
                "Die Sitzungen der Beratungsfolge müssen zeitlich aufeinander folgen "
                "(z. B. Fachausschuss vor Kreisausschuss vor Kreistag)."
            )
        if len({step["meeting"].pk for step in steps}) != len(steps):
            raise ValidationError("Jede Sitzung darf in der Beratungsfolge nur einmal vorkommen.")
        if sum(1 for step in steps if step["authoritative"]) > 1:
            raise ValidationError("Nur ein Gremium entscheidet über die Vorlage.")


StepFormSet = forms.formset_factory(
    StepForm,
    formset=BaseStepFormSet,
    extra=1,
    can_delete=True,
    max_num=12,
    validate_max=True,
    # A forged TOTAL_FORMS must not make the server build (and render) a thousand rows.
    absolute_max=12,
)


def step_initial(paper) -> list[dict]:
    return [
        {"meeting": c.meeting, "role": c.role, "authoritative": c.authoritative}
        for c in paper.consultations.select_related("meeting").order_by("order")
    ]


class ResultForm(forms.ModelForm):
    """What a body decided, with the votes as council papers record them.

    For a step that already has a result (other than vertagt) the form corrects it and asks for
    the reason (issue 14: corrections keep the history).
    """

    correction_reason = forms.CharField(
        label="Grund der Berichtigung",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="z. B. „Stimmenzahl laut Niederschrift vom …“; das bisherige Ergebnis bleibt "
        "im Verlauf sichtbar.",
    )

    class Meta:
        model = Consultation
        fields = [
            "meeting",
            "result",
            "votes_yes",
            "votes_no",
            "votes_abstain",
            "result_note",
            "without_preliminary",
            "without_preliminary_reason",
        ]
        widgets = {
            "result_note": forms.Textarea(attrs={"rows": 3}),
            "without_preliminary_reason": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {
            "without_preliminary": "ohne Vorberatung entschieden",
            "without_preliminary_reason": "Grund für die Entscheidung ohne Vorberatung",
        }
        help_texts = {
            "result_note": "z. B. die beschlossenen Änderungen",
            "meeting": "Die Sitzung, in der beraten wurde (bei Vertagung die spätere Sitzung).",
            "without_preliminary": "Nur wenn ein früherer Schritt der Beratungsfolge noch kein "
            "Ergebnis hat, das Gremium aber trotzdem entschieden hat (z. B. Dringlichkeit).",
        }

    def __init__(self, *args, correcting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.correcting = correcting
        if not correcting:
            del self.fields["correction_reason"]
        self.fields["meeting"].queryset = (
            Meeting.objects.for_district(self.instance.paper.district_id)
            .filter(committee=self.instance.meeting.committee_id, cancelled=False)
            .select_related("committee")
            .order_by("start")
        )
        self.fields["meeting"].label_from_instance = lambda meeting: meeting.start.astimezone(
            timezone.get_current_timezone()
        ).strftime("%d.%m.%Y")
        self.fields["result"].required = True
        self.fields["result"].choices = [
            choice for choice in Consultation.Result.choices if choice[0]
        ]
        for name in ("votes_yes", "votes_no", "votes_abstain"):
            self.fields[name].widget.attrs.update(min=0, max=999)
            self.fields[name].validators.append(MaxValueValidator(999, "Höchstens 999 Stimmen."))

    def clean(self):
        data = super().clean()
        result = data.get("result")
        if result == Consultation.Result.UNANIMOUS and (data.get("votes_no") or 0) > 0:
            self.add_error("votes_no", "Einstimmig beschlossen heißt: keine Nein-Stimmen.")
        yes, no = data.get("votes_yes"), data.get("votes_no")
        if result == Consultation.Result.MAJORITY and yes is not None and yes <= (no or 0):
            self.add_error(
                "votes_yes", "Mehrheitlich beschlossen: mehr Ja- als Nein-Stimmen nötig."
            )
        if result == Consultation.Result.REJECTED and yes is not None and yes > (no or 0):
            self.add_error("votes_no", "Abgelehnt, obwohl mehr Ja- als Nein-Stimmen?")
        if (
            data.get("without_preliminary")
            and not data.get("without_preliminary_reason", "").strip()
        ):
            self.add_error(
                "without_preliminary_reason",
                "Geben Sie an, warum ohne Vorberatung entschieden wurde (z. B. Dringlichkeit).",
            )
        return data


class HistoricDecisionForm(forms.Form):
    """A Kreistag decision on a Fassung taken before this system was used (issue 14)."""

    committee = forms.ModelChoiceField(
        label="Gremium",
        queryset=Committee.objects.none(),
        help_text="Das Gremium der Art „Kreistag“. Gibt es an diesem Tag schon eine Sitzung, "
        "wird sie verwendet, sonst angelegt.",
    )
    decided_on = forms.DateField(
        label="Beschluss des Kreistags am",
        widget=DateInput(),
    )
    note = forms.CharField(
        label="Nachweis / Anmerkung",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Worauf stützt sich die Angabe? z. B. „Niederschrift der Kreistagssitzung, "
        "TOP 7, Drucksache …“",
    )

    def __init__(self, *args, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        if len(committees) == 1:
            self.fields["committee"].initial = committees[0].pk


ATTACHMENT_TYPES = {".pdf", ".docx", ".xlsx", ".odt", ".ods", ".png", ".jpg", ".jpeg"}
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].required = True
        self.fields["file"].help_text = "PDF, DOCX, XLSX, ODT, ODS, PNG oder JPG, höchstens 20 MB."

    def clean_title(self):
        # The Anlagen list numbers the titles; "1. Integrationskonzept" would print "1. 1.".
        return strip_list_number(self.cleaned_data["title"].strip())

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = os.path.splitext(upload.name)[1].lower()
        if extension not in ATTACHMENT_TYPES:
            raise ValidationError("Dieser Dateityp ist als Anlage nicht erlaubt.")
        if upload.size > ATTACHMENT_MAX_BYTES:
            raise ValidationError("Die Datei ist größer als 20 MB.")
        if not content_matches(upload, extension):
            raise ValidationError(
                f"Der Inhalt der Datei passt nicht zur Endung „{extension}“. Bitte laden Sie die "
                "Datei so hoch, wie das Programm sie gespeichert hat."
            )
        return upload


class ConceptAttachmentForm(forms.Form):
    """A Fassung of the District's Integrationskonzept as Anlage (rendered at the release)."""

    concept_version = forms.ModelChoiceField(
        label="Fassung des Integrationskonzepts",
        queryset=ConceptVersion.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["concept_version"].queryset = ConceptVersion.objects.for_district(
            district
        ).order_by("-number")
        self.fields["concept_version"].label_from_instance = lambda v: (
            f"Fassung {v.number}: {v.title} ({v.get_status_display()})"
        )


LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_PIXELS = 3000


class PaperSettingsForm(forms.ModelForm):
    """How the District's papers look: Begründung layout, number pattern, logo."""

    class Meta:
        model = District
        fields = ["paper_layout", "paper_number_pattern", "office_number", "logo"]
        help_texts = {
            "paper_number_pattern": (
                "Platzhalter: {amt} = Amtsnummer, {nr:03d} = laufende Nummer dreistellig, "
                "{jahr} = Jahr. Beispiel: {amt}/{nr:03d}/{jahr} ergibt 50/020/2015."
            ),
            "logo": "PNG oder JPEG, höchstens 1 MB und 3000 Pixel breit/hoch.",
        }

    def clean_paper_number_pattern(self):
        pattern = self.cleaned_data["paper_number_pattern"].strip()
        if "{nr" not in pattern:
            raise ValidationError("Das Muster braucht die laufende Nummer {nr} (z. B. {nr:03d}).")
        # Issue 15: "{nr:,>300000000}" built a 300 MB string while being checked. Format
        # widths stay below 100 and the number fits the Vorlagen-Nr. field.
        try:
            specs = [spec or "" for _, _, spec, _ in string.Formatter().parse(pattern)]
        except ValueError:
            specs = None
        if specs is None or any(re.search(r"\d{3,}|\{", spec) for spec in specs):
            raise ValidationError(
                "Das Muster ist ungültig. Erlaubt sind {amt}, {nr} (z. B. {nr:03d}) und {jahr}."
            )
        try:
            example = pattern.format(amt="50", nr=1, jahr=2026)
        except (KeyError, IndexError, ValueError, AttributeError):
            raise ValidationError(
                "Das Muster ist ungültig. Erlaubt sind {amt}, {nr} (z. B. {nr:03d}) und {jahr}."
            ) from None
        reference_length = DecisionPaper._meta.get_field("reference").max_length
        if len(example) > reference_length:
            raise ValidationError(
                f"Eine Vorlagen-Nr. nach diesem Muster wäre länger als {reference_length} Zeichen."
            )
        return pattern

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or logo == self.instance.logo:
            return logo
        if logo.size > LOGO_MAX_BYTES:
            raise ValidationError("Das Logo ist größer als 1 MB.")
        image = getattr(logo, "image", None)
        if image is not None and image.format not in ("PNG", "JPEG"):
            raise ValidationError("Das Logo muss ein PNG- oder JPEG-Bild sein.")
        width, height = get_image_dimensions(logo)
        if not width or not height:
            raise ValidationError("Das Logo konnte nicht als Bild gelesen werden.")
        if max(width, height) > LOGO_MAX_PIXELS:
            raise ValidationError("Das Logo ist größer als 3000 Pixel.")
        return logo
