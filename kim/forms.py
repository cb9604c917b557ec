"""Forms of the KIM pages (issue 19)."""

from django import forms

from core.forms import DistrictFormMixin

from .models import Post, PostChange


class PostForm(DistrictFormMixin, forms.ModelForm):
    district_querysets = {"municipality": lambda district: district.municipalities.all()}

    class Meta:
        model = Post
        fields = [
            "kind",
            "title",
            "fte",
            "state",
            "since",
            "employer",
            "employer_name",
            "municipality",
            "funded",
            "annual_cost",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district
        self.fields["municipality"].empty_label = "– kreisweit –"

    def clean(self):
        data = super().clean()
        if data.get("employer") == Post.Employer.WELFARE and not data.get("employer_name"):
            self.add_error("employer_name", "Bitte nennen Sie den Träger.")
        return data


class PostChangeForm(DistrictFormMixin, forms.ModelForm):
    class Meta:
        model = PostChange
        fields = [
            "kind",
            "fte_before",
            "fte_after",
            "effective_on",
            "decision",
            "decided_on",
            "note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.district = self.district
