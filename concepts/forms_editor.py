"""Forms of the concept editor."""

import os

from django import forms
from django.core.files.images import get_image_dimensions
from django.core.validators import FileExtensionValidator
from django.db.models import Q

from core.forms import DateInput, refuse_huge_numbers
from core.uploads import content_matches

from .models import ConceptSection, ConceptVersion, WorkPriority


class VersionForm(forms.ModelForm):
    class Meta:
        model = ConceptVersion
        fields = ["title", "deadline"]
        widgets = {"deadline": DateInput()}


class ContinueForm(forms.Form):
    title = forms.CharField(label="Titel der Fortschreibung", max_length=200)


class VersionCreateForm(forms.Form):
    """A new Fassung: empty, pre-structured, or as a copy (Fortschreibung) of an earlier one."""

    EMPTY, STRUCTURED, COPY = "leer", "gegliedert", "kopie"

    title = forms.CharField(label="Titel der Fassung", max_length=200)
    start = forms.ChoiceField(
        label="Beginnen mit",
        widget=forms.RadioSelect,
        initial=STRUCTURED,
        choices=[
            (
                STRUCTURED,
                "den üblichen Abschnitten (Ausgangslage, Leitlinien, Schwerpunkte, "
                "Handlungsfeldern, Maßnahmen, Steuerung und Beteiligung, Controlling)",
            ),
            (EMPTY, "einer leeren Fassung"),
            (COPY, "einer Kopie einer früheren Fassung"),
        ],
    )
    based_on = forms.ModelChoiceField(
        label="Frühere Fassung",
        queryset=ConceptVersion.objects.none(),
        required=False,
        help_text="Nur für „Kopie“: Abschnitte, Handlungsfelder, Arbeitsschwerpunkte und "
        "Maßnahmen werden übernommen.",
    )

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["based_on"].queryset = versions
        if not versions.exists():
            self.fields["start"].choices = self.fields["start"].choices[:2]
            del self.fields["based_on"]

    def clean(self):
        data = super().clean()
        if data.get("start") == self.COPY and not data.get("based_on"):
            self.add_error("based_on", "Bitte wählen Sie die Fassung, die kopiert werden soll.")
        return data


class SubmitForm(forms.Form):
    submitted_on = forms.DateField(label="dem Land vorgelegt am", widget=DateInput())


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Neuer Status",
        choices=[
            (ConceptVersion.Status.DRAFT, "Entwurf"),
            (ConceptVersion.Status.IN_CONSULTATION, "in Abstimmung"),
            (ConceptVersion.Status.IN_DELIBERATION, "in Beratung"),
        ],
    )


class SectionForm(forms.ModelForm):
    class Meta:
        model = ConceptSection
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 18})}
        help_texts = {
            "body": "Markdown: **fett**, *kursiv*, Listen mit „-“, Überschriften mit „###“. "
            "Bilder nur aus den Uploads des Kreises."
        }


class DiffForm(forms.Form):
    old = forms.ModelChoiceField(label="ältere Fassung", queryset=ConceptVersion.objects.none())
    new = forms.ModelChoiceField(label="neuere Fassung", queryset=ConceptVersion.objects.none())

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old"].queryset = versions
        self.fields["new"].queryset = versions


IMAGE_MAX_PIXELS = 3000


class ImageForm(forms.Form):
    image = forms.ImageField(
        label="Bild (PNG oder JPEG, höchstens 2 MB)",
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"])],
    )

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.size > 2 * 1024 * 1024:
            raise forms.ValidationError("Das Bild ist größer als 2 MB.")
        # Issue 15: a 144-megapixel image cost the PDF worker about 240 MB; the same bound as
        # for logos (papers.forms.LOGO_MAX_PIXELS; concepts may not import papers).
        width, height = get_image_dimensions(image)
        if not width or not height:
            raise forms.ValidationError("Die Datei konnte nicht als Bild gelesen werden.")
        if max(width, height) > IMAGE_MAX_PIXELS:
            raise forms.ValidationError(
                f"Das Bild ist {width} × {height} Pixel groß; höchstens {IMAGE_MAX_PIXELS} Pixel "
                "Breite und Höhe sind erlaubt. Bitte verkleinern Sie es."
            )
        extension = os.path.splitext(image.name)[1].lower()
        if not content_matches(image, extension):
            raise forms.ValidationError(
                f"Der Inhalt der Datei passt nicht zur Endung „{extension}“ (PNG oder JPEG)."
            )
        return image


class VersionContentsForm(forms.Form):
    """Which of the District's Handlungsfelder, Arbeitsschwerpunkte and measures a Fassung holds.

    The page renders the checkboxes grouped (priorities by period and Schwerpunkt, measures by
    Schwerpunkt); this form checks that every chosen object is the District's.
    """

    fields_of_action = forms.ModelMultipleChoiceField(
        label="Handlungsfelder", queryset=ConceptVersion.objects.none(), required=False
    )
    priorities = forms.ModelMultipleChoiceField(
        label="Arbeitsschwerpunkte", queryset=ConceptVersion.objects.none(), required=False
    )
    measures = forms.ModelMultipleChoiceField(
        label="Maßnahmen", queryset=ConceptVersion.objects.none(), required=False
    )

    def __init__(self, *args, district, version, **kwargs):
        super().__init__(*args, **kwargs)
        refuse_huge_numbers(self)
        self.fields["fields_of_action"].queryset = district.fields_of_action.all()
        self.fields["priorities"].queryset = WorkPriority.objects.for_district(district)
        # Archived measures only while the version still holds them.
        self.fields["measures"].queryset = district.measures.filter(
            Q(is_archived=False) | Q(concept_versions=version)
        ).distinct()
