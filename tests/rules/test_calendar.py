"""Working and calendar days (Interpretation 1), checked against dates worked by hand."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar, add_months

D = dt.date
ENGLAND = WorkingCalendar(Region.ENG)
SCOTLAND = WorkingCalendar(Region.SCT)


@pytest.mark.parametrize(
    ("calendar", "start", "expected"),
    [
        # Christmas, Boxing Day (observed Mon 28), New Year's Day (Fri 1 Jan).
        (ENGLAND, D(2026, 12, 18), D(2027, 1, 6)),
        # Scotland adds 2 January, observed on Mon 4 January 2027.
        (SCOTLAND, D(2026, 12, 18), D(2027, 1, 7)),
        # Easter 2027: Good Friday 26 March and Easter Monday 29 March in England.
        (ENGLAND, D(2027, 3, 25), D(2027, 4, 12)),
        # Scotland has Good Friday but no Easter Monday.
        (SCOTLAND, D(2027, 3, 25), D(2027, 4, 9)),
        # Christmas 2027 falls on a Saturday: both days observed on Mon 27 and Tue 28.
        (ENGLAND, D(2027, 12, 24), D(2028, 1, 12)),
    ],
)
def test_ten_working_days_skip_weekends_and_the_regions_bank_holidays(
    calendar: WorkingCalendar, start: dt.date, expected: dt.date
) -> None:
    assert calendar.add_working_days(start, 10) == expected


def test_seven_calendar_days_stay_on_christmas_day_unless_they_roll() -> None:
    """Interpretation 1: no roll by default; with the roll, the next working day."""
    assert ENGLAND.add_calendar_days(D(2026, 12, 18), 7) == D(2026, 12, 25)
    assert ENGLAND.add_calendar_days(D(2026, 12, 18), 7, roll=True) == D(2026, 12, 29)
    assert ENGLAND.add(D(2026, 12, 18), Duration(7, Unit.DAYS), roll=True) == D(2026, 12, 29)


def test_a_closure_day_is_skipped_like_a_bank_holiday() -> None:
    # Thu 24 Dec 2026 as an office closure day.
    closed = WorkingCalendar(Region.ENG, closure_days=[D(2026, 12, 24)])
    assert not closed.is_working_day(D(2026, 12, 24))
    assert closed.add_working_days(D(2026, 12, 18), 10) == D(2027, 1, 7)
    assert closed.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 29)
    assert ENGLAND.add_working_days(D(2026, 12, 23), 1) == D(2026, 12, 24)


def test_working_days_are_counted_forwards_only() -> None:
    with pytest.raises(ValueError, match="count working days forwards: count must be 0 or more"):
        ENGLAND.add_working_days(D(2026, 11, 23), -1)


def test_counting_starts_the_day_after_even_from_a_holiday_or_weekend() -> None:
    assert ENGLAND.add_working_days(D(2026, 12, 25), 1) == D(2026, 12, 29)
    assert ENGLAND.add_working_days(D(2026, 11, 21), 1) == D(2026, 11, 23)  # Saturday
    assert ENGLAND.add_working_days(D(2026, 11, 23), 0) == D(2026, 11, 23)
    assert ENGLAND.next_working_day(D(2026, 11, 27)) == D(2026, 11, 30)


def test_working_days_between_counts_what_is_left_and_signs_the_past() -> None:
    assert ENGLAND.working_days_between(D(2026, 12, 18), D(2027, 1, 6)) == 10
    assert ENGLAND.working_days_between(D(2027, 1, 6), D(2026, 12, 18)) == -10
    assert ENGLAND.working_days_between(D(2026, 12, 25), D(2026, 12, 28)) == 0
    assert ENGLAND.working_days_between(D(2026, 12, 18), D(2026, 12, 18)) == 0


def test_months_and_years_are_calendar_ones_clamped_to_the_month_end() -> None:
    assert add_months(D(2027, 1, 31), 1) == D(2027, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert ENGLAND.add(D(2026, 11, 23), Duration(12, Unit.MONTHS)) == D(2027, 11, 23)
    assert ENGLAND.add(D(2028, 2, 29), Duration(1, Unit.YEARS)) == D(2029, 2, 28)
    assert ENGLAND.add(D(2026, 11, 23), Duration(2, Unit.WEEKS)) == D(2026, 12, 7)
    # 25 Dec 2027 is a Saturday; rolled it lands after both observed holidays.
    assert ENGLAND.add(D(2026, 12, 25), Duration(1, Unit.YEARS), roll=True) == D(2027, 12, 29)


@pytest.mark.parametrize(
    ("start", "duration"),
    [
        (D(2026, 12, 18), Duration(7, Unit.DAYS)),
        (D(2026, 12, 18), Duration(1, Unit.WEEKS)),
        (D(2026, 11, 25), Duration(1, Unit.MONTHS)),
        (D(2025, 12, 25), Duration(1, Unit.YEARS)),
    ],
)
def test_every_calendar_unit_lands_on_christmas_day_and_rolls_only_when_asked_interpretation_1(
    start: dt.date, duration: Duration
) -> None:
    assert ENGLAND.add(start, duration) == D(2026, 12, 25)
    # Rolled: past Christmas Day and the Boxing Day substitute (Mon 28 Dec) to Tue 29 Dec.
    assert ENGLAND.add(start, duration, roll=True) == D(2026, 12, 29)


def reference_add(calendar: WorkingCalendar, start: dt.date, count: int) -> dt.date:
    """The plain day-by-day loop the fast arithmetic must agree with."""
    day = start
    while count:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            count -= 1
    return day


@pytest.mark.parametrize("region", list(Region))
def test_spans_of_several_years_match_a_day_by_day_count(region: Region) -> None:
    calendar = WorkingCalendar(region, closure_days=[D(2027, 12, 29), D(2030, 6, 3)])
    for start in (D(2026, 12, 18), D(2027, 3, 25), D(2027, 12, 24), D(2029, 8, 31)):
        for count in (1, 9, 10, 61, 250, 1300):
            expected = reference_add(calendar, start, count)
            assert calendar.add_working_days(start, count) == expected
            assert calendar.working_days_between(start, expected) == count


def day_by_day_between(region: Region, start: dt.date, end: dt.date) -> int:
    """Working days in ``(start, end]``, each day asked of a calendar of its own."""
    days = (start + dt.timedelta(days=n) for n in range(1, (end - start).days + 1))
    return sum(WorkingCalendar(region).is_working_day(day) for day in days)


@pytest.mark.parametrize("asked_before", [(), (2027,), (2026,), (2026, 2028), (2028, 2026)])
def test_the_count_does_not_depend_on_the_years_asked_about_before(
    asked_before: tuple[int, ...],
) -> None:
    """Holidays are looked up a year at a time; a span over years not yet looked up still
    counts every one of them (Christmas 2026, the whole of 2027)."""
    for start, end in [(D(2026, 12, 18), D(2027, 1, 6)), (D(2026, 6, 1), D(2028, 6, 1))]:
        calendar = WorkingCalendar(Region.ENG)
        for year in asked_before:
            calendar.is_working_day(D(year, 6, 1))
        expected = day_by_day_between(Region.ENG, start, end)
        assert calendar.working_days_between(start, end) == expected
        assert calendar.add_working_days(start, expected) == end


def test_a_start_that_is_not_a_weekday_is_counted_like_any_other() -> None:
    for offset in range(14):
        start = D(2026, 12, 19) + dt.timedelta(days=offset)
        for count in range(1, 12):
            assert ENGLAND.add_working_days(start, count) == reference_add(ENGLAND, start, count)


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31))
counts = st.integers(min_value=1, max_value=400)
regions = st.sampled_from(list(Region))


@given(regions, dates, counts)
def test_the_result_of_adding_working_days_is_a_working_day(
    region: Region, start: dt.date, count: int
) -> None:
    calendar = WorkingCalendar(region)
    assert calendar.is_working_day(calendar.add_working_days(start, count))


@given(regions, dates, dates, counts)
def test_a_later_start_never_gives_an_earlier_result(
    region: Region, first: dt.date, second: dt.date, count: int
) -> None:
    calendar = WorkingCalendar(region)
    early, late = sorted((first, second))
    assert calendar.add_working_days(early, count) <= calendar.add_working_days(late, count)


@given(regions, dates, counts, counts)
def test_adding_a_then_b_working_days_equals_adding_a_plus_b(
    region: Region, start: dt.date, a: int, b: int
) -> None:
    calendar = WorkingCalendar(region)
    stepwise = calendar.add_working_days(calendar.add_working_days(start, a), b)
    assert stepwise == calendar.add_working_days(start, a + b)


@given(regions, dates, counts)
def test_working_days_between_counts_back_what_was_added(
    region: Region, start: dt.date, count: int
) -> None:
    """The "working days left" count agrees with the arithmetic that set the due date."""
    calendar = WorkingCalendar(region, closure_days=[D(2050, 6, 1), D(2001, 3, 5)])
    due = calendar.add_working_days(start, count)
    assert calendar.working_days_between(start, due) == count
    assert calendar.working_days_between(due, start) == -count
