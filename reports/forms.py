"""The form of a Sachstandsbericht: title, reporting period, introduction and remarks."""

from django import forms
from django.core.exceptions import ValidationError

from concepts.rendering import check_images
from core.forms import DistrictFormMixin

from .models import ProgressReport

MARKDOWN_HELP = (
    "Markdown: Absätze, **fett**, *kursiv*, Listen mit „-“, Zwischenüberschriften mit „###“."
)


class ProgressReportForm(DistrictFormMixin, forms.ModelForm):
    class Meta:
        model = ProgressReport
        fields = ["title", "period_start", "period_end", "introduction", "remarks"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 8}),
            "remarks": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "title": "z. B. „Sachstand 2025“",
            "introduction": MARKDOWN_HELP,
            "remarks": MARKDOWN_HELP,
        }

    def clean(self):
        cleaned = super().clean()
        for name in ("introduction", "remarks"):
            try:
                check_images(cleaned.get(name, ""), self.district)
            except ValidationError as error:
                self.add_error(name, error)
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error(
                "period_end", "Das Ende des Berichtszeitraums darf nicht vor seinem Beginn liegen."
            )
        return cleaned
