"""The breach procedure as a pure function: a case as its code sees it on a date.

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

from panelkeeper.rules.breaches_apply import DATES, apply
from panelkeeper.rules.breaches_model import (
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
from panelkeeper.rules.breaches_replay import Replay
from panelkeeper.rules.calendar import WorkingCalendar
from panelkeeper.rules.ladder_model import NO_BREACH, Deadline, Effect, Ladder

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


def _entries(r: Replay, as_of: dt.date) -> list[FileEntry]:
    return [
        FileEntry(
            r.case_id,
            e.key,
            e.label,
            e.effect,
            e.start,
            e.ends,
            e.ended_by,
            e.start <= as_of and (e.ends is None or as_of < e.ends),
        )
        for e in r.effects
        if e.start <= as_of
    ]


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
        file.extend(_entries(r, as_of))
    return findings, file


def _deadline(
    r: Replay,
    key: str,
    label: str,
    rules: tuple[str, ...],
    deadline: Deadline,
    met_on: dt.date | None,
    as_of: dt.date,
) -> DeadlineView | None:
    start = r.anchors.get(deadline.start)
    if start is None:
        return None
    due = r.calendar.add(start, deadline.within, roll=r.ladder.roll_calendar_days)
    if met_on is not None:
        status = DeadlineStatus.MET
    else:
        status = DeadlineStatus.DUE if as_of <= due else DeadlineStatus.OVERDUE
    return DeadlineView(key, label, rules, start, due, deadline.target, met_on, status)


def _deadlines(r: Replay, as_of: dt.date) -> tuple[DeadlineView, ...]:
    ladder = r.ladder
    views: list[DeadlineView | None] = []
    concluded = r.decided_on or r.ended_on
    if ladder.conclude is not None and r.kind is CaseKind.BREACH:
        views.append(
            _deadline(
                r,
                "conclude",
                "Deal with the breach",
                ladder.cites("deadlines"),
                ladder.conclude,
                concluded,
                as_of,
            )
        )
    notice = r.notice_rule
    if notice is not None and r.decided_on is not None:
        sent = next((s for s, _ in r.notices if s >= r.decided_on), None)
        rules = ladder.cites("outcomes") if notice is not ladder.notice else ()
        views.append(
            _deadline(
                r,
                "notice",
                "Confirm the outcome in writing",
                tuple(dict.fromkeys((*ladder.cites("deadlines"), *rules))),
                notice,
                sent,
                as_of,
            )
        )
    appeal = ladder.appeal
    if appeal is not None and r.appeal is not None:
        cites = ladder.cites("appeal")
        if appeal.consider is not None:
            views.append(
                _deadline(
                    r,
                    "appeal_consider",
                    "Consider the appeal",
                    cites,
                    appeal.consider,
                    r.appeal.considered,
                    as_of,
                )
            )
        if appeal.decide is not None:
            views.append(
                _deadline(
                    r,
                    "appeal_decide",
                    "Send the appeal decision in writing",
                    cites,
                    appeal.decide,
                    r.appeal.decided,
                    as_of,
                )
            )
    return tuple(v for v in views if v is not None)


def _window(r: Replay, as_of: dt.date) -> AppealWindow | None:
    appeal = r.ladder.appeal
    if appeal is None or not r.appealable():
        return None
    received = r.notices[0][1] if r.notices else None
    closes = r.window_closes()
    is_open = r.appeal is None and (closes is None or as_of <= closes)
    to = r.ladder.acting_role(appeal.to, subject_is_chair=r.subject_is_chair)
    return AppealWindow(to, received, closes, is_open)


def _appeal_view(r: Replay) -> AppealView | None:
    a = r.appeal
    if a is None:
        return None
    return AppealView(
        a.lodged,
        a.late,
        a.window_closed,
        a.late_accepted,
        a.late_reason,
        a.considered,
        a.decided,
        a.result,
        a.reason,
    )


def _open_on(r: Replay, as_of: dt.date) -> tuple[NextStep, ...]:
    """The allowed steps, less lifting a suspension that has already run out by ``as_of``."""
    running = any(
        e.effect is Effect.SUSPENSION and e.ended_by is None and (e.ends is None or e.ends > as_of)
        for e in r.effects
    )
    return tuple(s for s in r.next_steps() if s.kind is not EventKind.SUSPENSION_LIFTED or running)


def _view(r: Replay, as_of: dt.date, earlier_file: Sequence[FileEntry]) -> CaseView:
    outcome = None
    if r.outcome_key is not None and r.decided_on is not None and r.outcome_effect is not None:
        outcome = RecordedOutcome(
            r.outcome_key,
            r.outcome_label or r.outcome_key,
            r.outcome_effect,
            r.decided_on,
            r.outcome_offered,
            r.outcome_reason,
        )
    level = r.level if r.level is not None else r.reported_level
    reason = r.level_reason
    if reason is None and r.reported_level is not None:
        reason = "As reported; not yet determined."
    stand_in = r.ladder.chair_stand_in if r.subject_is_chair else None
    on_offer = r.on_offer() if r.state is State.INVESTIGATING else ()
    return CaseView(
        as_of=as_of,
        kind=r.kind,
        state=r.state,
        began=r.began,
        level=level,
        level_reason=reason,
        escalated_by=r.escalated_by,
        deadlines=_deadlines(r, as_of),
        next_steps=_open_on(r, as_of),
        outcomes_on_offer=on_offer,
        outcome=outcome,
        appeal_window=_window(r, as_of),
        appeal=_appeal_view(r),
        file=(*earlier_file, *_entries(r, as_of)),
        findings=tuple(r.earlier_findings),
        chair_stand_in=stand_in,
        complaints_route=r.ladder.complaints_route,
        events=tuple(r.events),
    )


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
    return _view(replay, as_of, file)


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
            DATES, f"An event cannot take effect after {as_of.isoformat()}, the date of reading."
        )
    if proposed.recorded is not None and proposed.recorded > as_of:
        raise StepRefused(DATES, "An event cannot be recorded after the date of reading.")
    recorded = proposed if proposed.recorded is not None else _recorded(proposed, as_of)
    findings, file = _history(ladder, calendar, earlier_cases, as_of)
    replay = _replay(ladder, calendar, case_id, events, as_of, findings, file)
    # Applied after every known event, so its dates are checked against the case so far.
    apply(replay, recorded)
    return _view(replay, as_of, file)


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
