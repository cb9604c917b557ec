"""Forms for member management and for setting a password."""

from django import forms
from django.contrib.auth import forms as auth_forms

from core.forms import DistrictFormMixin

from .models import Membership, User
from .rights import Role
from .services import LAST_LEAD_MESSAGE, is_last_active_lead


def clean_invite_email(email: str, district) -> str:
    """The normalised address, or a German error if it cannot be invited to ``district``."""
    email = User.objects.normalize_email(email.strip())
    existing = list(User.objects.filter(email__iexact=email)[:2])
    if len(existing) > 1:
        raise forms.ValidationError(
            "Mehrere Benutzerkonten haben diese E-Mail-Adresse; bitte in der Verwaltung klären."
        )
    if existing and not existing[0].is_active:
        raise forms.ValidationError(
            "Das Benutzerkonto mit dieser E-Mail-Adresse ist gesperrt; bitte in der "
            "Verwaltung klären."
        )
    if existing and existing[0].memberships.filter(district=district).exists():
        raise forms.ValidationError(
            "Diese Person ist bereits Mitglied dieses Kreises. Eine deaktivierte "
            "Mitgliedschaft können Sie in der Mitgliederliste reaktivieren."
        )
    return email


class MembershipFormMixin(DistrictFormMixin):
    """Role and municipality; the municipality is offered from the District only.

    ``Membership.clean`` puts the German error next to the municipality when it is missing for a
    liaison or given for another role.
    """

    district_querysets = {"municipality": lambda d: d.municipalities.all()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.district = self.district
        self.fields[
            "municipality"
        ].help_text = (
            "Nur für die Rolle „Kommunale Ansprechperson“: die Kommune, für die sie antwortet."
        )


class MemberInviteForm(MembershipFormMixin, forms.ModelForm):
    email = forms.EmailField(
        label="E-Mail-Adresse",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text="An diese Adresse geht die Einladung. Gibt es schon ein Benutzerkonto mit "
        "dieser Adresse, wird es dem Kreis hinzugefügt.",
    )
    first_name = forms.CharField(label="Vorname", max_length=150)
    last_name = forms.CharField(label="Nachname", max_length=150)

    field_order = ["email", "first_name", "last_name", "role", "municipality"]

    class Meta:
        model = Membership
        fields = ["role", "municipality"]

    def clean_email(self):
        return clean_invite_email(self.cleaned_data["email"], self.district)


class LeadInviteForm(forms.Form):
    """The operator invites a District's KI-Leitung (``/betrieb/kreise/<slug>/``)."""

    email = forms.EmailField(
        label="E-Mail-Adresse",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text="An diese Adresse geht die Einladung mit dem Link, über den die Person ihr "
        "Passwort festlegt.",
    )
    first_name = forms.CharField(label="Vorname", max_length=150)
    last_name = forms.CharField(label="Nachname", max_length=150)

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.district = district

    def clean_email(self):
        return clean_invite_email(self.cleaned_data["email"], self.district)


class MemberUpdateForm(MembershipFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "municipality"]

    def clean_role(self):
        role = self.cleaned_data["role"]
        # The District always keeps one KI-Leitung who can manage its members.
        if role != Role.LEAD and is_last_active_lead(self.instance):
            raise forms.ValidationError(LAST_LEAD_MESSAGE)
        return role


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Also reaches invited people who never set a password (Django skips unusable passwords).

    Without this an invitation whose link expired would leave the person with no way in.
    """

    def get_users(self, email):
        return (
            user
            for user in User.objects.filter(email__iexact=email, is_active=True)
            if user.email.casefold() == email.casefold()
        )
