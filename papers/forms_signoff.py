"""Forms of the Mitzeichnung (issue 14): the District's steps, a return, the release check."""

from django import forms

from accounts.models import User

from .models import SignOffStep
from .signoff import signer_memberships


class SignerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class SignOffStepForm(forms.Form):
    """A new step at the end of the District's Mitzeichnung."""

    function = forms.CharField(
        label="Funktion",
        max_length=120,
        help_text="z. B. Fachbereichsleitung, Dezernat, Kämmerei, Landrat/Landrätin",
        error_messages={"required": "Bitte die Funktion angeben, z. B. „Dezernat“."},
    )
    signer = SignerChoiceField(
        label="Person",
        queryset=User.objects.none(),
        help_text="Mitglied der KI (Leitung oder Mitarbeit) dieses Kreises; die Person liest die "
        "Vorlage schon als Entwurf.",
        error_messages={
            "required": "Bitte die Person auswählen, die diesen Schritt mitzeichnet.",
            "invalid_choice": "Diese Person ist kein aktives Mitglied der KI dieses Kreises.",
        },
    )
    condition = forms.ChoiceField(
        label="gilt",
        choices=SignOffStep.Condition.choices,
        initial=SignOffStep.Condition.ALWAYS,
        error_messages={"invalid_choice": "Bitte „immer“ oder „nur bei finanzieller Auswirkung“."},
    )

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signer"].queryset = User.objects.filter(
            pk__in=signer_memberships(district).values("user")
        ).order_by("last_name", "first_name", "username")

    def clean_function(self):
        function = self.cleaned_data["function"].strip()
        if not function:
            raise forms.ValidationError("Bitte die Funktion angeben, z. B. „Dezernat“.")
        return function


class SignOffReturnForm(forms.Form):
    comment = forms.CharField(
        label="Begründung der Rückgabe",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text="Was muss geändert werden? Die KI sieht die Begründung auf der Seite der Vorlage.",
        error_messages={"required": "Bitte begründen Sie, warum Sie die Vorlage zurückgeben."},
    )


class ReleaseConfirmForm(forms.Form):
    """No release by a single unconfirmed click (issue 14)."""

    confirm = forms.BooleanField(
        label="Ich habe die Vorlage geprüft und gebe sie frei",
        error_messages={
            "required": "Bitte bestätigen Sie, dass Sie die Vorlage geprüft haben und sie "
            "freigeben."
        },
    )
