"""Reading a replayed case into a :class:`CaseView` on a date.

Everything that time alone changes is worked out here from ``as_of``: whether each
deadline is met, due or overdue, whether the appeal window is open, what on the file is
in force, and whether a suspension is still there to lift.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from panelkeeper.rules.calendar.durations import Unit
from panelkeeper.rules.ladder.case_model import (
    DEADLINE_LABELS,
    AppealView,
    AppealWindow,
    CaseKind,
    CaseView,
    DeadlineStatus,
    DeadlineView,
    EventKind,
    FileEntry,
    NextStep,
    RecordedOutcome,
    State,
)
from panelkeeper.rules.ladder.counting import due_on
from panelkeeper.rules.ladder.model import Deadline, Effect
from panelkeeper.rules.ladder.replay import Replay


def entries(r: Replay, as_of: dt.date) -> list[FileEntry]:
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


def _deadline(
    r: Replay,
    key: str,
    rules: tuple[str, ...],
    deadline: Deadline,
    met_on: dt.date | None,
    as_of: dt.date,
) -> DeadlineView | None:
    start = r.anchors.get(deadline.start)
    if start is None:
        return None
    due = due_on(r.ladder, r.calendar, deadline, start)
    if met_on is not None:
        status = DeadlineStatus.MET
    else:
        status = DeadlineStatus.DUE if as_of <= due else DeadlineStatus.OVERDUE
    working = deadline.within.unit is Unit.WORKING_DAYS
    label = DEADLINE_LABELS[key]
    return DeadlineView(key, label, rules, start, due, deadline.target, met_on, status, working)


def _deadlines(r: Replay, as_of: dt.date) -> tuple[DeadlineView, ...]:
    ladder = r.ladder
    views: list[DeadlineView | None] = []
    concluded = r.decided_on or r.ended_on
    if ladder.conclude is not None and r.kind is CaseKind.BREACH:
        views.append(
            _deadline(
                r,
                "conclude",
                ladder.cites("deadlines"),
                ladder.conclude,
                concluded,
                as_of,
            )
        )
    notice = r.notice_rule
    if notice is not None and r.decided_on is not None:
        sent = next((n.sent for n in r.notices if n.sent >= r.decided_on), None)
        rules = ladder.cites("outcomes") if notice is not ladder.notice else ()
        views.append(
            _deadline(
                r,
                "notice",
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
    received = r.notices[0].received if r.notices else None
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


def view(r: Replay, as_of: dt.date, earlier_file: Sequence[FileEntry]) -> CaseView:
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
        file=(*earlier_file, *entries(r, as_of)),
        findings=tuple(r.earlier_findings),
        chair_stand_in=stand_in,
        complaints_route=r.ladder.complaints_route,
        events=tuple(r.events),
        notice=r.notices[0] if r.notices else None,
    )
