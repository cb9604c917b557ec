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
        for name, queryset in self.district_querysets.items():
            if name in self.fields:
                self.fields[name].queryset = queryset(district)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput(attrs=field.widget.attrs)
            if isinstance(field, forms.DecimalField) and not field.localize:
                field.localize = True
                field.widget.is_localized = True
