"""Forms for actors, offers, contact persons, the glossary, committees and participation.

Uniqueness per District is checked in the forms: the District is not a form field, so Django's
own unique check would not see the constraint and a duplicate would end in an IntegrityError.
"""

import datetime
import re

from django import forms
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from accounts.models import Membership, User
from accounts.rights import Role
from concepts.models import FocusArea
from core.forms import DistrictFormMixin

from .models import (
    Actor,
    ActorType,
    Committee,
    CommitteeReader,
    ContactPerson,
    GlossaryEntry,
    Meeting,
    Offer,
    ParticipationEvent,
)

PHONE = re.compile(r"^\+?[0-9 ()/\-]{3,40}$")
# Primary keys are 64-bit integers; a longer number reaches SQLite as an OverflowError (500).
MAX_PK = 2**63 - 1


def pk_fits(value) -> bool:
    """False for an integer too large for a primary key; other junk Django rejects itself."""
    try:
        return abs(int(str(value).strip())) <= MAX_PK
    except ValueError:
        return True


class ModelChoiceField(forms.ModelChoiceField):
    """``ModelChoiceField`` that answers "invalid choice" to an over-long number, not a 500."""

    def to_python(self, value):
        if value not in self.empty_values and not pk_fits(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """``ModelMultipleChoiceField`` with the same guard as ``ModelChoiceField`` above."""

    def _check_values(self, value):
        for pk in value if isinstance(value, list | tuple) else [value]:
            if not pk_fits(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


def _unique_in_district(queryset, instance, field: str, value: str, message: str) -> str:
    """Raise ``message`` if another object of ``queryset`` has ``value`` (case-insensitive)."""
    value = (value or "").strip()
    duplicates = queryset.filter(**{f"{field}__iexact": value})
    if instance is not None and instance.pk:
        duplicates = duplicates.exclude(pk=instance.pk)
    if value and duplicates.exists():
        raise forms.ValidationError(message)
    return value


class ActorForm(DistrictFormMixin, forms.ModelForm):
    website = forms.URLField(
        label="Internetseite",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Bitte eine gültige Internetadresse angeben."},
    )

    district_querysets = {
        "municipality": lambda d: d.municipalities.all(),
        "fields_of_action": lambda d: d.fields_of_action.all(),
        "target_groups": lambda d: d.target_groups.all(),
    }

    class Meta:
        model = Actor
        fields = [
            "name",
            "type",
            "municipality",
            "fields_of_action",
            "target_groups",
            "description",
            "website",
            "address",
            "is_published",
        ]
        field_classes = {
            "type": ModelChoiceField,
            "municipality": ModelChoiceField,
            "fields_of_action": ModelMultipleChoiceField,
            "target_groups": ModelMultipleChoiceField,
        }
        widgets = {
            "fields_of_action": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = ActorType.objects.all()
        self.fields["type"].empty_label = "bitte wählen"
        self.fields["municipality"].empty_label = "kreisweit (keine Kommune)"

    def clean_name(self):
        return _unique_in_district(
            self.district.actors.all(),
            self.instance,
            "name",
            self.cleaned_data.get("name"),
            "Einen Akteur mit diesem Namen gibt es bereits.",
        )


class OfferForm(DistrictFormMixin, forms.ModelForm):
    district_querysets = {
        "municipalities": lambda d: d.municipalities.all(),
        "target_groups": lambda d: d.target_groups.all(),
    }

    class Meta:
        model = Offer
        fields = ["title", "description", "target_groups", "municipalities", "is_published"]
        field_classes = {
            "target_groups": ModelMultipleChoiceField,
            "municipalities": ModelMultipleChoiceField,
        }
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "municipalities": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
        }


class ContactPersonForm(DistrictFormMixin, forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "function", "email", "phone", "consents_to_publication", "consent_date"]
        error_messages = {"email": {"invalid": "Bitte eine gültige E-Mail-Adresse angeben."}}

    def clean_phone(self):
        phone = (self.cleaned_data.get("phone") or "").strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                "Bitte eine Telefonnummer aus Ziffern angeben, z. B. +49 2104 99-1234."
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        consent = cleaned.get("consents_to_publication")
        consent_date = cleaned.get("consent_date")
        # Art. 7 Abs. 1 DSGVO: the controller must be able to show when consent was given.
        if consent and not consent_date and "consent_date" not in self.errors:
            self.add_error("consent_date", "Bitte das Datum der Einwilligung angeben.")
        if consent_date and not consent:
            self.add_error("consent_date", "Ein Datum nur angeben, wenn die Einwilligung vorliegt.")
        if consent_date and consent_date > timezone.localdate():
            self.add_error("consent_date", "Das Datum der Einwilligung liegt in der Zukunft.")
        return cleaned


class GlossaryEntryForm(DistrictFormMixin, forms.ModelForm):
    class Meta:
        model = GlossaryEntry
        fields = ["term", "explanation", "is_abbreviation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3})}

    def clean_term(self):
        return _unique_in_district(
            self.district.glossary_entries.all(),
            self.instance,
            "term",
            self.cleaned_data.get("term"),
            "Diesen Begriff gibt es im Glossar bereits.",
        )


class CommitteeForm(DistrictFormMixin, forms.ModelForm):
    path_position = forms.IntegerField(
        label="Position in der üblichen Beratungsfolge",
        required=False,
        min_value=1,
        max_value=20,
        help_text=Committee._meta.get_field("path_position").help_text,
    )

    district_querysets = {"members": lambda d: d.actors.all()}

    class Meta:
        model = Committee
        fields = ["name", "kind", "focus_area", "path_position", "members"]
        field_classes = {"focus_area": ModelChoiceField, "members": ModelMultipleChoiceField}
        widgets = {"members": forms.SelectMultiple(attrs={"size": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = FocusArea.objects.all()
        self.fields["focus_area"].empty_label = "kein bestimmter Schwerpunkt"
        self.fields["kind"].choices = [("", "bitte wählen"), *Committee.Kind.choices]
        self.fields[
            "members"
        ].help_text = "Mehrere Akteure mit gedrückter Strg-Taste (Mac: Cmd) auswählen."

    def clean_name(self):
        return _unique_in_district(
            self.district.committees.all(),
            self.instance,
            "name",
            self.cleaned_data.get("name"),
            "Ein Gremium mit diesem Namen gibt es bereits.",
        )


class ReaderChoiceField(ModelChoiceField):
    """A member of the District, shown with the role they hold there."""

    def label_from_instance(self, user) -> str:
        role = Role(user.district_role).label if user.district_role in Role.values else ""
        return f"{user} ({role})" if role else str(user)


NOT_A_MEMBER = (
    "Diese Person ist kein aktives Mitglied dieses Kreises und kann keinem seiner Gremien "
    "zugeordnet werden."
)


class CommitteeReaderForm(forms.Form):
    """Link a member of the District to a Gremium (issue 20): the people who sit on it and use
    the product get an e-mail when a paper for it is released."""

    reader = ReaderChoiceField(
        label="Person",
        queryset=User.objects.none(),
        empty_label="bitte wählen",
        error_messages={"invalid_choice": NOT_A_MEMBER, "required": "Bitte eine Person wählen."},
        help_text="Mitglieder dieses Kreises (aktive Mitgliedschaft), die dem Gremium noch "
        "nicht zugeordnet sind.",
    )

    def __init__(self, *args, district, committee: Committee, **kwargs):
        super().__init__(*args, **kwargs)
        role = Membership.objects.filter(user=OuterRef("pk"), district=district).values("role")
        self.fields["reader"].queryset = (
            User.objects.filter(
                is_active=True, memberships__district=district, memberships__is_active=True
            )
            .exclude(committee_seats__committee=committee)
            .annotate(district_role=Subquery(role[:1]))
            .order_by("last_name", "first_name", "username")
        )


class NoticeSettingsForm(forms.Form):
    """A member's own switch: which of their Gremien e-mail them new papers."""

    notify = ModelMultipleChoiceField(
        label="E-Mail bei neuen Vorlagen für",
        queryset=CommitteeReader.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Diese Auswahl gehört nicht zu Ihren Gremien.",
            "invalid_pk_value": "Diese Auswahl gehört nicht zu Ihren Gremien.",
        },
    )

    def __init__(self, *args, seats, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["notify"]
        field.queryset = seats
        field.label_from_instance = lambda seat: seat.committee.name
        self.seats = list(seats)
        field.initial = [seat.pk for seat in self.seats if seat.notify]


class DateTimeInput(forms.DateTimeInput):
    """A native date-and-time picker (the CSP allows no script widgets)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class MeetingForm(DistrictFormMixin, forms.ModelForm):
    start = forms.DateTimeField(
        label="Beginn",
        widget=DateTimeInput,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y"],
        error_messages={
            "invalid": "Bitte Datum und Uhrzeit angeben, z. B. 10.03.2026 17:00.",
            "required": "Bitte Datum und Uhrzeit der Sitzung angeben.",
        },
    )

    class Meta:
        model = Meeting
        fields = ["start", "location", "is_public", "cancelled"]

    def clean_start(self):
        start = self.cleaned_data["start"]
        if not datetime.date(1950, 1, 1) <= start.date() <= datetime.date(2200, 12, 31):
            raise forms.ValidationError("Bitte ein Datum zwischen 1950 und 2200 angeben.")
        return start


class ParticipationEventForm(DistrictFormMixin, forms.ModelForm):
    participants = forms.IntegerField(label="Teilnehmende", min_value=0, max_value=100_000)
    institutions = forms.IntegerField(
        label="beteiligte Institutionen", min_value=0, max_value=10_000
    )

    district_querysets = {
        "field_of_action": lambda d: d.fields_of_action.all(),
        "actors": lambda d: d.actors.all(),
    }

    class Meta:
        model = ParticipationEvent
        fields = [
            "kind",
            "title",
            "date",
            "field_of_action",
            "participants",
            "institutions",
            "actors",
            "notes",
        ]
        field_classes = {
            "field_of_action": ModelChoiceField,
            "actors": ModelMultipleChoiceField,
        }
        widgets = {
            "actors": forms.SelectMultiple(attrs={"size": 8}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field_of_action"].empty_label = "übergreifend / kein Handlungsfeld"
        self.fields[
            "actors"
        ].help_text = "Mehrere Akteure mit gedrückter Strg-Taste (Mac: Cmd) auswählen."

    def clean_date(self):
        date = self.cleaned_data["date"]
        if not datetime.date(1950, 1, 1) <= date <= datetime.date(2200, 12, 31):
            raise forms.ValidationError("Bitte ein Datum zwischen 1950 und 2200 angeben.")
        return date
