"""Side-by-side comparison of two concept versions: sections, and measures added/removed/changed."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .versioning import version_contents

_WORDS = re.compile(r"\S+|\s+")


def _mark(tokens, tag) -> str:
    text = escape("".join(tokens))
    return f"<{tag}>{text}</{tag}>" if text.strip() else text


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Both texts as HTML, removed words in <del> on the left, added ones in <ins> on the right."""
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(escape("".join(a[i1:i2])))
            right.append(escape("".join(b[j1:j2])))
        else:
            if i2 > i1:
                left.append(_mark(a[i1:i2], "del"))
            if j2 > j1:
                right.append(_mark(b[j1:j2], "ins"))
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 — escaped above


@dataclass
class SectionDiff:
    title: str
    change: str  # "gleich", "geändert", "neu", "entfallen"
    left: SafeString = mark_safe("")
    right: SafeString = mark_safe("")


@dataclass
class MeasureChange:
    title: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (field, old, new)


@dataclass
class VersionDiff:
    sections: list[SectionDiff]
    added: list[dict]
    removed: list[dict]
    changed: list[MeasureChange]

    @property
    def has_changes(self) -> bool:
        return bool(
            self.added
            or self.removed
            or self.changed
            or any(s.change != "gleich" for s in self.sections)
        )


def _sections(version) -> list[tuple[str, str]]:
    return [(s.title, s.body) for s in version.sections.order_by("order")]


def diff_sections(old_version, new_version) -> list[SectionDiff]:
    """Pair sections by title (a renamed section shows as removed + new)."""
    old = dict(_sections(old_version))
    result = []
    seen = set()
    for title, body in _sections(new_version):
        seen.add(title)
        if title not in old:
            result.append(SectionDiff(title, "neu", mark_safe(""), word_diff("", body)[1]))
            continue
        left, right = word_diff(old[title], body)
        result.append(
            SectionDiff(title, "gleich" if old[title] == body else "geändert", left, right)
        )
    for title, body in _sections(old_version):
        if title not in seen:
            result.append(SectionDiff(title, "entfallen", word_diff(body, "")[0], mark_safe("")))
    return result


FIELD_LABELS = {
    "title": "Titel",
    "focus_area": "Schwerpunkt",
    "field_of_action": "Handlungsfeld",
    "status": "Status",
    "goal": "Ziel",
    "effect": "Wirkung",
    "target_groups": "Zielgruppen",
    "municipalities": "Kommunen",
    "start": "Beginn",
    "end": "Ende",
    "indicators": "Kennzahlen",
}


def _show(key, value) -> str:
    if key == "indicators":
        return "; ".join(
            f"{i['name']}: Ausgangswert {_de(i['baseline'])}, Ziel {_de(i['target'])} {i['unit']}".strip()
            for i in value
        )
    if isinstance(value, list):
        return ", ".join(value)
    if key in ("start", "end") and value:
        year, month, day = value.split("-")
        return f"{day}.{month}.{year}"
    return value or "–"


def _de(number: str | None) -> str:
    if number is None:
        return "–"
    whole, _, frac = number.partition(".")
    frac = frac.rstrip("0")
    return whole + ("," + frac if frac else "")


def diff_measures(old_contents: dict, new_contents: dict):
    old = {m["id"]: m for m in old_contents["measures"]}
    new = {m["id"]: m for m in new_contents["measures"]}
    added = [new[k] for k in new if k not in old]
    removed = [old[k] for k in old if k not in new]
    changed = []
    for key in new:
        if key not in old:
            continue
        change = MeasureChange(new[key]["title"])
        for name, label in FIELD_LABELS.items():
            before, after = old[key].get(name), new[key].get(name)
            if before != after:
                change.changes.append((label, _show(name, before), _show(name, after)))
        if change.changes:
            changed.append(change)
    return added, removed, changed


def diff_versions(old_version, new_version) -> VersionDiff:
    added, removed, changed = diff_measures(
        version_contents(old_version), version_contents(new_version)
    )
    return VersionDiff(diff_sections(old_version, new_version), added, removed, changed)
