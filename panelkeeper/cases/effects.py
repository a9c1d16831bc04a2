"""A case's effects on the member's status history (BR-9, BR-10, BR-12).

A suspension makes the member ineligible until it ends or is lifted; an exclusion ends
membership; an appeal that overturns an outcome restores the member from the day the
effect began, and a withdrawn case from the day it was withdrawn. Each is a new
:class:`~panelkeeper.members.models.MemberStatus` row: the history is never rewritten,
so reads "as known on" an earlier day stay true (DESIGN "Dates").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from panelkeeper.audit.log import create_recorded
from panelkeeper.members.models import MemberStatus, Status
from panelkeeper.rules.ladder import Effect
from panelkeeper.rules.ladder.case import CaseView, Event, EventKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.cases.models import Case

_ENDING = (Effect.MEMBERSHIP_ENDED, Effect.STEPPING_DOWN)


def write_status(
    *, case: Case, status: str, reason: str, effective_from: dt.date, actor: User | None
) -> MemberStatus:
    """One status row for the case's member. A suspension's end may lie in the future, which
    is why this writes the row itself rather than through the members app's form function
    (that one refuses dates after today, rightly, for a hand-entered change)."""
    return create_recorded(
        MemberStatus,
        actor=actor,
        organisation=case.organisation,
        action="member_status.recorded",
        fields=["status", "reason", "effective_from"],
        member=case.member,
        status=status,
        reason=f"{case.reference}: {reason}"[:500],
        effective_from=max(effective_from, case.member.started_on),
        recorded_at=timezone.now(),
        recorded_by=actor,
    )


def _start(
    case: Case, effect: Effect, on: dt.date, until: dt.date | None, actor: User | None, why: str
) -> None:
    if effect is Effect.SUSPENSION:
        write_status(case=case, status=Status.SUSPENDED, reason=why, effective_from=on, actor=actor)
        if until is not None:
            write_status(
                case=case,
                status=Status.ACTIVE,
                reason="Suspension ends",
                effective_from=until,
                actor=actor,
            )
    elif effect in _ENDING and not _already_ended(case, on):
        write_status(case=case, status=Status.ENDED, reason=why, effective_from=on, actor=actor)


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
            _start(
                case,
                Effect.SUSPENSION,
                event.effective,
                event.until,
                actor,
                "Suspended while the breach is investigated",
            )
        case EventKind.SUSPENSION_LIFTED:
            write_status(
                case=case,
                status=Status.ACTIVE,
                reason="Suspension lifted",
                effective_from=event.effective,
                actor=actor,
            )
        case EventKind.OUTCOME_RECORDED | EventKind.MEMBERSHIP_ENDED:
            if view.outcome is not None:
                _start(
                    case,
                    view.outcome.effect,
                    event.effective,
                    event.until,
                    actor,
                    view.outcome.label,
                )
        case EventKind.APPEAL_DECIDED:
            for entry in mine:
                if entry.ended_by in ("overturned on appeal", "varied on appeal") and (
                    entry.effect is Effect.SUSPENSION or entry.effect in _ENDING
                ):
                    write_status(
                        case=case,
                        status=Status.ACTIVE,
                        reason=f"Restored: {entry.label} {entry.ended_by}",
                        effective_from=entry.start,
                        actor=actor,
                    )
            if event.outcome and view.outcome is not None:
                _start(
                    case,
                    view.outcome.effect,
                    event.effective,
                    event.until,
                    actor,
                    f"Varied on appeal: {view.outcome.label}",
                )
        case EventKind.WITHDRAWN:
            if any(
                e.ended_by == "case withdrawn"
                and (e.effect is Effect.SUSPENSION or e.effect in _ENDING)
                for e in mine
            ):
                write_status(
                    case=case,
                    status=Status.ACTIVE,
                    reason="Case withdrawn",
                    effective_from=event.effective,
                    actor=actor,
                )
        case _:
            pass
