"""Forms of a Beteiligung on a draft (issue 18)."""

from django import forms
from django.utils import timezone

from actors.models import ContactPerson
from core.forms import DateInput, refuse_huge_numbers

from .models import DraftReview, ReviewComment


class ReviewForm(forms.ModelForm):
    class Meta:
        model = DraftReview
        fields = [
            "title",
            "opens_on",
            "closes_on",
            "sections",
            "invite_liaisons",
            "invite_council",
            "is_public",
            "comments_visible",
        ]
        widgets = {
            "opens_on": DateInput(),
            "closes_on": DateInput(),
            "sections": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sections"].queryset = version.sections.order_by("order")
        refuse_huge_numbers(self)

    def clean_title(self):
        return self.cleaned_data["title"].strip()


class CommentForm(forms.ModelForm):
    class Meta:
        model = ReviewComment
        fields = ["text", "proposal"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "proposal": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"proposal": "Optional: wie der Absatz nach Ihrer Ansicht lauten sollte."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = "Bitte schreiben Sie Ihre Anmerkung."

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Bitte schreiben Sie Ihre Anmerkung.")
        return text


class InvitationForm(forms.Form):
    """An external participant: a contact person of one of the District's actors (with an
    e-mail address), or a name, an address and an organisation."""

    contact = forms.ModelChoiceField(
        label="Ansprechperson eines Akteurs",
        queryset=ContactPerson.objects.none(),
        required=False,
        empty_label="– andere Person, unten eintragen –",
    )
    name = forms.CharField(label="Name", max_length=160, required=False)
    email = forms.EmailField(label="E-Mail", required=False)
    organisation = forms.CharField(label="Organisation", max_length=200, required=False)

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = (
            ContactPerson.objects.for_district(district)
            .exclude(email="")
            .select_related("actor")
            .order_by("actor__name", "name")
        )
        self.fields["contact"].label_from_instance = lambda c: f"{c.name} ({c.actor.name})"
        refuse_huge_numbers(self)

    def clean(self):
        data = super().clean()
        if data.get("contact") is None:
            for name, message in (
                ("name", "Bitte den Namen eintragen oder eine Ansprechperson wählen."),
                ("email", "Bitte die E-Mail-Adresse eintragen oder eine Ansprechperson wählen."),
                (
                    "organisation",
                    "Bitte die Organisation eintragen (sie steht an den Anmerkungen).",
                ),
            ):
                if not (data.get(name) or "").strip() and name not in self.errors:
                    self.add_error(name, message)
        return data


REASON_NEEDED = {
    ReviewComment.Decision.PARTLY,
    ReviewComment.Decision.REJECTED,
}


class PublicSignupForm(forms.Form):
    """Anyone takes part in a public Beteiligung with a name and an address to confirm."""

    name = forms.CharField(label="Ihr Name", max_length=160)
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse", help_text="Dorthin schicken wir Ihren persönlichen Link."
    )
    organisation = forms.CharField(
        label="Für welche Organisation schreiben Sie?",
        max_length=200,
        required=False,
        help_text="Leer lassen, wenn Sie für sich selbst schreiben (dann steht „Privatperson“ "
        "an Ihren Anmerkungen).",
    )
    consent = forms.BooleanField(
        label="Ich bin einverstanden, dass das Kommunale Integrationszentrum meinen Namen und "
        "meine E-Mail-Adresse für diese Beteiligung speichert. Veröffentlicht werden sie nicht.",
        error_messages={"required": "Ohne Ihr Einverständnis können wir Sie nicht beteiligen."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Bitte geben Sie Ihren Namen an."
        self.fields["email"].error_messages["required"] = "Bitte geben Sie Ihre E-Mail-Adresse an."

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Bitte geben Sie Ihren Namen an.")
        return name

    def clean_organisation(self):
        return self.cleaned_data["organisation"].strip()


class WeighForm(forms.ModelForm):
    class Meta:
        model = ReviewComment
        fields = ["decision", "reason", "change"]
        widgets = {"decision": forms.RadioSelect, "reason": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].required = True
        self.fields["decision"].choices = ReviewComment.Decision.choices
        # The change it made: a saved state of the commented section since the comment.
        comment = self.instance
        change = self.fields["change"]
        change.queryset = (
            comment.section.history.filter(history_date__gte=comment.created).select_related(
                "history_user"
            )
            if comment.section_id
            else change.queryset.none()
        )
        change.empty_label = "– keine Änderung verknüpft –"
        change.label_from_instance = lambda h: (
            f"gespeichert am {timezone.localtime(h.history_date):%d.%m.%Y um %H:%M} Uhr"
            + (f" von {h.history_user.get_full_name() or h.history_user}" if h.history_user else "")
        )
        change.help_text = (
            "Optional: die gespeicherte Änderung des Abschnitts, mit der das KI die Anmerkung "
            "aufgenommen hat."
        )
        refuse_huge_numbers(self)
        self.fields[
            "reason"
        ].help_text = "Bei „teilweise übernommen“ und „nicht übernommen“ erforderlich."

    def clean(self):
        data = super().clean()
        if data.get("decision") in REASON_NEEDED and not (data.get("reason") or "").strip():
            self.add_error(
                "reason", "Bitte begründen Sie, warum die Anmerkung nicht (ganz) übernommen wird."
            )
        return data
