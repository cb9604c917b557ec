"""A read-only scope in which a page asks the same question of the database once (issue 16).

The dashboard asks "which concept version is in force?", "which work period runs today?" and
"which Land requirement set applies?" from its own cards, from the Förderfähigkeit checklist and
from each reminder provider (core.due) – eight queries for three answers. Inside ``scope()`` the
functions that use ``remembered`` compute each answer once; outside it they compute every time,
so a test or a view that changes data and asks again never reads an old answer.

Only for pages that read: a scope does not see its own writes.
"""

import contextlib
import contextvars
from collections.abc import Callable, Hashable, Iterator
from typing import TypeVar

T = TypeVar("T")

_answers: contextvars.ContextVar[dict | None] = contextvars.ContextVar("memo", default=None)


@contextlib.contextmanager
def scope() -> Iterator[None]:
    """Remember answers until the block ends (nested scopes share the outer one's answers)."""
    if _answers.get() is not None:
        yield
        return
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def active() -> bool:
    return _answers.get() is not None


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per ``key`` inside a scope; every time outside one."""
    answers = _answers.get()
    if answers is None:
        return compute()
    if key not in answers:
        answers[key] = compute()
    return answers[key]
