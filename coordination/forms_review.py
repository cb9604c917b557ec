"""Forms of a Beteiligung on a draft (issue 18)."""

from django import forms

from actors.models import ContactPerson
from core.forms import DateInput, refuse_huge_numbers

from .models import DraftReview, ReviewComment


class ReviewForm(forms.ModelForm):
    class Meta:
        model = DraftReview
        fields = ["title", "opens_on", "closes_on", "sections", "comments_visible"]
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


class WeighForm(forms.ModelForm):
    class Meta:
        model = ReviewComment
        fields = ["decision", "reason"]
        widgets = {"decision": forms.RadioSelect, "reason": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].required = True
        self.fields["decision"].choices = ReviewComment.Decision.choices
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
