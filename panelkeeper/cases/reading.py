"""Reading a case for people: its timeline, due dates with the days left, who may
be told what. Pages and the API both read through here, so they say the same thing.

The member a case is about sees their own status and the notices sent to them, and the
reporter's name only when the reporter agreed (DESIGN "Confidentiality by design").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from panelkeeper.cases.models import (
    PARTY_ORDER,
    SEAT_ORDER,
    Case,
    CaseEvent,
    CaseParty,
    PartyRole,
    Seat,
)
from panelkeeper.cases.procedure import assess_case, history_of, policy_of
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder import Ladder, Party, key_in_words
from panelkeeper.rules.ladder.case import CaseView, DeadlineStatus, DeadlineView, EventKind
from panelkeeper.rules.ladder.model import InformalStep, Level, Outcome
from panelkeeper.rules.ladder.planner import LATEST
from panelkeeper.rules.policy.loader import Policy


@dataclass(frozen=True)
class Due:
    deadline: DeadlineView
    left: int | None
    """From ``as_of`` to the due date in the deadline's own unit: working days for a
    working-day deadline, calendar days otherwise (negative once overdue); None once met."""

    @property
    def working_days_left(self) -> int | None:
        """Only for a deadline counted in working days."""
        return self.left if self.deadline.working_days else None

    @property
    def days_left(self) -> int | None:
        """Only for a deadline counted in calendar days, weeks or months."""
        return None if self.deadline.working_days else self.left

    @property
    def overdue(self) -> bool:
        return self.deadline.status is DeadlineStatus.OVERDUE


def days_left(due: dt.date, working_days: bool, as_of: dt.date, calendar: WorkingCalendar) -> int:
    """From ``as_of`` to ``due`` in working days, or else in calendar days; negative once
    overdue."""
    if working_days:
        return calendar.working_days_between(as_of, due)
    return (due - as_of).days


def _left(deadline: DeadlineView, as_of: dt.date, calendar: WorkingCalendar) -> int | None:
    if deadline.met_on is not None:
        return None
    return days_left(deadline.due, deadline.working_days, as_of, calendar)


@dataclass(frozen=True)
class Entry:
    """One event of the timeline, with the code's words for its step, level and outcome,
    and who gave the step (those still on the case), by name."""

    event: CaseEvent
    step: str
    level: str
    outcome: str
    given_by: tuple[str, ...]


def _words(key: str, found: Level | InformalStep | Outcome | None) -> str:
    """The code's label for ``key``; a key it does not name (another outcome, recorded
    with a reason) in words."""
    return found.label if found is not None else key_in_words(key)


def timeline(
    events: list[CaseEvent], ladder: Ladder | None, parties: list[CaseParty]
) -> list[Entry]:
    """The events in the words of the code the case was raised under; a step's givers
    are found among ``parties`` (the case's current parties, in their order)."""
    givers: dict[int, list[str]] = defaultdict(list)
    for party in parties:
        if party.step_id is not None:
            givers[party.step_id].append(party.display_name)
    return [
        Entry(
            e,
            e.step and _words(e.step, ladder.step(e.step) if ladder else None),
            e.level and _words(e.level, ladder.level(e.level) if ladder else None),
            e.outcome and _words(e.outcome, ladder.outcome(e.outcome) if ladder else None),
            tuple(givers.get(e.pk, ())),
        )
        for e in events
    ]


@dataclass(frozen=True)
class Reading:
    case: Case
    as_of: dt.date
    view: CaseView
    events: list[CaseEvent]
    dues: list[Due]
    parties_to_tell: list[str]
    """Who must be told of the outcome in writing (BR-11)."""
    timeline: list[Entry]
    level: str
    """The case's level in the code's words; "" when it has none."""
    parties: list[CaseParty]
    """Everyone ever involved, those since taken off too, with their members and users."""
    seats: list[Seat]
    """Every seat ever filled, those since released too, each with its release."""
    group_convened: bool
    """Whether the investigating group has been convened, by any event recorded so far
    (its seats are then fixed)."""

    @property
    def current_parties(self) -> list[CaseParty]:
        """Those still involved, as ``CaseParty.objects.current()`` finds them."""
        return [p for p in self.parties if p.removed_on is None]

    @property
    def removed_parties(self) -> list[CaseParty]:
        return [p for p in self.parties if p.removed_on is not None]

    @property
    def current_seats(self) -> list[Seat]:
        """The group as it stands, as ``Seat.objects.current()`` finds it."""
        return [s for s in self.seats if not s.is_released]

    @property
    def released_seats(self) -> list[Seat]:
        return [s for s in self.seats if s.is_released]

    @property
    def tell_by(self) -> dt.date | None:
        """When written notice of the decision is due, where the code sets a deadline."""
        deadline = self.view.deadline("notice")
        return deadline.due if deadline is not None else None


def dues(view: CaseView, calendar: WorkingCalendar) -> list[Due]:
    return [Due(d, _left(d, view.as_of, calendar)) for d in view.deadlines]


def parties_to_tell(
    case: Case, policy: Policy, *, parties: list[CaseParty], seats: list[Seat]
) -> list[str]:
    """The member always; anyone else only where the code says so (BR-11: insight tells
    every party, so whoever raised it and the investigators too). ``parties`` and
    ``seats`` are the case's current ones, in their order."""
    told = [f"{case.member} (the member the case is about)"]
    ladder = policy.breach
    also = ladder.outcome_also_to if ladder is not None else ()
    if Party.REPORTER in also:
        reporters = [p.display_name for p in parties if p.role == PartyRole.REPORTER]
        told += [f"{name} (who raised it)" for name in reporters]
    if Party.INVESTIGATORS in also:
        names = dict.fromkeys(seat.person_name for seat in seats)
        told += [f"{name} (who investigated it)" for name in names]
    return told


def reading_day(asked: dt.date | None, *, today: dt.date) -> dt.date:
    """The day to read a case on: ``asked``, or ``today`` when none is asked.

    A day up to today reads the case as it stood then; a later day is a projection: what
    will be due and overdue on it if nothing more is recorded (DESIGN "The API": ``as_of``
    reads are history up to today and a marked projection after it). Pages and the API
    both ask here, so they accept the same days; one past the planner's range is refused.
    """
    if asked is None:
        return today
    if asked > LATEST:
        raise Refused(
            f"Choose a date no later than {day_month_year(LATEST)}",
            rule="validation",
            field="as_of",
        )
    return asked


def read_case(case: Case, *, as_of: dt.date) -> Reading:
    """The case on ``as_of``: events recorded by then, deadlines as they stood then.

    Its events, parties and seats are each read once, in one query apiece (ordered
    within the case, so without joining the case row to order by it); what is said of
    the givers of a step, whom to tell and who sits is found among them."""
    # Every event: the ladder counts them all; the timeline shows those recorded by
    # ``as_of``. The member's earlier cases, for the ladder, with them.
    rows, earlier = history_of(case)
    parties = list(case.parties.select_related("member", "user").order_by(*PARTY_ORDER))
    seats = list(case.seats.select_related("member", "user", "release").order_by(*SEAT_ORDER))
    calendar = calendar_for(case.organisation)
    view = assess_case(case, as_of=as_of, rows=rows, earlier=earlier, calendar=calendar)
    events = [e for e in rows if e.recorded_on <= as_of]
    policy = policy_of(case.policy_version)
    current = [p for p in parties if p.removed_on is None]
    sitting = [s for s in seats if not s.is_released]
    told = parties_to_tell(case, policy, parties=current, seats=sitting)
    ladder = policy.breach
    entries = timeline(events, ladder, current)
    level = ""
    if view.level:
        level = _words(view.level, ladder.level(view.level) if ladder else None)
    convened = any(e.kind == EventKind.GROUP_CONVENED for e in rows)
    return Reading(
        case,
        as_of,
        view,
        events,
        dues(view, calendar),
        told,
        entries,
        level,
        parties,
        seats,
        convened,
    )


def reporter_for_subject(case: Case) -> str | None:
    """What the subject may know of who raised it: the name only with the reporter's consent."""
    if case.reporter_consents_to_identity and case.reporter_name and not case.anonymous:
        return case.reporter_name
    return None
