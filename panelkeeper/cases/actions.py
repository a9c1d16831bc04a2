"""The steps an officer can take on a case's page: each a form, a typed input and one
domain function.

``ACTIONS`` is keyed by the slug in the URL (``…/cases/<pk>/<action>/``) and used by
the pages and the API alike: both build the step's typed input from their values (cleaned
form data, or the API body) and call :meth:`Action.take`. ``kind`` ties an action to the
step of the procedure it records, so a page offers only the steps the procedure says are
open now.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms

from panelkeeper.cases import forms as f
from panelkeeper.cases.changes import appeals, people, steps
from panelkeeper.cases.changes.inputs import (
    AppealDecision,
    AppealReceived,
    Closing,
    Dated,
    Finding,
    Informal,
    LateAppealDecision,
    NewParty,
    NewSeat,
    Notice,
    Outcome,
    Suspension,
    Withdrawal,
    input_from,
)
from panelkeeper.cases.changes.steps import DatedStep
from panelkeeper.cases.models import Case
from panelkeeper.rules.ladder.case import CaseView, EventKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


@dataclass(frozen=True)
class Action[I]:
    title: str
    form: type[forms.Form]
    input: type[I]
    perform: Callable[[Case, I, User], object]
    done: str
    """What the success message says."""
    kind: EventKind | None = None
    """The step it records; None for records that are not steps (people, seats)."""

    def take(self, case: Case, values: Mapping[str, Any], actor: User) -> str:
        """Build the typed input from ``values`` and perform the step; the success message.

        Raises :class:`~panelkeeper.lib.refusals.Refused` when the code does not allow it.
        """
        self.perform(case, input_from(self.input, values), actor)
        return self.done


def _dated(step: DatedStep) -> Callable[[Case, Dated, User], object]:
    def perform(case: Case, given: Dated, actor: User) -> object:
        return step(case=case, effective=given.effective, actor=actor)

    return perform


def _informal(case: Case, given: Informal, actor: User) -> object:
    return steps.take_informal_step(
        case=case,
        step=given.step,
        effective=given.effective,
        actor=actor,
        given_by_user=given.given_by,
    )


def _party(case: Case, given: NewParty, actor: User) -> object:
    return people.add_party(
        case=case,
        role=given.role,
        member=given.member,
        user=given.user,
        name=given.name,
        contact=given.contact,
        agreed_to_letters=given.agreed_to_letters,
        effective=given.effective,
        actor=actor,
    )


def _seat(case: Case, given: NewSeat, actor: User) -> object:
    return people.seat_investigator(
        case=case,
        role_key=given.role_key,
        member=given.member,
        user=given.user,
        impartial=given.impartial,
        effective=given.effective,
        actor=actor,
    )


def _suspend(case: Case, given: Suspension, actor: User) -> object:
    return steps.suspend_member(
        case=case, until=given.until, effective=given.effective, actor=actor
    )


def _determine(case: Case, given: Finding, actor: User) -> object:
    return steps.record_determination(
        case=case,
        level=given.level,
        confidentiality=given.confidentiality,
        effective=given.effective,
        actor=actor,
    )


def _outcome(case: Case, given: Outcome, actor: User) -> object:
    return steps.record_outcome(
        case=case,
        outcome=given.outcome,
        reason=given.reason,
        until=given.until,
        effective=given.effective,
        actor=actor,
    )


def _notice(case: Case, given: Notice, actor: User) -> object:
    return steps.record_notice(
        case=case, sent_on=given.sent_on, to=given.to, channel=given.channel, actor=actor
    )


def _appeal(case: Case, given: AppealReceived, actor: User) -> object:
    return appeals.lodge_appeal(case=case, received_on=given.received_on, actor=actor)


def _late(case: Case, given: LateAppealDecision, actor: User) -> object:
    return appeals.decide_late_appeal(
        case=case,
        accepted=given.accepted,
        reason=given.reason,
        effective=given.effective,
        actor=actor,
    )


def _decide(case: Case, given: AppealDecision, actor: User) -> object:
    return appeals.decide_appeal(
        case=case,
        result=given.result,
        reason=given.reason,
        outcome=given.outcome or None,
        effective=given.effective,
        actor=actor,
    )


def _withdraw(case: Case, given: Withdrawal, actor: User) -> object:
    return steps.withdraw_case(
        case=case, reason=given.reason, effective=given.effective, actor=actor
    )


def _close(case: Case, given: Closing, actor: User) -> object:
    return steps.close_case(case=case, reason=given.reason, effective=given.effective, actor=actor)


ACTIONS: dict[str, Action[Any]] = {
    "informal-step": Action(
        "Record an informal step",
        f.InformalForm,
        Informal,
        _informal,
        "Informal step recorded",
        EventKind.INFORMAL_STEP,
    ),
    "open-investigation": Action(
        "Open the formal stage",
        f.StepForm,
        Dated,
        _dated(steps.open_investigation),
        "Formal stage opened",
    ),
    "add-person": Action(
        "Add a person involved", f.PartyForm, NewParty, _party, "Person added to the case"
    ),
    "seat": Action(
        "Fill a seat on the investigating group", f.SeatForm, NewSeat, _seat, "Seat filled"
    ),
    "convene": Action(
        "Record that the group was convened",
        f.StepForm,
        Dated,
        _dated(steps.convene_group),
        "Group convened",
        EventKind.GROUP_CONVENED,
    ),
    "suspend": Action(
        "Suspend the member",
        f.SuspendForm,
        Suspension,
        _suspend,
        "Member suspended",
        EventKind.SUSPENDED,
    ),
    "lift-suspension": Action(
        "Lift the suspension",
        f.StepForm,
        Dated,
        _dated(steps.lift_suspension),
        "Suspension lifted",
        EventKind.SUSPENSION_LIFTED,
    ),
    "training-refused": Action(
        "Record that training was refused",
        f.StepForm,
        Dated,
        _dated(steps.record_training_refused),
        "Refusal recorded",
        EventKind.TRAINING_REFUSED,
    ),
    "determine": Action(
        "Record what was found",
        f.DetermineForm,
        Finding,
        _determine,
        "Finding recorded",
        EventKind.LEVEL_DETERMINED,
    ),
    "outcome": Action(
        "Record the outcome",
        f.OutcomeForm,
        Outcome,
        _outcome,
        "Outcome recorded",
        EventKind.OUTCOME_RECORDED,
    ),
    "notice": Action(
        "Record written notice sent",
        f.NoticeForm,
        Notice,
        _notice,
        "Notice recorded",
        EventKind.NOTICE_SENT,
    ),
    "appeal": Action(
        "Record an appeal received",
        f.AppealForm,
        AppealReceived,
        _appeal,
        "Appeal recorded",
        EventKind.APPEAL_LODGED,
    ),
    "late-appeal": Action(
        "Accept or refuse the late appeal",
        f.LateAppealForm,
        LateAppealDecision,
        _late,
        "Decision on the late appeal recorded",
        EventKind.LATE_APPEAL_DECIDED,
    ),
    "consider-appeal": Action(
        "Record that the appeal was considered",
        f.StepForm,
        Dated,
        _dated(appeals.consider_appeal),
        "Appeal considered",
        EventKind.APPEAL_CONSIDERED,
    ),
    "decide-appeal": Action(
        "Record the appeal decision",
        f.AppealDecisionForm,
        AppealDecision,
        _decide,
        "Appeal decision recorded",
        EventKind.APPEAL_DECIDED,
    ),
    "withdraw": Action(
        "Withdraw the case",
        f.ReasonForm,
        Withdrawal,
        _withdraw,
        "Case withdrawn",
        EventKind.WITHDRAWN,
    ),
    "close": Action(
        "Close the case", f.OptionalReasonForm, Closing, _close, "Case closed", EventKind.CLOSED
    ),
}

_OPENINGS = (EventKind.MEMBER_INFORMED, EventKind.INVESTIGATION_OPENED, EventKind.MEETING_HELD)


def open_actions(view: CaseView) -> list[tuple[str, str]]:
    """(slug, title) of the actions open on the case now, in the procedure's order."""
    kinds = [step.kind for step in view.next_steps]
    found: list[tuple[str, str]] = []
    for kind in kinds:
        if kind in _OPENINGS:
            found.append(("open-investigation", f"Record: {kind.value.replace('_', ' ')}"))
        for slug, action in ACTIONS.items():
            if action.kind is kind and (slug, action.title) not in found:
                found.append((slug, action.title))
    return found
