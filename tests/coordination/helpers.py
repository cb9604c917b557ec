"""Building blocks for the coordination tests: one work period per District, rounds in it."""

import datetime

from concepts.models import WorkPeriod
from tests.factories import PriorityRoundFactory, WorkPeriodFactory


def period(district, start_year: int = 2027) -> WorkPeriod:
    """The District's calendar period from ``start_year`` (created once)."""
    existing = district.work_periods.filter(start__year=start_year).first()
    return existing or WorkPeriodFactory(
        district=district,
        start=datetime.date(start_year, 1, 1),
        end=datetime.date(start_year + 1, 12, 31),
    )


def make_round(district, **kwargs):
    """A round in preparation for the 2027/28 period unless told otherwise."""
    kwargs.setdefault("work_period", period(district))
    return PriorityRoundFactory(district=district, **kwargs)
