"""Filter building blocks shared by the apps (django-filter)."""

import django_filters
from django.core.exceptions import ValidationError

from .forms import is_oversized_number


class _KeyChoiceField(django_filters.fields.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and is_oversized_number(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class KeyChoiceFilter(django_filters.ModelChoiceFilter):
    """Answers ``?field_of_action=99999999999999999999`` with a form error, not a 500."""

    field_class = _KeyChoiceField


class _NameChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """Options from ``(pk, name)`` rows: no model instance per option (issue 16: a District's
    hundreds of actors must not each be built to fill a filter)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        yield from self.queryset.values_list("pk", "name")


class _NameKeyChoiceField(_KeyChoiceField):
    iterator = _NameChoiceIterator


class NameKeyChoiceFilter(KeyChoiceFilter):
    """``KeyChoiceFilter`` over a model whose ``str()`` is its ``name``, listed from values."""

    field_class = _NameKeyChoiceField
