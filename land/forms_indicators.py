"""Forms of the Land's indicator catalogue and of the Districts' population (issue 17)."""

from django import forms

from districts.models import District
from measures.models import LandIndicator

DEFAULT_SOURCE = "IT.NRW, Landesdatenbank NRW"


class LandIndicatorForm(forms.ModelForm):
    class Meta:
        model = LandIndicator
        fields = ["key", "name", "unit", "definition", "direction", "aggregation", "source"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "aggregation": (
                "Nur bei einer Anzahl zeigt der Vergleich auch den Wert je 1.000 Einwohner."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["key"].help_text = (
                "Ändern Sie den Schlüssel nur mit Bedacht: Die Adresse der Vergleichsseite "
                "ändert sich mit ihm. Die Zuordnungen der Kreise bleiben erhalten."
            )

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        taken = LandIndicator.objects.filter(key__iexact=key).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError("Diesen Schlüssel hat bereits eine Kennzahl des Landes.")
        return key

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()


class DistrictPopulationForm(forms.ModelForm):
    """The population of one District; Stand and source are required with a number, so no
    figure stands without its origin."""

    class Meta:
        model = District
        fields = ["population", "population_year", "population_source"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("population") is not None:
            if not cleaned.get("population_year") and "population_year" not in self.errors:
                self.add_error("population_year", "Bitte den Stand der Einwohnerzahl angeben.")
            if not cleaned.get("population_source"):
                self.add_error("population_source", "Bitte die Quelle der Einwohnerzahl angeben.")
        return cleaned


class PopulationImportForm(forms.Form):
    file = forms.FileField(
        label="CSV-Datei",
        help_text="Spalten Schlüssel;Name;Einwohner;Stand, durch Semikolon getrennt",
    )
    source = forms.CharField(
        label="Quelle",
        max_length=200,
        initial=DEFAULT_SOURCE,
        help_text="steht bei jeder übernommenen Einwohnerzahl, z. B. mit Tabelle und Abrufdatum",
    )
