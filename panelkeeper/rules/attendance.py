"""Attendance at meetings: apologies on time or late, runs of missed meetings, summaries.

Pure functions over plain values (STYLE 5); the meetings app turns its rows into
:class:`Seat` values and asks these questions, passing ``today`` and the calendar in.

- MTG-1, Interpretation 7: apologies are due a notice period before the meeting (for
  insight, 2 working days, counted back through the organisation's working calendar).
  Apologies given later are still apologies, marked late.
- MTG-2, Interpretation 6: a meeting the member was expected at and did not attend
  counts towards a run of missed meetings, apologies or not (unless the code says only
  absences without apologies count). Cancelled meetings, meetings before the member
  joined or after they left, and meetings while they were suspended neither count nor
  break the run. Missing more than the limit opens a decision: with a limit of 2 the
  third missed meeting in a row opens it. A member whose exceptional circumstances were
  accepted starts afresh after the last meeting of the run that was excused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.calendar.working_days import WorkingCalendar, add_months


class Presence(StrEnum):
    """How a member stood at one meeting (MTG-1)."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"  # absent without apologies


class Standing(StrEnum):
    """Why a member was or was not expected at a meeting (Interpretation 6)."""

    EXPECTED = "expected"
    NOT_A_MEMBER = "not_a_member"  # before they joined or after they left
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"  # the meeting itself was cancelled


@dataclass(frozen=True)
class Seat:
    """One meeting as it concerns one member.

    ``presence`` is None while nothing is recorded for them (a meeting still to come, or
    one whose attendance is yet to be entered): such a meeting neither counts nor breaks
    a run, so a record entered late takes its place in date order when it arrives.
    """

    meeting_date: dt.date
    standing: Standing
    presence: Presence | None
    late_apologies: bool = False

    @property
    def counts(self) -> bool:
        return self.standing is Standing.EXPECTED and self.presence is not None


# -- apologies (MTG-1, Interpretation 7) -------------------------------------------


def _back(calendar: WorkingCalendar, meeting: dt.date, notice: Duration) -> dt.date:
    amount = notice.amount
    match notice.unit:
        case Unit.WORKING_DAYS:
            day = meeting
            while amount:
                day -= dt.timedelta(days=1)
                if calendar.is_working_day(day):
                    amount -= 1
            return day
        case Unit.DAYS:
            return meeting - dt.timedelta(days=amount)
        case Unit.WEEKS:
            return meeting - dt.timedelta(weeks=amount)
        case Unit.MONTHS:
            return add_months(meeting, -amount)
        case Unit.YEARS:
            return add_months(meeting, -12 * amount)


def apologies_due_by(
    meeting: dt.date, notice: Duration | None, calendar: WorkingCalendar
) -> dt.date | None:
    """The last day apologies for a meeting on ``meeting`` are on time (MTG-1).

    Counting back from the meeting, the meeting day itself not counted: with a notice of
    2 working days, apologies for a Thursday meeting are due by the Tuesday, and for a
    Tuesday meeting by the Friday before (Interpretation 7). None when the code sets no
    notice: any apologies before the meeting are on time.
    """
    if notice is None:
        return None
    return _back(calendar, meeting, notice)


def apologies_are_late(
    *,
    given_on: dt.date,
    meeting: dt.date,
    notice: Duration | None,
    calendar: WorkingCalendar,
) -> bool:
    """Whether apologies given on ``given_on`` came after the code's notice (MTG-1).

    Without a notice, only apologies given after the meeting day are late. Late
    apologies remain apologies (Interpretation 7); this only marks them.
    """
    due = apologies_due_by(meeting, notice, calendar)
    if due is None:
        return given_on > meeting
    return given_on > due


# -- runs of missed meetings (MTG-2, Interpretation 6) -----------------------------


@dataclass(frozen=True)
class AbsenceRun:
    """The member's current run of missed meetings, most recent last."""

    meetings: tuple[dt.date, ...]

    @property
    def count(self) -> int:
        return len(self.meetings)

    @property
    def last(self) -> dt.date | None:
        return self.meetings[-1] if self.meetings else None


def _missed(seat: Seat, count_with_apologies: bool) -> bool | None:
    """True if the seat extends a run, False if it breaks one, None if it does neither."""
    if not seat.counts:
        return None
    if seat.presence is Presence.PRESENT:
        return False
    # Where only absences without apologies count, an apologised one ends the run of them.
    return not (seat.presence is Presence.APOLOGIES and not count_with_apologies)


def current_absence_run(
    seats: Iterable[Seat],
    *,
    count_with_apologies: bool = True,
    fresh_after: dt.date | None = None,
) -> AbsenceRun:
    """The run of consecutive missed meetings that ends at the member's latest counted seat.

    ``seats`` may come in any order; they are read by meeting date. Seats on or before
    ``fresh_after`` are ignored: it is the last meeting of a run whose exceptional
    circumstances were accepted, after which the member starts afresh (MTG-2).
    """
    run: list[dt.date] = []
    for seat in sorted(seats, key=lambda s: s.meeting_date):
        if fresh_after is not None and seat.meeting_date <= fresh_after:
            continue
        missed = _missed(seat, count_with_apologies)
        if missed is None:
            continue
        if missed:
            run.append(seat.meeting_date)
        else:
            run.clear()
    return AbsenceRun(tuple(run))


def passes_limit(run: AbsenceRun, limit: int) -> bool:
    """Whether the run is longer than the code allows: with 2, the third opens the decision."""
    if limit < 1:
        raise ValueError("the limit of consecutive absences must be 1 or more")
    return run.count > limit


# -- summaries ---------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceSummary:
    """Counts over a period; never reduced to a bare percentage (the counts come first)."""

    expected: int
    attended: int
    apologies: int
    late_apologies: int
    absent: int
    not_recorded: int

    @property
    def in_words(self) -> str:
        """e.g. "attended 9 of 12 meetings expected (75%)"; the share only beside its counts."""
        if self.expected == 0:
            return "no meetings expected"
        share = round(100 * self.attended / self.expected)
        return f"attended {self.attended} of {self.expected} meetings expected ({share}%)"


def summarise(seats: Sequence[Seat]) -> AttendanceSummary:
    """Counts of a member's (or a group's) seats at meetings they were expected at.

    ``expected`` includes seats with nothing recorded yet, counted in ``not_recorded``;
    cancelled meetings, suspension and time outside membership are left out.
    """
    expected = [s for s in seats if s.standing is Standing.EXPECTED]
    return AttendanceSummary(
        expected=len(expected),
        attended=sum(1 for s in expected if s.presence is Presence.PRESENT),
        apologies=sum(1 for s in expected if s.presence is Presence.APOLOGIES),
        late_apologies=sum(
            1 for s in expected if s.presence is Presence.APOLOGIES and s.late_apologies
        ),
        absent=sum(1 for s in expected if s.presence is Presence.ABSENT),
        not_recorded=sum(1 for s in expected if s.presence is None),
    )


# -- decisions by vote (MTG-3) -----------------------------------------------------


class Vote(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class Outcome(StrEnum):
    CARRIED = "carried"
    NOT_CARRIED = "not_carried"  # against outnumbered or equalled for
    CONSENSUS = "consensus"


def majority_outcome(votes: Iterable[Vote]) -> Outcome:
    """A simple majority of votes cast for or against (MTG-3); abstentions are not cast.

    A tie, or no votes cast, does not carry the motion.
    """
    cast = list(votes)
    votes_for = cast.count(Vote.FOR)
    votes_against = cast.count(Vote.AGAINST)
    return Outcome.CARRIED if votes_for > votes_against else Outcome.NOT_CARRIED
