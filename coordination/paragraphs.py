"""Paragraphs of a concept section, and where a comment on one stands after later edits
(issue 18: "the anchor survives later edits, or the comment is marked as referring to an
earlier text of the paragraph, with the old text shown")."""

import re
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n\s*\n")


def paragraphs(body: str) -> list[str]:
    """The section's Markdown split at blank lines: headings, lists and tables stay whole."""
    return [
        block.strip() for block in _BLANK_LINE.split(body.replace("\r\n", "\n")) if block.strip()
    ]


@dataclass
class Anchor:
    """Where a comment's paragraph is now: ``number`` (1-based) if its text is still there
    unchanged (perhaps moved), else None – the paragraph was changed or removed."""

    number: int | None

    @property
    def changed(self) -> bool:
        return self.number is None


def anchor(comment, current: list[str]) -> Anchor:
    """The comment's paragraph in the section's current paragraphs: same place, moved, or gone."""
    text = comment.paragraph_text.strip()
    index = comment.paragraph - 1
    if 0 <= index < len(current) and current[index] == text:
        return Anchor(comment.paragraph)
    if text in current:
        return Anchor(current.index(text) + 1)
    return Anchor(None)
