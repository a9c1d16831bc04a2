"""A case's effects on the member's status history (BR-9, BR-10, BR-12).

A suspension makes the member ineligible until it ends or is lifted; an exclusion ends
membership; an appeal that overturns an outcome restores the member from the day the
effect began, and a withdrawn case from the day it was withdrawn. Each is a new
:class:`~panelkeeper.members.models.MemberStatus` row: the history is never rewritten,
so reads "as known on" an earlier day stay true (DESIGN "Dates"). The member's
``ended_on`` follows in the same transaction: set when membership ends, cleared when the
ending is undone.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from panelkeeper.members.models import MemberStatus, Status
from panelkeeper.members.records import record_status
from panelkeeper.rules.ladder import Effect
from panelkeeper.rules.ladder.case import CaseView, Event, EventKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.cases.models import Case

_ENDING = (Effect.MEMBERSHIP_ENDED, Effect.STEPPING_DOWN)
_UNDONE_ON_APPEAL = ("overturned on appeal", "varied on appeal")


def _touches_status(effect: Effect) -> bool:
    """Whether ``effect`` wrote a status row, which undoing it must answer with another."""
    return effect is Effect.SUSPENSION or effect in _ENDING


def write_status(
    *, case: Case, status: str, reason: str, effective_from: dt.date, actor: User | None
) -> MemberStatus:
    """One status row for the case's member, through the members app's unchecked writer,
    which also sets or clears the member's ``ended_on`` (BR-10, BR-12). A suspension's end
    may lie in the future, which is why this does not go through the form function (that
    one refuses dates after today, rightly, for a hand-entered change)."""
    return record_status(
        member=case.member,
        status=status,
        reason=f"{case.reference}: {reason}"[:500],
        effective_from=max(effective_from, case.member.started_on),
        actor=actor,
    )


def _start(case: Case, effect: Effect, event: Event, actor: User | None, why: str) -> None:
    """Write the status ``effect`` begins on ``event``'s day, and a suspension's end."""
    on = event.effective
    if effect is Effect.SUSPENSION:
        write_status(case=case, status=Status.SUSPENDED, reason=why, effective_from=on, actor=actor)
        if event.until is not None:
            _restore(case, "Suspension ends", event.until, actor)
    elif effect in _ENDING and not _already_ended(case, on):
        write_status(case=case, status=Status.ENDED, reason=why, effective_from=on, actor=actor)


def _restore(case: Case, why: str, on: dt.date, actor: User | None) -> None:
    """The member active again from ``on``: a suspension over, or an effect undone."""
    write_status(case=case, status=Status.ACTIVE, reason=why, effective_from=on, actor=actor)


def _already_ended(case: Case, on: dt.date) -> bool:
    """An exclusion opened from a missed-meetings decision finds the ending already written."""
    entry = (
        MemberStatus.objects.filter(member=case.member_id, effective_from__lte=on)
        .order_by("-effective_from", "-recorded_at", "-id")
        .first()
    )
    return entry is not None and entry.status == Status.ENDED


def apply_effects(case: Case, event: Event, view: CaseView, *, actor: User | None) -> None:
    """Write the status rows ``event`` calls for, given the case ``view`` with it applied."""
    mine = [e for e in view.file if e.case_id == case.reference]
    match event.kind:
        case EventKind.SUSPENDED:
            why = "Suspended while the breach is investigated"
            _start(case, Effect.SUSPENSION, event, actor, why)
        case EventKind.SUSPENSION_LIFTED:
            _restore(case, "Suspension lifted", event.effective, actor)
        case EventKind.OUTCOME_RECORDED | EventKind.MEMBERSHIP_ENDED:
            if view.outcome is not None:
                _start(case, view.outcome.effect, event, actor, view.outcome.label)
        case EventKind.APPEAL_DECIDED:
            for entry in mine:
                if entry.ended_by in _UNDONE_ON_APPEAL and _touches_status(entry.effect):
                    _restore(case, f"Restored: {entry.label} {entry.ended_by}", entry.start, actor)
            if event.outcome and view.outcome is not None:
                varied = f"Varied on appeal: {view.outcome.label}"
                _start(case, view.outcome.effect, event, actor, varied)
        case EventKind.WITHDRAWN:
            if any(e.ended_by == "case withdrawn" and _touches_status(e.effect) for e in mine):
                _restore(case, "Case withdrawn", event.effective, actor)
        case _:
            pass
