"""German text helpers."""

from django.utils.text import slugify

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_slugify(value: str) -> str:
    """Slug that spells umlauts the German way: Märkischer Kreis → ``maerkischer-kreis``."""
    return slugify(value.translate(_GERMAN))
