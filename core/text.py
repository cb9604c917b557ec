"""German text helpers."""

import unicodedata
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.text import slugify

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Case- and umlaut-insensitive form: "Straße", "STRASSE" and "strasse" compare equal.

    Stored folded texts (``Actor.search_text``) are compared with ``contains`` against folded
    words, so SQLite (whose LIKE folds only ASCII) and PostgreSQL answer alike.
    """
    return unicodedata.normalize("NFC", text or "").casefold().translate(_FOLD)


def german_slugify(value: str) -> str:
    """Slug that spells umlauts the German way: Märkischer Kreis → ``maerkischer-kreis``."""
    return slugify(value.translate(_GERMAN))


def number_de(value: int) -> str:
    """German digit grouping: 1.234."""
    return f"{value:,}".replace(",", ".")


def counted(value: int, singular: str, plural: str) -> str:
    """A count with its noun in the right number: "1 Ansprechperson", "2 Ansprechpersonen"."""
    return f"{number_de(value)} {singular if value == 1 else plural}"


def fte_label(value: Decimal) -> str:
    """FTE the German way with one decimal where that is exact: 1,0 · 0,5 · 0,25."""
    places = 1 if value == value.quantize(Decimal("0.1")) else 2
    return number_format(value, places, force_grouping=False)
