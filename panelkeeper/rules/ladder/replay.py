"""Replaying a case's events against its ladder: the moves the code allows, in order.

:class:`Replay` holds what the events so far have established (never what time alone
changes). :meth:`Replay.next_steps` is the one table of allowed moves, read from the
ladder; :meth:`Replay.apply` refuses any event that is not among them, naming the rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.calendar.working_days import WorkingCalendar, add_months
from panelkeeper.rules.ladder.case_model import (
    AppealResult,
    CaseKind,
    Event,
    EventKind,
    FileEntry,
    Finding,
    NextStep,
    Notice,
    State,
)
from panelkeeper.rules.ladder.counting import due_on
from panelkeeper.rules.ladder.model import (
    NO_BREACH,
    Deadline,
    Effect,
    EscalationMode,
    Ladder,
    Opening,
    Outcome,
    Requirement,
)
from panelkeeper.rules.policy.roles import Role

OPENING_EVENT = {
    Opening.MEMBER_INFORMED: EventKind.MEMBER_INFORMED,
    Opening.INVESTIGATION_OPENED: EventKind.INVESTIGATION_OPENED,
    Opening.MEETING_HELD: EventKind.MEETING_HELD,
}


@dataclass
class EffectRecord:
    """An effect on the member's file as the events have set it."""

    key: str
    label: str
    effect: Effect
    start: dt.date
    ends: dt.date | None
    ended_by: str | None = None
    source: str = "informal"
    """informal (a step), interim (a suspension while investigating) or outcome."""


@dataclass
class AppealRecord:
    lodged: dt.date
    late: bool
    window_closed: dt.date | None
    late_accepted: bool | None = None
    late_reason: str | None = None
    considered: dt.date | None = None
    decided: dt.date | None = None
    result: AppealResult | None = None
    reason: str | None = None


class Replay:
    """What a case's events establish, applied one at a time in order of effect."""

    def __init__(
        self,
        ladder: Ladder,
        calendar: WorkingCalendar,
        case_id: str,
        findings: Sequence[Finding],
        earlier_file: Sequence[FileEntry],
    ) -> None:
        self.ladder = ladder
        self.calendar = calendar
        self.case_id = case_id
        self.earlier_findings = tuple(findings)
        self.earlier_file = tuple(earlier_file)
        self.kind: CaseKind | None = None
        self.state: State | None = None
        self.began: dt.date | None = None
        self.last: dt.date | None = None
        self.reported_level: str | None = None
        self.subject_is_chair = False
        self.steps_taken: list[str] = []
        self.anchors: dict[str, dt.date] = {}
        self.group_convened: dt.date | None = None
        self.training_refused = False
        self.determined: str | None = None
        self.determined_on: dt.date | None = None
        self.confidentiality = False
        self.level: str | None = None
        self.level_reason: str | None = None
        self.escalated_by: str | None = None
        self.outcome_key: str | None = None
        self.outcome_label: str | None = None
        self.outcome_effect: Effect | None = None
        self.outcome_offered = True
        self.outcome_reason: str | None = None
        self.decided_on: dt.date | None = None
        self.notices: list[Notice] = []
        self.appeal: AppealRecord | None = None
        self.effects: list[EffectRecord] = []
        self.ended_on: dt.date | None = None
        self.overturned = False
        self.notice_rule: Deadline | None = None
        self.events: list[Event] = []

    # -- what is known -----------------------------------------------------------

    def window_closes(self) -> dt.date | None:
        """The last day to appeal in time, once notice is deemed received (BR-12)."""
        appeal = self.ladder.appeal
        if appeal is None or appeal.window is None or not self.notices:
            return None
        return due_on(self.ladder, self.calendar, appeal.window, self.notices[0].received)

    def appealable(self) -> bool:
        if self.decided_on is None or self.outcome_effect is None:
            return False
        return self.ladder.appealable(self.outcome_effect)

    def _suspension_open(self) -> bool:
        return any(e.effect is Effect.SUSPENSION and e.ended_by is None for e in self.effects)

    def _warning_on_file(self, on: dt.date) -> bool:
        return any(
            e.effect is Effect.WARNING and e.start <= on and (e.ends is None or on < e.ends)
            for e in self.earlier_file
        )

    def counted_findings(self) -> tuple[Finding, ...]:
        """Earlier findings at the escalating level, inside any look-back (Interpretation 5)."""
        esc = self.ladder.escalation
        if esc is None or self.began is None:
            return ()
        on = self.determined_on or self.began
        since = None
        if esc.look_back is not None:
            # The look-back is counted backwards from the new breach: a finding exactly
            # one look-back before it still counts.
            since = _minus(self.calendar, self.began, esc.look_back)
        return tuple(
            f
            for f in self.earlier_findings
            if f.level == esc.from_level and f.on <= on and (since is None or f.on >= since)
        )

    def on_offer(self) -> tuple[Outcome, ...]:
        """The outcomes the code names for the level found (BR-10, BR-8, Interpretation 9)."""
        if self.level is None or self.level == NO_BREACH or self.determined_on is None:
            return ()
        ladder = self.ladder
        if self.confidentiality and ladder.confidentiality_outcome is not None:
            chosen = ladder.outcome(ladder.confidentiality_outcome)
            return (chosen,) if chosen is not None else ()
        levels = {self.level}
        esc = ladder.escalation
        earlier = bool(self.counted_findings())
        if (
            esc is not None
            and esc.mode is EscalationMode.OPEN_OUTCOMES
            and earlier
            and esc.to_level is not None
            and self.level == esc.from_level
        ):
            levels.add(esc.to_level)
        met = {
            Requirement.EARLIER_FINDING: earlier,
            Requirement.WARNING_ON_FILE: self._warning_on_file(self.determined_on),
            Requirement.TRAINING_REFUSED: self.training_refused,
        }
        offered: list[Outcome] = []
        for outcome in ladder.outcomes:
            if outcome.key == ladder.confidentiality_outcome:
                continue
            at = [lv for lv in outcome.levels if lv in levels]
            if not at:
                continue
            if outcome.requires is not None:
                held = [lv for lv in at if not outcome.requires_at or lv in outcome.requires_at]
                if len(held) == len(at) and not met[outcome.requires]:
                    continue
            offered.append(outcome)
        return tuple(offered)

    # -- the table of allowed moves ---------------------------------------------

    def _acting(self, roles: Sequence[Role]) -> tuple[Role, ...]:
        return tuple(
            self.ladder.acting_role(r, subject_is_chair=self.subject_is_chair) for r in roles
        )

    def _informal_next(self) -> list[NextStep]:
        steps: list[NextStep] = []
        for step in self.ladder.informal:
            if step.key in self.steps_taken:
                continue
            if (
                step.levels
                and self.reported_level is not None
                and self.reported_level not in step.levels
            ):
                continue
            if not self.steps_taken and not step.first:
                continue
            if self.steps_taken and not any(k in step.after for k in self.steps_taken):
                continue
            steps.append(
                NextStep(EventKind.INFORMAL_STEP, (step.key,), self._acting(step.taken_by))
            )
        return steps

    def next_steps(self) -> tuple[NextStep, ...]:
        """Every move the ladder allows from here, with its choices and who takes it."""
        ladder = self.ladder
        state = self.state
        steps: list[NextStep] = []
        opening = NextStep(
            OPENING_EVENT[ladder.opens_with], (), self._acting(ladder.investigated_by)
        )
        if state is None:
            return (NextStep(EventKind.RAISED), NextStep(EventKind.MEMBERSHIP_ENDED))
        if state in (State.REPORTED, State.INFORMAL):
            steps.extend(self._informal_next())
            steps.append(opening)
            if state is State.INFORMAL:
                steps.append(NextStep(EventKind.CLOSED))
            steps.append(NextStep(EventKind.WITHDRAWN))
        elif state is State.INVESTIGATING:
            group = ladder.group
            if group is not None and self.group_convened is None:
                by = (group.convened_by,) if group.convened_by is not None else ()
                steps.append(NextStep(EventKind.GROUP_CONVENED, (), self._acting(by)))
            if ladder.suspension is not None and not self._suspension_open():
                steps.append(
                    NextStep(
                        EventKind.SUSPENDED,
                        ladder.suspension.levels,
                        self._acting(ladder.suspension.decided_by),
                    )
                )
            if self._suspension_open():
                steps.append(NextStep(EventKind.SUSPENSION_LIFTED))
            if not self.training_refused and any(
                o.requires is Requirement.TRAINING_REFUSED for o in ladder.outcomes
            ):
                steps.append(NextStep(EventKind.TRAINING_REFUSED))
            group_ready = group is None or not group.required or self.group_convened is not None
            if self.determined is None and group_ready:
                options = (*(lv.key for lv in ladder.levels), NO_BREACH)
                steps.append(NextStep(EventKind.LEVEL_DETERMINED, options))
            if self.determined is not None and self.determined != NO_BREACH:
                offer = self.on_offer()
                deciders: list[Role] = []
                for outcome in offer:
                    deciders += [r for r in self._acting(outcome.decided_by) if r not in deciders]
                steps.append(
                    NextStep(
                        EventKind.OUTCOME_RECORDED, tuple(o.key for o in offer), tuple(deciders)
                    )
                )
            steps.append(NextStep(EventKind.WITHDRAWN))
        elif state in (State.DECIDED, State.APPEALED, State.CLOSED):
            if self.decided_on is not None:
                steps.append(NextStep(EventKind.NOTICE_SENT))
            if self._suspension_open():
                steps.append(NextStep(EventKind.SUSPENSION_LIFTED))
            if state is not State.APPEALED and self.appeal is None and self.appealable():
                to = (ladder.appeal.to,) if ladder.appeal is not None else ()
                steps.append(NextStep(EventKind.APPEAL_LODGED, (), self._acting(to)))
            if state is State.DECIDED:
                steps.append(NextStep(EventKind.CLOSED))
            if state is State.APPEALED and self.appeal is not None:
                steps.extend(self._appeal_next())
        return tuple(steps)

    def _appeal_next(self) -> list[NextStep]:
        appeal = self.appeal
        config = self.ladder.appeal
        assert appeal is not None and config is not None
        to = self._acting((config.to,))
        if appeal.late and appeal.late_accepted is None:
            return [NextStep(EventKind.LATE_APPEAL_DECIDED)]
        steps: list[NextStep] = []
        if config.consider is not None and appeal.considered is None:
            steps.append(NextStep(EventKind.APPEAL_CONSIDERED, (), to))
        if config.consider is None or appeal.considered is not None:
            results = tuple(r.value for r in AppealResult)
            steps.append(NextStep(EventKind.APPEAL_DECIDED, results, to))
        return steps


def _minus(calendar: WorkingCalendar, day: dt.date, span: Duration) -> dt.date:
    """``day`` less ``span``: the earliest date a look-back reaches."""
    match span.unit:
        case Unit.MONTHS:
            return add_months(day, -span.amount)
        case Unit.YEARS:
            return add_months(day, -12 * span.amount)
        case Unit.WEEKS:
            return day - dt.timedelta(weeks=span.amount)
        case Unit.DAYS:
            return day - dt.timedelta(days=span.amount)
        case Unit.WORKING_DAYS:
            probe, count = day, 0
            while count < span.amount:
                probe -= dt.timedelta(days=1)
                count += calendar.is_working_day(probe)
            return probe
