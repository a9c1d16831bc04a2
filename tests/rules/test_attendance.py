"""Apologies on time or late (MTG-1, Interpretation 7), runs of missed meetings (MTG-2,
Interpretation 6), attendance summaries and majority outcomes (MTG-3)."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from panelkeeper.rules.attendance import (
    AbsenceRun,
    Outcome,
    Presence,
    Seat,
    Standing,
    Vote,
    apologies_are_late,
    apologies_due_by,
    current_absence_run,
    majority_outcome,
    passes_limit,
    summarise,
)
from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar

D = dt.date
ENGLAND = WorkingCalendar(Region.ENG)
TWO_WORKING_DAYS = Duration(2, Unit.WORKING_DAYS)

# The suite shares busy machines; a slow example is not a failure of these rules.
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

PRESENT, APOLOGIES, ABSENT = Presence.PRESENT, Presence.APOLOGIES, Presence.ABSENT
EXPECTED = Standing.EXPECTED


def monthly(*presences: Presence | None, standing: dict[int, Standing] | None = None) -> list[Seat]:
    """Seats at meetings on the 10th of each month of 2026, in order."""
    standing = standing or {}
    return [
        Seat(D(2026, 1 + i, 10), standing.get(i, EXPECTED), presence)
        for i, presence in enumerate(presences)
    ]


# -- apologies (MTG-1, Interpretation 7) -------------------------------------------


@pytest.mark.parametrize(
    ("meeting", "due"),
    [
        (D(2026, 11, 26), D(2026, 11, 24)),  # Thursday → Tuesday
        (D(2026, 11, 24), D(2026, 11, 20)),  # Tuesday → the Friday before, over a weekend
        (D(2026, 12, 29), D(2026, 12, 23)),  # over Christmas and Boxing Day (observed 28th)
        (D(2027, 1, 5), D(2026, 12, 31)),  # over New Year's Day, across the turn of the year
        (D(2027, 3, 31), D(2027, 3, 25)),  # over Good Friday and Easter Monday 2027
    ],
)
def test_apologies_are_due_two_working_days_before_the_meeting_mtg_1(
    meeting: dt.date, due: dt.date
) -> None:
    assert apologies_due_by(meeting, TWO_WORKING_DAYS, ENGLAND) == due


def test_a_closure_day_pushes_the_apologies_deadline_earlier_mtg_1() -> None:
    calendar = WorkingCalendar(Region.ENG, [D(2026, 11, 25)])
    assert apologies_due_by(D(2026, 11, 26), TWO_WORKING_DAYS, calendar) == D(2026, 11, 23)


def test_apologies_after_the_notice_are_late_but_on_the_last_day_are_not_interpretation_7() -> None:
    on_time = dict(meeting=D(2026, 11, 26), notice=TWO_WORKING_DAYS, calendar=ENGLAND)
    assert not apologies_are_late(given_on=D(2026, 11, 24), **on_time)  # type: ignore[arg-type]
    assert apologies_are_late(given_on=D(2026, 11, 25), **on_time)  # type: ignore[arg-type]
    assert apologies_are_late(given_on=D(2026, 11, 26), **on_time)  # type: ignore[arg-type]


def test_calendar_day_notice_counts_back_plain_days_mtg_1() -> None:
    assert apologies_due_by(D(2026, 12, 28), Duration(3, Unit.DAYS), ENGLAND) == D(2026, 12, 25)


@pytest.mark.parametrize(
    ("notice", "due"),
    [
        (Duration(1, Unit.WEEKS), D(2027, 3, 24)),
        (Duration(2, Unit.WEEKS), D(2027, 3, 17)),
        # A month back from the 31st ends on the last day of the shorter month.
        (Duration(1, Unit.MONTHS), D(2027, 2, 28)),
        (Duration(2, Unit.MONTHS), D(2027, 1, 31)),
        (Duration(1, Unit.YEARS), D(2026, 3, 31)),
        (Duration(2, Unit.YEARS), D(2025, 3, 31)),
    ],
)
def test_a_notice_in_weeks_months_or_years_counts_back_the_calendar_mtg_1(
    notice: Duration, due: dt.date
) -> None:
    assert apologies_due_by(D(2027, 3, 31), notice, ENGLAND) == due


def test_without_a_notice_apologies_are_late_only_after_the_meeting_mtg_1() -> None:
    assert apologies_due_by(D(2026, 11, 26), None, ENGLAND) is None
    late = dict(meeting=D(2026, 11, 26), notice=None, calendar=ENGLAND)
    assert not apologies_are_late(given_on=D(2026, 11, 26), **late)  # type: ignore[arg-type]
    assert apologies_are_late(given_on=D(2026, 11, 27), **late)  # type: ignore[arg-type]


@RELAXED
@given(st.dates(D(2020, 1, 1), D(2030, 12, 31)), st.integers(0, 10))
def test_apologies_deadline_is_exactly_the_notice_in_working_days_interpretation_7(
    meeting: dt.date, amount: int
) -> None:
    due = apologies_due_by(meeting, Duration(amount, Unit.WORKING_DAYS), ENGLAND)
    assert due is not None and due <= meeting
    if amount == 0:
        assert due == meeting
        return
    # The due day is itself the last of the ``amount`` working days before the meeting.
    assert ENGLAND.is_working_day(due)
    before_meeting = ENGLAND.working_days_between(due, meeting - dt.timedelta(days=1))
    assert before_meeting + 1 == amount


# -- runs of missed meetings (MTG-2, Interpretation 6) ------------------------------


def test_the_third_absence_in_a_row_passes_a_limit_of_two_mtg_2() -> None:
    two = current_absence_run(monthly(PRESENT, ABSENT, APOLOGIES))
    three = current_absence_run(monthly(PRESENT, ABSENT, APOLOGIES, ABSENT))
    assert two.count == 2 and not passes_limit(two, 2)
    assert three.count == 3 and passes_limit(three, 2)
    assert three.meetings == (D(2026, 2, 10), D(2026, 3, 10), D(2026, 4, 10))


def test_apologies_count_as_missed_meetings_interpretation_6() -> None:
    run = current_absence_run(monthly(APOLOGIES, APOLOGIES, APOLOGIES))
    assert run.count == 3


def test_a_code_may_count_only_absences_without_apologies_mtg_2() -> None:
    run = current_absence_run(monthly(ABSENT, APOLOGIES, ABSENT), count_with_apologies=False)
    assert run.count == 1


def test_attending_ends_the_run_mtg_2() -> None:
    assert current_absence_run(monthly(ABSENT, ABSENT, PRESENT)).count == 0
    assert current_absence_run(monthly(ABSENT, ABSENT, PRESENT, ABSENT)).count == 1


def test_cancelled_meetings_neither_count_nor_break_the_run_interpretation_6() -> None:
    seats = monthly(ABSENT, None, ABSENT, standing={1: Standing.CANCELLED})
    assert current_absence_run(seats).count == 2
    seats = monthly(ABSENT, PRESENT, ABSENT, standing={1: Standing.CANCELLED})
    assert current_absence_run(seats).count == 2


def test_meetings_during_a_suspension_do_not_count_interpretation_6() -> None:
    seats = monthly(ABSENT, ABSENT, None, None, ABSENT)
    suspended = {2: Standing.SUSPENDED, 3: Standing.SUSPENDED}
    assert current_absence_run(monthly(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT)).count == 5
    seats = monthly(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, standing=suspended)
    assert current_absence_run(seats).count == 3
    seats = monthly(
        ABSENT, None, None, ABSENT, standing={1: Standing.SUSPENDED, 2: Standing.SUSPENDED}
    )
    assert not passes_limit(current_absence_run(seats), 2)


def test_meetings_before_joining_do_not_count_mtg_2() -> None:
    seats = monthly(ABSENT, ABSENT, ABSENT, standing={0: Standing.NOT_A_MEMBER})
    assert current_absence_run(seats).count == 2


def test_a_late_record_of_attendance_takes_its_place_in_date_order_mtg_2() -> None:
    """Attendance at February's meeting entered after April's: the run is re-read by date."""
    before = monthly(ABSENT, None, ABSENT, ABSENT)
    assert current_absence_run(before).count == 3  # February not yet recorded: skipped
    present_in_feb = monthly(ABSENT, PRESENT, ABSENT, ABSENT)
    assert current_absence_run(present_in_feb).count == 2
    absent_in_feb = monthly(ABSENT, ABSENT, ABSENT, ABSENT)
    assert current_absence_run(list(reversed(absent_in_feb))).count == 4


def test_a_member_whose_circumstances_were_accepted_starts_afresh_mtg_2() -> None:
    seats = monthly(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT)
    run = current_absence_run(seats, fresh_after=D(2026, 3, 10))
    assert run.count == 2 and not passes_limit(run, 2)
    seats = monthly(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT)
    assert passes_limit(current_absence_run(seats, fresh_after=D(2026, 3, 10)), 2)


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^the limit of consecutive absences must be 1 or more$"):
        passes_limit(AbsenceRun(()), 0)


SEATS = st.builds(
    Seat,
    st.dates(D(2020, 1, 1), D(2030, 12, 31)),
    st.sampled_from(Standing),
    st.one_of(st.none(), st.sampled_from(Presence)),
    st.booleans(),
)


@RELAXED
@given(st.lists(SEATS, max_size=40))
def test_a_run_never_holds_more_than_the_counted_missed_meetings_mtg_2(seats: list[Seat]) -> None:
    run = current_absence_run(seats)
    missed = [s for s in seats if s.counts and s.presence is not Presence.PRESENT]
    assert run.count <= len(missed)
    assert list(run.meetings) == sorted(run.meetings)


@RELAXED
@given(st.lists(SEATS, max_size=40), st.dates(D(2020, 1, 1), D(2030, 12, 31)))
def test_cancelled_or_suspended_seats_never_change_the_run_interpretation_6(
    seats: list[Seat], day: dt.date
) -> None:
    dated = {s.meeting_date for s in seats}
    if day in dated:
        return
    extra = [Seat(day, Standing.CANCELLED, ABSENT), Seat(day, Standing.SUSPENDED, ABSENT)]
    assert current_absence_run(seats + extra[:1]) == current_absence_run(seats)
    assert current_absence_run(seats + extra[1:]) == current_absence_run(seats)


@RELAXED
@given(st.lists(SEATS, max_size=40))
def test_the_order_seats_arrive_in_does_not_matter_mtg_2(seats: list[Seat]) -> None:
    unique = list({s.meeting_date: s for s in seats}.values())
    assert current_absence_run(unique) == current_absence_run(list(reversed(unique)))


# -- summaries -----------------------------------------------------------------------


def test_a_summary_gives_the_counts_behind_the_share() -> None:
    seats = monthly(PRESENT, APOLOGIES, ABSENT, PRESENT, None, standing={3: Standing.CANCELLED})
    seats[1] = Seat(seats[1].meeting_date, EXPECTED, APOLOGIES, late_apologies=True)
    summary = summarise(seats)
    assert (summary.expected, summary.attended, summary.apologies) == (4, 1, 1)
    assert (summary.late_apologies, summary.absent, summary.not_recorded) == (1, 1, 1)
    assert summary.in_words == "attended 1 of 4 meetings expected (25%)"


def test_a_summary_with_nothing_expected_says_so() -> None:
    assert summarise([]).in_words == "no meetings expected"


@RELAXED
@given(st.lists(SEATS, max_size=40))
def test_a_summarys_counts_add_up_to_the_meetings_expected(seats: list[Seat]) -> None:
    s = summarise(seats)
    assert s.attended + s.apologies + s.absent + s.not_recorded == s.expected
    assert s.late_apologies <= s.apologies


# -- decisions (MTG-3) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("votes", "outcome"),
    [
        ([Vote.FOR, Vote.FOR, Vote.AGAINST], Outcome.CARRIED),
        ([Vote.FOR, Vote.AGAINST], Outcome.NOT_CARRIED),
        ([Vote.FOR, Vote.ABSTAIN, Vote.ABSTAIN], Outcome.CARRIED),
        ([Vote.ABSTAIN], Outcome.NOT_CARRIED),
        ([], Outcome.NOT_CARRIED),
    ],
)
def test_a_simple_majority_of_votes_cast_carries_a_motion_mtg_3(
    votes: list[Vote], outcome: Outcome
) -> None:
    assert majority_outcome(votes) is outcome
