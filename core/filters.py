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
