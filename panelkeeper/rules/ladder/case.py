"""A breach case on the ladder as a pure function: the case as its code sees it on a date.

Public API (the breach-cases app calls these and nothing else for rule decisions):

* :func:`assess` ``(ladder, events, *, calendar, as_of, case_id="", earlier_cases=())``
  returns a :class:`CaseView`: state, level and why (naming the earlier case that
  escalated it), every deadline with its due date and met/due/overdue on ``as_of``, the
  steps allowed next, the outcomes on offer, the appeal window, and the member's file.
* :func:`check_next` ``(ladder, events, proposed, *, calendar, as_of, ...)`` raises
  :class:`StepRefused` naming the rule the proposed event breaks, or returns the view the
  case would have with it.
* :func:`assess_policy` / :func:`check_next_policy` do the same from a loaded policy.

Events recorded after ``as_of`` are invisible, even when they took effect earlier.
What time alone changes (overdue, a window lapsed, guidance off file) is computed from
``as_of``, never stored. Dates are counted only through :mod:`panelkeeper.rules.calendar`.

Rules: BR-0 to BR-13, COI-4, MEM-9, MTG-2 and Interpretations 1 to 5 and 8 to 10 of
``CLAUSES.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder.apply import DATES, apply
from panelkeeper.rules.ladder.case_model import (
    AppealResult,
    AppealView,
    AppealWindow,
    CaseKind,
    CaseView,
    DeadlineStatus,
    DeadlineView,
    EarlierCase,
    Event,
    EventKind,
    FileEntry,
    Finding,
    NextStep,
    RecordedOutcome,
    State,
    StepRefused,
)
from panelkeeper.rules.ladder.model import NO_BREACH, Ladder
from panelkeeper.rules.ladder.replay import Replay
from panelkeeper.rules.ladder.view import entries, view

__all__ = [
    "AppealResult",
    "AppealView",
    "AppealWindow",
    "CaseKind",
    "CaseView",
    "DeadlineStatus",
    "DeadlineView",
    "EarlierCase",
    "Event",
    "EventKind",
    "FileEntry",
    "Finding",
    "NextStep",
    "RecordedOutcome",
    "State",
    "StepRefused",
    "assess",
    "assess_policy",
    "check_next",
    "check_next_policy",
]


class HasLadder(Protocol):
    """What :func:`assess_policy` needs of a policy: its ladder and its working calendar."""

    @property
    def breach(self) -> Ladder | None: ...

    def working_calendar(self) -> WorkingCalendar: ...


def _ordered(events: Sequence[Event], as_of: dt.date) -> list[Event]:
    """The events known on ``as_of``, in order of effect (ties keep the order given)."""
    visible = [e for e in events if e.recorded_on <= as_of]
    return sorted(visible, key=lambda e: e.effective)


def _replay(
    ladder: Ladder,
    calendar: WorkingCalendar,
    case_id: str,
    events: Sequence[Event],
    as_of: dt.date,
    findings: Sequence[Finding],
    file: Sequence[FileEntry],
) -> Replay:
    replay = Replay(ladder, calendar, case_id, findings, file)
    for event in _ordered(events, as_of):
        apply(replay, event)
    return replay


def _finding(r: Replay) -> Finding | None:
    if r.determined is None or r.determined == NO_BREACH or r.determined_on is None:
        return None
    if r.overturned or r.state is State.WITHDRAWN:
        return None
    return Finding(r.case_id, r.determined, r.determined_on)


def _history(
    ladder: Ladder,
    calendar: WorkingCalendar,
    earlier: Sequence[EarlierCase],
    as_of: dt.date,
) -> tuple[list[Finding], list[FileEntry]]:
    """Findings and file entries of the member's earlier cases, each read on ``as_of``."""
    findings: list[Finding] = []
    file: list[FileEntry] = []

    def began(case: EarlierCase) -> dt.date:
        return min((e.effective for e in case.events), default=dt.date.max)

    for case in sorted(earlier, key=began):
        r = _replay(
            case.ladder or ladder, calendar, case.case_id, case.events, as_of, findings, file
        )
        found = _finding(r)
        if found is not None:
            findings.append(found)
        file.extend(entries(r, as_of))
    return findings, file


def assess(
    ladder: Ladder,
    events: Sequence[Event],
    *,
    calendar: WorkingCalendar,
    as_of: dt.date,
    case_id: str = "",
    earlier_cases: Sequence[EarlierCase] = (),
) -> CaseView:
    """The case on ``as_of`` under ``ladder``: what was known, and what was due.

    ``events`` may be in any order and may include events recorded after ``as_of``
    (ignored). ``earlier_cases`` are the member's other cases; their findings escalate
    (Interpretation 5) and their warnings, guidance and suspensions make up the member's
    file. Raises :class:`StepRefused` if the events break the ladder.
    """
    findings, file = _history(ladder, calendar, earlier_cases, as_of)
    replay = _replay(ladder, calendar, case_id, events, as_of, findings, file)
    return view(replay, as_of, file)


def check_next(
    ladder: Ladder,
    events: Sequence[Event],
    proposed: Event,
    *,
    calendar: WorkingCalendar,
    as_of: dt.date,
    case_id: str = "",
    earlier_cases: Sequence[EarlierCase] = (),
) -> CaseView:
    """Check ``proposed`` against the case on ``as_of`` (normally today).

    Raises :class:`StepRefused` naming the rule broken: a step out of order, an outcome
    not on offer without a reason (Interpretation 8), a date before the case began, an
    effective date after ``as_of``. Returns the case as it would be with the event.
    """
    if proposed.effective > as_of:
        raise StepRefused(
            DATES,
            f"An event cannot take effect after {day_month_year(as_of)}, the date of reading.",
        )
    if proposed.recorded is not None and proposed.recorded > as_of:
        raise StepRefused(DATES, "An event cannot be recorded after the date of reading.")
    recorded = proposed if proposed.recorded is not None else _recorded(proposed, as_of)
    findings, file = _history(ladder, calendar, earlier_cases, as_of)
    replay = _replay(ladder, calendar, case_id, events, as_of, findings, file)
    # Applied after every known event, so its dates are checked against the case so far.
    apply(replay, recorded)
    return view(replay, as_of, file)


def _recorded(event: Event, on: dt.date) -> Event:
    return replace(event, recorded=on)


def _ladder_of(policy: HasLadder) -> Ladder:
    if policy.breach is None:
        raise StepRefused("BR-3", "This code of conduct defines no breach procedure.")
    return policy.breach


def assess_policy(
    policy: HasLadder,
    events: Sequence[Event],
    *,
    as_of: dt.date,
    case_id: str = "",
    earlier_cases: Sequence[EarlierCase] = (),
    calendar: WorkingCalendar | None = None,
) -> CaseView:
    """:func:`assess` with the policy's ladder and (unless given) its working calendar."""
    return assess(
        _ladder_of(policy),
        events,
        calendar=calendar or policy.working_calendar(),
        as_of=as_of,
        case_id=case_id,
        earlier_cases=earlier_cases,
    )


def check_next_policy(
    policy: HasLadder,
    events: Sequence[Event],
    proposed: Event,
    *,
    as_of: dt.date,
    case_id: str = "",
    earlier_cases: Sequence[EarlierCase] = (),
    calendar: WorkingCalendar | None = None,
) -> CaseView:
    """:func:`check_next` with the policy's ladder and (unless given) its working calendar."""
    return check_next(
        _ladder_of(policy),
        events,
        proposed,
        calendar=calendar or policy.working_calendar(),
        as_of=as_of,
        case_id=case_id,
        earlier_cases=earlier_cases,
    )
