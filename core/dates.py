"""Date arithmetic by calendar years, in one place (issue 14).

``date.replace(year=…)`` raises ValueError for 29 February when the target year is not a leap
year; a Kreistag decision of 29.02.2024 took the dashboard down with HTTP 500. Every year-based
computation (the age of the concept in force, work periods, the Fortschreibung's due date in a
prefilled Vorlage) goes through ``add_years``.
"""

import datetime


def add_years(day: datetime.date, years: int) -> datetime.date:
    """``day`` moved by ``years`` calendar years (negative moves back).

    Convention: same day and month; 29 February becomes 28 February in a year without one —
    the month-end rule of BGB § 188 Abs. 3 ("Fehlt bei einer nach Monaten bemessenen Frist in
    dem letzten Monat der für ihren Ablauf maßgebende Tag, so endet die Frist mit dem Ablauf des
    letzten Tages dieses Monats"), which the courts apply to periods in years as well: the last
    day of February stands in for the missing one. The result never leaves the month, and a
    later day never gives an earlier result.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year + years, day=28)
