"""Forms for the staffing plan and the Land's requirements."""

from decimal import Decimal

from django import forms

from core.forms import DistrictFormMixin

from .models import LandRequirements, StaffPost


class StaffPostForm(DistrictFormMixin, forms.ModelForm):
    """A post of the staffing plan; the database's constraints said in German at the field."""

    class Meta:
        model = StaffPost
        fields = ["title", "holder", "profession", "fte", "funding", "is_head", "is_deputy"]
        help_texts = {"fte": "z. B. 1,0 für eine volle Stelle oder 0,5 für eine halbe"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district

    def clean_fte(self) -> Decimal:
        fte = self.cleaned_data["fte"]
        # Check constraint staffpost_fte_between_0_and_1: one post is at most one full-time job.
        if fte <= 0 or fte > 1:
            raise forms.ValidationError(
                "Eine Stelle umfasst mehr als 0 und höchstens 1,0 VZÄ; teilen Sie größere Anteile "
                "auf mehrere Stellen auf."
            )
        if fte < Decimal("0.05"):
            raise forms.ValidationError("Ein Stellenanteil beträgt mindestens 0,05 VZÄ.")
        return fte

    def clean(self):
        cleaned = super().clean()
        others = self.district.staff_posts.exclude(pk=self.instance.pk)
        is_head, is_deputy = cleaned.get("is_head"), cleaned.get("is_deputy")
        if is_head and is_deputy:
            self.add_error(
                "is_deputy", "Leitung und Stellvertretung sind zwei verschiedene Stellen."
            )
            return cleaned
        if is_head and others.filter(is_head=True).exists():
            self.add_error(
                "is_head",
                "Es gibt bereits eine Leitungsstelle; nehmen Sie dort zuerst die Leitung heraus.",
            )
        if is_deputy and others.filter(is_deputy=True).exists():
            self.add_error(
                "is_deputy",
                "Es gibt bereits eine Stellvertretung; nehmen Sie dort zuerst die "
                "Stellvertretung heraus.",
            )
        return cleaned


class LandRequirementsForm(DistrictFormMixin, forms.ModelForm):
    """What the current Förderrichtlinie demands (DOMAIN.md: data, not constants)."""

    class Meta:
        model = LandRequirements
        fields = [
            "guideline",
            "teacher_fte_required",
            "max_fte_education",
            "max_fte_administration",
            "max_fte_assistance",
            "submission_deadline",
            "review_interval_years",
            "work_period_years",
        ]
        # The model's help text cites seed 000 by its Kreis; a District's page names no other
        # Kreis (issue 13). (The model keeps it until a districts migration can carry the change.)
        help_texts = {
            "work_period_years": "Arbeitsschwerpunkte werden im Benehmen mit den örtlichen "
            "Partnern für zwei Jahre festgelegt (Integrationskonzept eines Kreises, "
            "Kreistagsbeschluss 2012).",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Zero or absurd lengths would make every work period invalid or unplaceable.
        for name in ("review_interval_years", "work_period_years"):
            self.fields[name].widget.attrs.update(min=1, max=20)
            self.fields[name].validators.append(_year_range)


def _year_range(value: int) -> None:
    if not 1 <= value <= 20:
        raise forms.ValidationError("Bitte eine Zahl von 1 bis 20 angeben.")
