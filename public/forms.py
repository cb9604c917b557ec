"""Forms of the public pages: the directory's search and filters, and the feedback form."""

from django import forms

from core.forms import DistrictFormMixin

from .models import FeedbackMessage

MESSAGE_MAX_LENGTH = 5000


class DirectoryFilterForm(DistrictFormMixin, forms.Form):
    """GET form of the public directory; invalid values are ignored, never an error page."""

    q = forms.CharField(label="Suchbegriff", required=False, max_length=200)
    gemeinde = forms.ModelChoiceField(
        label="Kommune",
        queryset=None,
        required=False,
        empty_label="alle Kommunen",
        help_text="Zeigt auch kreisweit tätige Akteure.",
    )
    handlungsfeld = forms.ModelChoiceField(
        label="Handlungsfeld", queryset=None, required=False, empty_label="alle Handlungsfelder"
    )
    zielgruppe = forms.ModelChoiceField(
        label="Zielgruppe", queryset=None, required=False, empty_label="alle Zielgruppen"
    )

    district_querysets = {
        "gemeinde": lambda d: d.municipalities.order_by("name"),
        "handlungsfeld": lambda d: d.fields_of_action.all(),
        "zielgruppe": lambda d: d.target_groups.all(),
    }


class FeedbackForm(forms.ModelForm):
    """Feedback on barriers; ``website`` is a honeypot that people never see (hidden by CSS)."""

    website = forms.CharField(
        label="Bitte dieses Feld leer lassen",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = FeedbackMessage
        fields = ["name", "email", "page", "message"]
        labels = {
            "name": "Ihr Name (freiwillig)",
            "email": "Ihre E-Mail-Adresse (freiwillig, für eine Antwort)",
            "page": "Seite, die Sie meinen (freiwillig)",
            "message": "Ihre Nachricht",
        }
        help_texts = {
            "page": "Adresse oder Titel der Seite.",
            "message": f"Beschreiben Sie die Barriere. Höchstens {MESSAGE_MAX_LENGTH} Zeichen.",
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
        error_messages = {
            "message": {"required": "Bitte schreiben Sie uns eine Nachricht."},
            "email": {"invalid": "Bitte geben Sie eine gültige E-Mail-Adresse an."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].max_length = MESSAGE_MAX_LENGTH
        self.fields["message"].widget.attrs["maxlength"] = str(MESSAGE_MAX_LENGTH)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) > MESSAGE_MAX_LENGTH:
            raise forms.ValidationError(
                f"Die Nachricht ist zu lang: höchstens {MESSAGE_MAX_LENGTH} Zeichen."
            )
        if not message:
            raise forms.ValidationError("Bitte schreiben Sie uns eine Nachricht.")
        return message

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
