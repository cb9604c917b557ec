"""The two mandatory Schwerpunkte and the two-year work periods."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import ProtectedError

from concepts.models import FocusArea, WorkPeriod
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date

# --- FocusArea -----------------------------------------------------------------------------
# Eckpunktepapier (seed 002), TIntG 2012 Art. 1 § 7 Abs. 1: "Integration durch Bildung" and
# "Integration als kommunale Querschnittsaufgabe" are mandatory for every concept.


def test_exactly_the_two_mandatory_focus_areas_exist():
    assert list(FocusArea.objects.values_list("code", "name")) == [
        ("bildung", "Integration durch Bildung"),
        ("querschnitt", "Integration als kommunale Querschnittsaufgabe"),
    ]


def test_a_focus_area_cannot_be_deleted():
    with pytest.raises(ProtectedError):
        FocusArea.objects.get(code=FocusArea.Code.EDUCATION).delete()
    assert FocusArea.objects.count() == 2


def test_focus_areas_cannot_be_deleted_in_bulk():
    with pytest.raises(ProtectedError):
        FocusArea.objects.all().delete()
    with pytest.raises(ProtectedError):
        FocusArea.objects.filter(code=FocusArea.Code.CROSS_CUTTING).delete()
    assert FocusArea.objects.count() == 2


def test_a_third_focus_area_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        FocusArea.objects.create(code="sport", name="Integration durch Sport")
    assert FocusArea.objects.count() == 2


# --- WorkPeriod ----------------------------------------------------------------------------
# Seed 000 (Märkischer Kreis): Schwerpunkte "für einen Zeitraum von zwei Jahren festzulegen".


def _clean_error(period: WorkPeriod) -> str:
    with pytest.raises(ValidationError) as exc:
        period.full_clean()
    return " ".join(exc.value.messages)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2025, 1, 1), D(2025, 12, 31)),  # one year
        (D(2025, 1, 1), D(2027, 12, 31)),  # three years
        (D(2025, 1, 2), D(2027, 1, 1)),  # two years, but not starting on 1 January
    ],
)
def test_a_calendar_period_is_exactly_two_calendar_years(district, start, end):
    period = WorkPeriod(district=district, kind=WorkPeriod.Kind.CALENDAR, start=start, end=end)
    assert "genau 2 aufeinanderfolgende Kalenderjahre" in _clean_error(period)


def test_a_school_year_period_must_start_on_1_august(district):
    period = WorkPeriod(
        district=district, kind=WorkPeriod.Kind.SCHOOL, start=D(2025, 1, 1), end=D(2026, 12, 31)
    )
    assert "genau 2 aufeinanderfolgende Schuljahre" in _clean_error(period)


def test_two_school_years_are_a_valid_period(district):
    WorkPeriod(
        district=district, kind=WorkPeriod.Kind.SCHOOL, start=D(2025, 8, 1), end=D(2027, 7, 31)
    ).full_clean()


def test_overlapping_period_in_the_same_district_is_refused(district):
    factories.WorkPeriodFactory(district=district, start=D(2025, 1, 1), end=D(2026, 12, 31))
    school = WorkPeriod(
        district=district, kind=WorkPeriod.Kind.SCHOOL, start=D(2025, 8, 1), end=D(2027, 7, 31)
    )
    message = _clean_error(school)
    assert "überschneidet" in message
    assert "2025/26" in message


def test_next_period_follows_without_overlap(district):
    factories.WorkPeriodFactory(district=district, start=D(2025, 1, 1), end=D(2026, 12, 31))
    WorkPeriod(district=district, start=D(2027, 1, 1), end=D(2028, 12, 31)).full_clean()


def test_same_dates_in_another_district_are_fine(district, other_district):
    factories.WorkPeriodFactory(district=district, start=D(2025, 1, 1), end=D(2026, 12, 31))
    WorkPeriod(district=other_district, start=D(2025, 1, 1), end=D(2026, 12, 31)).full_clean()


def test_saving_a_period_again_does_not_overlap_itself(district):
    period = factories.WorkPeriodFactory(district=district)
    period.full_clean()


def test_span_gives_start_and_end_of_two_years():
    assert WorkPeriod.span(WorkPeriod.Kind.CALENDAR, 2025) == (D(2025, 1, 1), D(2026, 12, 31))
    assert WorkPeriod.span(WorkPeriod.Kind.SCHOOL, 2025) == (D(2025, 8, 1), D(2027, 7, 31))


def test_labels_as_the_seeds_write_them():
    # Seed 000: "z. B. 2013/14".
    calendar = WorkPeriod(kind=WorkPeriod.Kind.CALENDAR, start=D(2025, 1, 1), end=D(2026, 12, 31))
    assert calendar.label == "2025/26"
    assert str(calendar) == "2025/26"
    school = WorkPeriod(kind=WorkPeriod.Kind.SCHOOL, start=D(2025, 8, 1), end=D(2027, 7, 31))
    assert school.label == "Schuljahre 2025/26 und 2026/27"
    turn = WorkPeriod(kind=WorkPeriod.Kind.CALENDAR, start=D(1999, 1, 1), end=D(2000, 12, 31))
    assert turn.label == "1999/00"


def test_database_refuses_end_before_start(district):
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkPeriod.objects.create(district=district, start=D(2026, 12, 31), end=D(2025, 1, 1))
