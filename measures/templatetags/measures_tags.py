"""Template filters of the measures catalogue."""

from django import template

from ..charts import german_number

register = template.Library()


@register.filter
def zahl(value) -> str:
    """A measured number the German way, without trailing zeros: 1.234,5 · 12,5 · 150."""
    return german_number(value)
