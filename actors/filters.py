"""Filters for the actor list: type, municipality (or kreisweit), Handlungsfeld and free text."""

import django_filters
from django import forms
from django.db.models import Q

from .forms import pk_fits
from .models import Actor, ActorType

DISTRICT_WIDE = "kreisweit"


class _GuardedModelChoiceField(django_filters.fields.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not pk_fits(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A too-long number in the URL is an invalid choice, not a database error."""

    field_class = _GuardedModelChoiceField


class ActorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Suche", method="filter_text")
    type = ModelChoiceFilter(
        label="Typ", queryset=ActorType.objects.all(), empty_label="alle Typen"
    )
    municipality = django_filters.ChoiceFilter(
        label="Kommune", method="filter_municipality", empty_label="alle Kommunen"
    )
    field_of_action = ModelChoiceFilter(
        label="Handlungsfeld",
        field_name="fields_of_action",
        queryset=None,
        empty_label="alle Handlungsfelder",
    )

    class Meta:
        model = Actor
        fields = ["q", "type", "municipality", "field_of_action"]

    def __init__(self, *args, district, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["field_of_action"].queryset = district.fields_of_action.all()
        self.filters["municipality"].extra["choices"] = [
            (DISTRICT_WIDE, "kreisweit (keine Kommune)"),
            *((str(pk), name) for pk, name in district.municipalities.values_list("pk", "name")),
        ]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(description__icontains=value)
            | Q(address__icontains=value)
            | Q(offers__title__icontains=value)
        ).distinct()

    def filter_municipality(self, queryset, name, value):
        if value == DISTRICT_WIDE:
            return queryset.filter(municipality__isnull=True)
        return queryset.filter(municipality_id=value)
