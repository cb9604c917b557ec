"""What comes due in a District: one list for the reminder e-mails, the calendar feed and the
dashboard (issue 17).

Each app that owns a date computes its own items (``concepts/due.py``, ``measures/due.py``,
``coordination/due.py``); they are registered here at start-up by the top app ``land``
(``land/apps.py``), so a feed in a lower app (``papers``) gets every item without importing
upward — the same way Django's signals let a lower app hear about higher ones.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db import models

# Days before an item is due at which its reminder is sent, and 0 = on the day. Our choice
# (issue 17 names none): a month to plan, a week to act, the day before, the day itself.
REMINDER_THRESHOLDS = (30, 7, 1, 0)
# The Land's digest reports a passed deadline once, under this threshold.
PASSED = -1
# The District's day: the reminders run in Germany whatever the server's clock says.
BERLIN = ZoneInfo("Europe/Berlin")


class DueKind(models.TextChoices):
    SUBMISSION = "frist_land", "Frist beim Land"
    CONCEPT_AGE = "konzept_alter", "Höchstalter des Konzepts"
    WORK_PERIOD = "arbeitsperiode", "Ende der Arbeitsperiode ohne Nachfolgerin"
    ROUND = "runde", "Ende einer Abstimmungsrunde"
    INDICATOR = "kennzahl", "Kennzahl ohne Messwert in der Arbeitsperiode"


@dataclass(frozen=True)
class DueItem:
    """One thing due on ``due``; ``key`` tells it apart from others of its kind in the District
    and changes when its date changes (a moved deadline is a new item)."""

    kind: str
    key: str
    due: datetime.date
    title: str
    path: str = ""

    def days_left(self, today: datetime.date) -> int:
        return (self.due - today).days

    def when(self, today: datetime.date) -> str:
        """The date in German with how far off it is."""
        days = self.days_left(today)
        if days > 1:
            left = f"in {days} Tagen"
        elif days == 1:
            left = "morgen"
        elif days == 0:
            left = "heute"
        elif days == -1:
            left = "seit gestern überschritten"
        else:
            left = f"seit {-days} Tagen überschritten"
        return f"{self.due:%d.%m.%Y} ({left})"

    @property
    def label(self) -> str:
        return DueKind(self.kind).label

    def threshold(self, today: datetime.date) -> int | None:
        """The threshold reached on ``today`` (the nearest one crossed), None before the first
        and after the day itself. A missed run (``--date`` catch-up) gives the nearest one, so
        the item is not sent once per missed threshold."""
        days = self.days_left(today)
        reached = [t for t in REMINDER_THRESHOLDS if 0 <= days <= t]
        return min(reached) if reached else None


Provider = Callable[[object, datetime.date], list[DueItem]]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    """Add a function ``(district, today) -> [DueItem]`` (called from an AppConfig.ready)."""
    if provider not in _providers:
        _providers.append(provider)


def due_items(district, today: datetime.date, *, within: int | None = None) -> list[DueItem]:
    """Every registered item of ``district``, soonest first; ``within`` keeps those due in at
    most that many days (passed ones included)."""
    items = [item for provider in _providers for item in provider(district, today)]
    if within is not None:
        items = [item for item in items if item.days_left(today) <= within]
    return sorted(items, key=lambda item: (item.due, item.kind, item.key))


def berlin_today() -> datetime.date:
    return datetime.datetime.now(BERLIN).date()
