"""Inputs and outputs of a case on the ladder (:mod:`panelkeeper.rules.ladder.case`).

A case is a list of :class:`Event` (each with the date it took effect and the date it was
recorded); :func:`~panelkeeper.rules.ladder.case.assess` turns them into a
:class:`CaseView` on an ``as_of`` date. Nothing here is stored state: the view is
recomputed on every read, so time passing (a window lapsing, guidance leaving the file,
a deadline falling overdue) is never written down (DESIGN "A breach case").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from panelkeeper.rules.ladder.model import Channel, Effect, Ladder, Outcome, Raiser
from panelkeeper.rules.policy.roles import Role


class State(StrEnum):
    """The states of a case, declared once (DESIGN, STYLE 8)."""

    REPORTED = "reported"
    INFORMAL = "informal"
    INVESTIGATING = "investigating"
    DECIDED = "decided"
    APPEALED = "appealed"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class CaseKind(StrEnum):
    """A breach case, or an exclusion with no breach (MTG-2 missed meetings)."""

    BREACH = "breach"
    EXCLUSION = "exclusion"


class EventKind(StrEnum):
    """What can happen in a case. Which of them may come next is the ladder's to say."""

    RAISED = "raised"
    MEMBERSHIP_ENDED = "membership_ended"
    INFORMAL_STEP = "informal_step"
    MEMBER_INFORMED = "member_informed"
    INVESTIGATION_OPENED = "investigation_opened"
    MEETING_HELD = "meeting_held"
    GROUP_CONVENED = "group_convened"
    SUSPENDED = "suspended"
    SUSPENSION_LIFTED = "suspension_lifted"
    TRAINING_REFUSED = "training_refused"
    LEVEL_DETERMINED = "level_determined"
    OUTCOME_RECORDED = "outcome_recorded"
    NOTICE_SENT = "notice_sent"
    APPEAL_LODGED = "appeal_lodged"
    LATE_APPEAL_DECIDED = "late_appeal_decided"
    APPEAL_CONSIDERED = "appeal_considered"
    APPEAL_DECIDED = "appeal_decided"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


class AppealResult(StrEnum):
    UPHELD = "upheld"
    OVERTURNED = "overturned"
    VARIED = "varied"


@dataclass(frozen=True)
class Event:
    """One thing that happened in a case.

    ``effective`` is the date it took effect, ``recorded`` the date it was entered
    (``recorded`` defaults to ``effective``; it is never earlier). Only the fields the
    kind uses are read:

    * RAISED: ``level`` as reported (optional), ``raised_by``, ``anonymous``,
      ``subject_is_chair``.
    * MEMBERSHIP_ENDED (opens an exclusion case): ``reason``.
    * INFORMAL_STEP: ``step``, the key of the ladder's informal step.
    * SUSPENDED: ``until`` (first day no longer suspended, optional) and, where the code
      limits suspension by level (BR-9), ``level`` as the group judges it.
    * LEVEL_DETERMINED: ``level`` (a level key, or ``NO_BREACH``), ``confidentiality``.
    * OUTCOME_RECORDED: ``outcome`` (a key), ``reason`` (required for an outcome not on
      offer, Interpretation 8), ``effect`` for an outcome the code does not name,
      ``until`` for a suspension's end.
    * NOTICE_SENT: ``channel``.
    * LATE_APPEAL_DECIDED: ``accepted`` and ``reason``.
    * APPEAL_DECIDED: ``result``, ``reason``, and for VARIED the new ``outcome``.
    * WITHDRAWN, CLOSED: ``reason`` (optional).
    """

    kind: EventKind
    effective: dt.date
    recorded: dt.date | None = None
    step: str | None = None
    level: str | None = None
    outcome: str | None = None
    effect: Effect | None = None
    reason: str | None = None
    channel: Channel | None = None
    until: dt.date | None = None
    accepted: bool | None = None
    result: AppealResult | None = None
    confidentiality: bool = False
    raised_by: Raiser | None = None
    anonymous: bool = False
    subject_is_chair: bool = False

    @property
    def recorded_on(self) -> dt.date:
        return self.effective if self.recorded is None else self.recorded

    @property
    def recorded_late(self) -> bool:
        return self.recorded_on > self.effective


@dataclass(frozen=True)
class EarlierCase:
    """Another case about the same member, with the ladder it was raised under.

    ``ladder`` ``None`` means the same ladder as the case being assessed.
    """

    case_id: str
    events: tuple[Event, ...]
    ladder: Ladder | None = None


class DeadlineStatus(StrEnum):
    MET = "met"
    DUE = "due"
    OVERDUE = "overdue"


# What each deadline of a case is called, by its key.
DEADLINE_LABELS: Final[Mapping[str, str]] = {
    "conclude": "Deal with the breach",
    "notice": "Confirm the outcome in writing",
    "appeal_consider": "Consider the appeal",
    "appeal_decide": "Send the appeal decision in writing",
}


@dataclass(frozen=True)
class DeadlineView:
    """A deadline of the case on ``as_of``: what it is, from when, by when, and where it stands."""

    key: str
    label: str
    rules: tuple[str, ...]
    start: dt.date
    due: dt.date
    target: bool
    met_on: dt.date | None
    status: DeadlineStatus
    working_days: bool = False
    """Counted in working days; otherwise in calendar days, weeks or months
    (Interpretation 1), so what is left is said in calendar days."""

    @property
    def met_late(self) -> bool:
        return self.met_on is not None and self.met_on > self.due


@dataclass(frozen=True)
class FileEntry:
    """Something on the member's file: a warning, guidance, a suspension, an ending...

    In force from ``start`` until ``ends`` (the first day it no longer applies: its
    expiry, a suspension's end, the day it was lifted or overturned); ``None`` for none.
    """

    case_id: str
    key: str
    label: str
    effect: Effect
    start: dt.date
    ends: dt.date | None
    ended_by: str | None
    in_force: bool

    @property
    def last_day(self) -> dt.date | None:
        """The last day it applies, the day before ``ends``; ``None`` while it has no end.

        Pages, letters and the API all say "until" this day, so the figure is worked out
        here once (BR-3: thirteen's firm guidance given on 9 March 2026 is on file for 12
        months, until 8 March 2027, and off file from 9 March 2027).
        """
        return None if self.ends is None else self.ends - dt.timedelta(days=1)


@dataclass(frozen=True)
class Finding:
    """A breach found by the decider (Interpretation 5): what counts for escalation."""

    case_id: str
    level: str
    on: dt.date


@dataclass(frozen=True)
class NextStep:
    """A step the ladder allows next: its kind, the choices it takes, who takes it."""

    kind: EventKind
    options: tuple[str, ...] = ()
    by: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Notice:
    """Written notice of the decision (BR-11): the day it was sent, how, and the day the
    code counts it as received (Interpretation 2), from which an appeal window runs."""

    sent: dt.date
    channel: Channel
    received: dt.date


@dataclass(frozen=True)
class AppealWindow:
    """The appeal window (BR-12): from deemed receipt of notice (Interpretation 2)."""

    to: Role
    received: dt.date | None
    """Deemed receipt of the first notice; ``None`` until notice is sent."""
    closes: dt.date | None
    """The last day to appeal in time; ``None`` where the code sets no window."""
    open: bool
    """An appeal lodged on ``as_of`` would be in time."""


@dataclass(frozen=True)
class AppealView:
    lodged: dt.date
    late: bool
    window_closed: dt.date | None
    late_accepted: bool | None
    late_reason: str | None
    considered: dt.date | None
    decided: dt.date | None
    result: AppealResult | None
    reason: str | None


@dataclass(frozen=True)
class RecordedOutcome:
    key: str
    label: str
    effect: Effect
    on: dt.date
    offered: bool
    """False for an outcome the code does not offer at this level (Interpretation 8)."""
    reason: str | None


@dataclass(frozen=True)
class CaseView:
    """A case as its code sees it on ``as_of``. ``state`` is ``None`` before it is raised."""

    as_of: dt.date
    kind: CaseKind | None
    state: State | None
    began: dt.date | None
    level: str | None
    level_reason: str | None
    escalated_by: str | None
    """The earlier case whose finding escalated this one (BR-8)."""
    deadlines: tuple[DeadlineView, ...]
    next_steps: tuple[NextStep, ...]
    outcomes_on_offer: tuple[Outcome, ...]
    outcome: RecordedOutcome | None
    appeal_window: AppealWindow | None
    appeal: AppealView | None
    file: tuple[FileEntry, ...]
    findings: tuple[Finding, ...]
    """The member's earlier findings, history for the decider; ``escalated_by`` names the
    one that escalated this case, if any."""
    chair_stand_in: Role | None
    complaints_route: str | None
    events: tuple[Event, ...] = field(default=())
    notice: Notice | None = None
    """The first written notice of the decision, once sent; the appeal window runs from
    its deemed receipt."""

    @property
    def raised(self) -> bool:
        return self.state is not None

    def deadline(self, key: str) -> DeadlineView | None:
        return next((d for d in self.deadlines if d.key == key), None)

    def allows(self, kind: EventKind, option: str | None = None) -> bool:
        for step in self.next_steps:
            if step.kind is kind and (option is None or option in step.options):
                return True
        return False

    @property
    def next_deadline(self) -> DeadlineView | None:
        """The deadline not yet met that falls due first (the first listed, on a tie)."""
        unmet = (x for x in self.deadlines if x.met_on is None)
        return min(unmet, key=lambda x: x.due, default=None)

    @property
    def next_due(self) -> dt.date | None:
        """The earliest due date not yet met (what a case list orders by), if any."""
        found = self.next_deadline
        return found.due if found is not None else None

    def in_force(self) -> tuple[FileEntry, ...]:
        return tuple(e for e in self.file if e.in_force)


class StepRefused(ValueError):
    """A proposed event breaks a rule of the code; ``rule`` names it."""

    def __init__(self, rule: str, message: str) -> None:
        self.rule = rule
        self.message = message
        super().__init__(f"{rule}: {message}")
