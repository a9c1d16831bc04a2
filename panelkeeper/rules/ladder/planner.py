"""The deadline planner: if this step of a breach happened on this date, when would each
deadline the code sets fall?

:func:`plan` takes a ladder, a working calendar, a :class:`PlanStep` and the day it happens,
and answers every date the code attaches to that step, each with the clause ids it comes
from: the deadlines that run from it (BR-5, BR-11, BR-12) and, where the step starts
another clock, the dates that follow from it. Written notice posted on a day is deemed
received on a later one (Interpretation 2), and the appeal window runs from that receipt.

Dates are counted by :mod:`.counting`, the functions a real case is read with, so the
planner and a case can never disagree. Only what follows from the step by the code alone
is planned: a deadline's last day is not assumed to be the day the next step happens.

Rules: BR-5, BR-11, BR-12; Interpretations 1 and 2.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.dates import day_month_year, long_date
from panelkeeper.rules.ladder.case_model import DEADLINE_LABELS
from panelkeeper.rules.ladder.counting import due_on, received_on
from panelkeeper.rules.ladder.model import Anchor, Channel, Deadline, Ladder

__all__ = [
    "EARLIEST",
    "LATEST",
    "DayOutOfRange",
    "PlanRefused",
    "PlanStep",
    "PlannedDate",
    "UnknownStep",
    "counted",
    "plan",
    "plan_steps",
    "read_step",
]


class PlanStep(StrEnum):
    """A dated step of the breach procedure that starts at least one of the code's clocks."""

    REPORT_RECEIVED = "report_received"
    MEMBER_INFORMED = "member_informed"
    MEETING_HELD = "meeting_held"
    DECISION_MADE = "decision_made"
    NOTICE_EMAILED = "notice_emailed"
    NOTICE_POSTED = "notice_posted"
    NOTICE_HANDED = "notice_handed"
    APPEAL_RECEIVED = "appeal_received"
    APPEAL_CONSIDERED = "appeal_considered"

    @property
    def label(self) -> str:
        """The step in a sentence: "the report is received", "written notice ... is posted"."""
        anchor, channel = _STARTS[self]
        return anchor.label if channel is None else _NOTICE_SENT[channel]


_NOTICE_SENT = {
    Channel.EMAIL: "written notice of the decision is emailed",
    Channel.POST: "written notice of the decision is posted",
    Channel.HAND: "written notice of the decision is handed over",
}

#: The clock each step starts, and for notice the channel it goes by.
_STARTS: dict[PlanStep, tuple[Anchor, Channel | None]] = {
    PlanStep.REPORT_RECEIVED: (Anchor.REPORT_RECEIVED, None),
    PlanStep.MEMBER_INFORMED: (Anchor.MEMBER_INFORMED, None),
    PlanStep.MEETING_HELD: (Anchor.MEETING_HELD, None),
    PlanStep.DECISION_MADE: (Anchor.DECISION_MADE, None),
    PlanStep.NOTICE_EMAILED: (Anchor.NOTICE_RECEIVED, Channel.EMAIL),
    PlanStep.NOTICE_POSTED: (Anchor.NOTICE_RECEIVED, Channel.POST),
    PlanStep.NOTICE_HANDED: (Anchor.NOTICE_RECEIVED, Channel.HAND),
    PlanStep.APPEAL_RECEIVED: (Anchor.APPEAL_RECEIVED, None),
    PlanStep.APPEAL_CONSIDERED: (Anchor.APPEAL_CONSIDERED, None),
}
assert set(_STARTS) == set(PlanStep)

RECEIPT = "Interpretation 2"


@dataclass(frozen=True)
class PlannedDate:
    """One date that follows from a step: a deadline, or the deemed receipt of notice.

    ``key`` is the deadline's key on a case (``conclude``, ``notice``, ``appeal_window``,
    ``appeal_consider``, ``appeal_decide``) or ``notice_received``. The date is ``within``
    counted from the day after ``start``. ``applies_to`` names the outcomes a notice
    deadline is set for when the code sets it outcome by outcome; ``deadline`` is false
    for the deemed receipt, which is a date the code fixes rather than one to meet.
    """

    key: str
    label: str
    rules: tuple[str, ...]
    start: dt.date
    within: Duration
    on: dt.date
    target: bool = False
    applies_to: tuple[str, ...] = ()
    deadline: bool = True

    @property
    def working_days(self) -> bool:
        return self.within.unit is Unit.WORKING_DAYS

    @property
    def how(self) -> str:
        """:func:`counted`, for templates."""
        return counted(self)


class _Clock(NamedTuple):
    """A deadline of the code, with what the case calls it and the rules it cites."""

    key: str
    label: str
    rules: tuple[str, ...]
    deadline: Deadline
    applies_to: tuple[str, ...] = ()


#: The days a plan may start on: wide enough for any case, and far from the calendar's ends.
EARLIEST = dt.date(2000, 1, 1)
LATEST = dt.date(2099, 12, 31)


class PlanRefused(ValueError):
    """A question the planner cannot answer; ``field`` names the input at fault."""

    field = ""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class UnknownStep(PlanRefused):
    """A step the code sets no deadline from; ``valid`` lists those it does."""

    field = "step"

    def __init__(self, given: str, valid: Sequence[PlanStep]) -> None:
        self.given = given
        self.valid = tuple(valid)
        names = ", ".join(step.value for step in valid) or "none"
        super().__init__(f'"{given}" is not a step this code sets a deadline from. Steps: {names}.')


class DayOutOfRange(PlanRefused):
    """A day before :data:`EARLIEST` or after :data:`LATEST`."""

    field = "on"

    def __init__(self, on: dt.date) -> None:
        self.on = on
        super().__init__(
            f"Choose a day from {day_month_year(EARLIEST)} to {day_month_year(LATEST)}."
        )


def _cited(ladder: Ladder, part: str, fallback: str) -> tuple[str, ...]:
    return ladder.cites(part) or (fallback,)


def _notice_clocks(ladder: Ladder) -> list[_Clock]:
    """The written-notice deadlines: one per distinct deadline an outcome sets, then the
    code's general one for every other outcome (BR-11)."""
    label = DEADLINE_LABELS["notice"]
    general = ladder.cites("deadlines")
    clocks: list[_Clock] = []
    by_deadline: dict[Deadline, list[str]] = {}
    rules: dict[Deadline, list[str]] = {}
    for outcome in ladder.outcomes:
        if outcome.notice is not None:
            by_deadline.setdefault(outcome.notice, []).append(outcome.label)
            rules.setdefault(outcome.notice, []).extend(outcome.rules)
    for deadline, outcomes in by_deadline.items():
        cited = tuple(dict.fromkeys((*general, *rules[deadline]))) or ("BR-11",)
        clocks.append(_Clock("notice", label, cited, deadline, tuple(outcomes)))
    if ladder.notice is not None:
        others = tuple(o.label for o in ladder.outcomes if o.notice is None)
        applies_to = others if by_deadline else ()
        clocks.append(_Clock("notice", label, general or ("BR-11",), ladder.notice, applies_to))
    return clocks


def _clocks(ladder: Ladder) -> list[_Clock]:
    """Every deadline the code sets, in the order a case meets them."""
    clocks: list[_Clock] = []
    if ladder.conclude is not None:
        rules = _cited(ladder, "deadlines", "BR-5")
        clocks.append(_Clock("conclude", DEADLINE_LABELS["conclude"], rules, ladder.conclude))
    clocks += _notice_clocks(ladder)
    appeal = ladder.appeal
    if appeal is not None:
        rules = _cited(ladder, "appeal", "BR-12")
        if appeal.window is not None:
            clocks.append(_Clock("appeal_window", "Last day to appeal", rules, appeal.window))
        if appeal.consider is not None:
            label = DEADLINE_LABELS["appeal_consider"]
            clocks.append(_Clock("appeal_consider", label, rules, appeal.consider))
        if appeal.decide is not None:
            label = DEADLINE_LABELS["appeal_decide"]
            clocks.append(_Clock("appeal_decide", label, rules, appeal.decide))
    return clocks


def plan_steps(ladder: Ladder | None) -> tuple[PlanStep, ...]:
    """The steps the code starts a deadline from, in the order a case meets them."""
    if ladder is None:
        return ()
    anchors = {clock.deadline.start for clock in _clocks(ladder)}
    return tuple(step for step in PlanStep if _STARTS[step][0] in anchors)


def read_step(ladder: Ladder | None, text: str) -> PlanStep:
    """The step named ``text`` (its key); :class:`UnknownStep` listing the valid ones."""
    valid = plan_steps(ladder)
    for step in valid:
        if step.value == text.strip().lower():
            return step
    raise UnknownStep(text, valid)


def plan(
    ladder: Ladder, calendar: WorkingCalendar, step: PlanStep, on: dt.date
) -> tuple[PlannedDate, ...]:
    """Every date that follows from ``step`` happening on ``on``, in order of the clocks.

    Raises :class:`UnknownStep` for a step the code starts no deadline from and
    :class:`DayOutOfRange` for a day outside :data:`EARLIEST` to :data:`LATEST`.
    """
    if not EARLIEST <= on <= LATEST:
        raise DayOutOfRange(on)
    if step not in plan_steps(ladder):
        raise UnknownStep(step.value, plan_steps(ladder))
    anchor, channel = _STARTS[step]
    start = on
    dates: list[PlannedDate] = []
    if channel is not None:
        start = received_on(ladder, calendar, on, channel)
        dates.append(
            PlannedDate(
                "notice_received",
                "Notice counts as received",
                tuple(dict.fromkeys((*ladder.cites("receipt"), RECEIPT))),
                on,
                ladder.receipt(channel),
                start,
                deadline=False,
            )
        )
    for clock in _clocks(ladder):
        if clock.deadline.start is not anchor:
            continue
        dates.append(
            PlannedDate(
                clock.key,
                clock.label,
                clock.rules,
                start,
                clock.deadline.within,
                due_on(ladder, calendar, clock.deadline, start),
                clock.deadline.target,
                clock.applies_to,
            )
        )
    return tuple(dates)


def counted(date: PlannedDate) -> str:
    """How ``date`` is counted, in words: "10 working days after Wednesday 30 December 2026"."""
    if date.within.amount == 0:
        return "the same day"
    return f"{date.within} after {long_date(date.start)}"
