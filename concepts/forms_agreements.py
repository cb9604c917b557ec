"""The form of a municipality's Einvernehmen with a Fassung (issue 18)."""

import os

from django import forms

from core.forms import DateInput
from core.uploads import content_matches

from .models import MunicipalAgreement

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024  # as the Anlagen of papers (papers.forms)


class AgreementForm(forms.ModelForm):
    class Meta:
        model = MunicipalAgreement
        fields = ["decision", "body", "decided_on", "notes", "document"]
        widgets = {
            "decision": forms.RadioSelect,
            "decided_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = MunicipalAgreement.Decision.choices
        self.fields["document"].help_text = "Optional: der Beschluss als PDF, höchstens 20 MB."
        self.fields["document"].widget.attrs["accept"] = ".pdf,application/pdf"

    def clean_body(self):
        return self.cleaned_data["body"].strip()

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if not upload or not hasattr(upload, "size") or upload == self.initial.get("document"):
            return upload
        extension = os.path.splitext(upload.name)[1].lower()
        if extension != ".pdf":
            raise forms.ValidationError("Bitte laden Sie den Beschluss als PDF hoch.")
        if upload.size > DOCUMENT_MAX_BYTES:
            raise forms.ValidationError("Die Datei ist größer als 20 MB.")
        if not content_matches(upload, extension):
            raise forms.ValidationError(
                "Der Inhalt der Datei ist kein PDF. Bitte laden Sie die Datei so hoch, wie das "
                "Programm sie gespeichert hat."
            )
        return upload
