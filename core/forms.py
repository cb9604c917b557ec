"""Form building blocks shared by the apps: German dates and numbers, District-bound choices."""

import datetime

from django import forms
from django.utils.formats import get_format


class DateInput(forms.DateInput):
    """A native date picker; browsers set to German show and accept TT.MM.JJJJ."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")

    def format_value(self, value):
        # A form shown again after an error holds the text as posted. The picker only takes
        # ISO dates, so "23.11.2026" (typed where no picker exists, or sent by a script)
        # would come back as an empty field: convert what parses as a German date.
        if isinstance(value, str):
            for input_format in get_format("DATE_INPUT_FORMATS"):
                try:
                    value = datetime.datetime.strptime(value.strip(), input_format).date()
                except ValueError:
                    continue
                break
        return super().format_value(value)


class GermanDecimalField(forms.DecimalField):
    """Accepts and shows numbers the German way: ``1.234,5``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("localize", True)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")


def german_decimal_inputs(form: forms.BaseForm) -> None:
    """Every decimal field of ``form`` as a text input with the decimal comma: an
    ``<input type="number">`` refuses "12,5" and would send "12.5", which German parsing
    reads as 125."""
    for field in form.fields.values():
        if isinstance(field, forms.DecimalField):
            field.localize = True
            attrs = {**field.widget.attrs, "inputmode": "decimal"}
            attrs.pop("step", None)
            field.widget = forms.TextInput(attrs=attrs)
            field.widget.is_localized = True


class DistrictFormMixin:
    """Takes ``district`` (from the view's ``get_form_kwargs``) and limits every choice to it.

    ``district_querysets`` maps a field name to a function ``district -> queryset``.
    """

    district_querysets: dict = {}

    def __init__(self, *args, district, **kwargs):
        self.district = district
        super().__init__(*args, **kwargs)
        refuse_huge_numbers(self)
        for name, queryset in self.district_querysets.items():
            if name in self.fields:
                self.fields[name].queryset = queryset(district)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput(attrs=field.widget.attrs)
        german_decimal_inputs(self)


# No database key is larger; SQLite raises OverflowError beyond it.
MAX_KEY = 2**63 - 1


def is_oversized_number(item) -> bool:
    """``item`` reads as an integer (sign, spaces, any Unicode digits: Python's ``int()`` takes
    "+9…9", "９９９" or "٩٩٩") that no database key can be. Never converts more than 19 digits,
    because ``int()`` refuses strings of over 4300 digits with ValueError."""
    if not isinstance(item, str):
        return False
    text = item.strip().lstrip("+-").replace("_", "")
    if not text.isdecimal():
        return False
    return len(text) > 19 or int(text) > MAX_KEY


def refuse_huge_numbers(form: forms.BaseForm) -> None:
    """Guard every model choice of ``form`` (``_refuse_huge_numbers``); DistrictFormMixin
    does it for its forms, other forms call it from ``__init__``."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            _refuse_huge_numbers(field)


def _refuse_huge_numbers(field: forms.ModelChoiceField) -> None:
    """A choice like 9999999999999999999999 is not an id: answer "invalid choice", not a 500.

    SQLite raises OverflowError for integers beyond 64 bits before Django can say the choice
    does not exist.
    """
    clean = field.clean

    def guarded(value):
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if is_oversized_number(item):
                raise forms.ValidationError(
                    field.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item[:40]},
                )
        return clean(value)

    field.clean = guarded
