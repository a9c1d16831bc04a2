"""Reading a case for people: its timeline, due dates with the days left, who may
be told what. Pages and the API both read through here, so they say the same thing.

The member a case is about sees their own status and the notices sent to them, and the
reporter's name only when the reporter agreed (DESIGN "Confidentiality by design").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch

from panelkeeper.cases.models import Case, CaseEvent, CaseParty, PartyRole
from panelkeeper.cases.procedure import assess_case, policy_of
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder import Ladder, Party, key_in_words
from panelkeeper.rules.ladder.case import CaseView, DeadlineStatus, DeadlineView
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
    """One event of the timeline, with the code's words for its step, level and outcome."""

    event: CaseEvent
    step: str
    level: str
    outcome: str


def _words(key: str, found: Level | InformalStep | Outcome | None) -> str:
    """The code's label for ``key``; a key it does not name (another outcome, recorded
    with a reason) in words."""
    return found.label if found is not None else key_in_words(key)


def timeline(events: list[CaseEvent], ladder: Ladder | None) -> list[Entry]:
    """The events in the words of the code the case was raised under."""
    return [
        Entry(
            e,
            e.step and _words(e.step, ladder.step(e.step) if ladder else None),
            e.level and _words(e.level, ladder.level(e.level) if ladder else None),
            e.outcome and _words(e.outcome, ladder.outcome(e.outcome) if ladder else None),
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

    @property
    def tell_by(self) -> dt.date | None:
        """When written notice of the decision is due, where the code sets a deadline."""
        deadline = self.view.deadline("notice")
        return deadline.due if deadline is not None else None


def dues(view: CaseView, calendar: WorkingCalendar) -> list[Due]:
    return [Due(d, _left(d, view.as_of, calendar)) for d in view.deadlines]


def parties_to_tell(case: Case, policy: Policy) -> list[str]:
    """The member always; anyone else only where the code says so (BR-11: insight tells
    every party, so whoever raised it and the investigators too)."""
    told = [f"{case.member} (the member the case is about)"]
    ladder = policy.breach
    also = ladder.outcome_also_to if ladder is not None else ()
    if Party.REPORTER in also:
        reporters = [
            p.display_name
            for p in case.parties.current()
            .filter(role=PartyRole.REPORTER)
            .select_related("member", "user")
        ]
        told += [f"{name} (who raised it)" for name in reporters]
    if Party.INVESTIGATORS in also:
        seats = case.seats.current().select_related("member", "user")
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
    """The case on ``as_of``: events recorded by then, deadlines as they stood then."""
    givers = Prefetch(
        "givers", queryset=CaseParty.objects.current().select_related("member", "user")
    )
    # Every event, read once: the ladder counts them all; the timeline shows those
    # recorded by ``as_of``.
    rows = list(case.events.select_related("recorded_by").prefetch_related(givers))
    calendar = calendar_for(case.organisation)
    view = assess_case(case, as_of=as_of, rows=rows, calendar=calendar)
    events = [e for e in rows if e.recorded_on <= as_of]
    policy = policy_of(case.policy_version)
    told = parties_to_tell(case, policy)
    ladder = policy.breach
    entries = timeline(events, ladder)
    level = ""
    if view.level:
        level = _words(view.level, ladder.level(view.level) if ladder else None)
    return Reading(case, as_of, view, events, dues(view, calendar), told, entries, level)


def reporter_for_subject(case: Case) -> str | None:
    """What the subject may know of who raised it: the name only with the reporter's consent."""
    if case.reporter_consents_to_identity and case.reporter_name and not case.anonymous:
        return case.reporter_name
    return None
