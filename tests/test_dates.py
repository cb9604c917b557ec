"""The one date helper for calendar years (core.dates.add_years), over a whole leap cycle."""

import datetime

import pytest

from core.dates import add_years

START = datetime.date(2023, 1, 1)
# 1461 consecutive days = four years with exactly one 29 February (2024).
CYCLE = [START + datetime.timedelta(days=n) for n in range(1461)]


@pytest.mark.parametrize("years", [-5, -4, -3, -1, 0, 1, 2, 3, 4, 5, 8, 100])
def test_every_day_of_a_leap_cycle(years):
    results = [add_years(day, years) for day in CYCLE]
    assert any(day == datetime.date(2024, 2, 29) for day in CYCLE)
    for day, result in zip(CYCLE, results, strict=True):
        # A valid date (a datetime.date cannot be anything else), in the target year…
        assert isinstance(result, datetime.date)
        assert result.year == day.year + years
        # …in the same month, on the same day – except 29 February into a year without one.
        assert result.month == day.month
        if (day.month, day.day) == (2, 29) and result.year % 4 != 0:
            assert result.day == 28
        else:
            assert result.day == day.day
    # Monotonic: a later day never gives an earlier result.
    assert all(a <= b for a, b in zip(results, results[1:], strict=False))


def test_29_february_examples():
    leap_day = datetime.date(2024, 2, 29)
    assert add_years(leap_day, 3) == datetime.date(2027, 2, 28)
    assert add_years(leap_day, 4) == datetime.date(2028, 2, 29)
    assert add_years(leap_day, -1) == datetime.date(2023, 2, 28)
    assert add_years(datetime.date(2023, 3, 1), 1) == datetime.date(2024, 3, 1)
