"""Form building blocks shared by the apps: German dates and numbers, District-bound choices."""

from django import forms


class DateInput(forms.DateInput):
    """A native date picker; browsers set to German show and accept TT.MM.JJJJ."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class GermanDecimalField(forms.DecimalField):
    """Accepts and shows numbers the German way: ``1.234,5``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")


class DistrictFormMixin:
    """Takes ``district`` (from the view's ``get_form_kwargs``) and limits every choice to it.

    ``district_querysets`` maps a field name to a function ``district -> queryset``.
    """

    district_querysets: dict = {}

    def __init__(self, *args, district, **kwargs):
        self.district = district
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                _refuse_huge_numbers(field)
        for name, queryset in self.district_querysets.items():
            if name in self.fields:
                self.fields[name].queryset = queryset(district)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput(attrs=field.widget.attrs)
            if isinstance(field, forms.DecimalField):
                # A text input: <input type="number"> refuses "12,5" and would send "12.5",
                # which German parsing reads as 125.
                field.localize = True
                attrs = {**field.widget.attrs, "inputmode": "decimal"}
                attrs.pop("step", None)
                field.widget = forms.TextInput(attrs=attrs)
                field.widget.is_localized = True


def _refuse_huge_numbers(field: forms.ModelChoiceField) -> None:
    """A choice like 9999999999999999999999 is not an id: answer "invalid choice", not a 500.

    SQLite raises OverflowError for integers beyond 64 bits before Django can say the choice
    does not exist.
    """
    clean = field.clean

    def guarded(value):
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            text = item.strip().lstrip("-") if isinstance(item, str) else ""
            if text.isascii() and text.isdecimal() and int(text) >= 2**63:
                raise forms.ValidationError(
                    field.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return clean(value)

    field.clean = guarded
