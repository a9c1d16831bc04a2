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
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from panelkeeper.cases import forms as f
from panelkeeper.cases import step_forms as sf
from panelkeeper.cases.changes import appeals, people, steps
from panelkeeper.cases.changes.inputs import (
    AppealDecision,
    AppealReceived,
    Closing,
    Dated,
    Finding,
    Informal,
    LateAppealDecision,
    Lifting,
    NewParty,
    NewSeat,
    Notice,
    Outcome,
    Suspension,
    Withdrawal,
    input_from,
)
from panelkeeper.cases.models import Case
from panelkeeper.rules.ladder.case import CaseView, EventKind

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from panelkeeper.accounts.models import User


@dataclass(frozen=True)
class Action:
    title: str
    form: type[f.StepForm]
    input: type[DataclassInstance]
    perform: Callable[..., object]
    """The domain function: called with ``case``, ``actor`` and the input's fields as
    keywords, so each input's fields are named as its function's keywords."""
    done: str
    """What the success message says."""
    kind: EventKind | None = None
    """The step it records; None for records that are not steps (people, seats)."""
    renamed: Mapping[str, str] = field(default_factory=dict)
    """Input fields the domain function knows by another keyword."""

    def take(self, case: Case, values: Mapping[str, Any], actor: User) -> str:
        """Build the typed input from ``values`` and perform the step; the success message.

        Raises :class:`~panelkeeper.lib.refusals.Refused` when the code does not allow it.
        """
        given = input_from(self.input, values)
        keywords = {
            self.renamed.get(each.name, each.name): getattr(given, each.name)
            for each in fields(given)
        }
        self.perform(case=case, actor=actor, **keywords)
        return self.done


ACTIONS: dict[str, Action] = {
    "informal-step": Action(
        "Record an informal step",
        sf.InformalForm,
        Informal,
        steps.take_informal_step,
        "Informal step recorded",
        EventKind.INFORMAL_STEP,
    ),
    "open-investigation": Action(
        "Open the formal stage",
        f.StepForm,
        Dated,
        steps.open_investigation,
        "Formal stage opened",
    ),
    "add-person": Action(
        "Add a person involved", f.PartyForm, NewParty, people.add_party, "Person added to the case"
    ),
    "seat": Action(
        "Fill a seat on the investigating group",
        f.SeatForm,
        NewSeat,
        people.seat_investigator,
        "Seat filled",
    ),
    "convene": Action(
        "Record that the group was convened",
        f.StepForm,
        Dated,
        steps.convene_group,
        "Group convened",
        EventKind.GROUP_CONVENED,
    ),
    "suspend": Action(
        "Suspend the member",
        sf.SuspendForm,
        Suspension,
        steps.suspend_member,
        "Member suspended",
        EventKind.SUSPENDED,
    ),
    "lift-suspension": Action(
        "Lift the suspension",
        sf.LiftSuspensionForm,
        Lifting,
        steps.lift_suspension,
        "Suspension lifted",
        EventKind.SUSPENSION_LIFTED,
    ),
    "training-refused": Action(
        "Record that training was refused",
        f.StepForm,
        Dated,
        steps.record_training_refused,
        "Refusal recorded",
        EventKind.TRAINING_REFUSED,
    ),
    "determine": Action(
        "Record what was found",
        sf.DetermineForm,
        Finding,
        steps.record_determination,
        "Finding recorded",
        EventKind.LEVEL_DETERMINED,
    ),
    "outcome": Action(
        "Record the outcome",
        sf.OutcomeForm,
        Outcome,
        steps.record_outcome,
        "Outcome recorded",
        EventKind.OUTCOME_RECORDED,
    ),
    "notice": Action(
        "Record written notice sent",
        sf.NoticeForm,
        Notice,
        steps.record_notice,
        "Notice recorded",
        EventKind.NOTICE_SENT,
    ),
    "appeal": Action(
        "Record an appeal received",
        sf.AppealForm,
        AppealReceived,
        appeals.lodge_appeal,
        "Appeal recorded",
        EventKind.APPEAL_LODGED,
    ),
    "late-appeal": Action(
        "Accept or refuse the late appeal",
        sf.LateAppealForm,
        LateAppealDecision,
        appeals.decide_late_appeal,
        "Decision on the late appeal recorded",
        EventKind.LATE_APPEAL_DECIDED,
    ),
    "consider-appeal": Action(
        "Record that the appeal was considered",
        f.StepForm,
        Dated,
        appeals.consider_appeal,
        "Appeal considered",
        EventKind.APPEAL_CONSIDERED,
    ),
    "decide-appeal": Action(
        "Record the appeal decision",
        sf.AppealDecisionForm,
        AppealDecision,
        appeals.decide_appeal,
        "Appeal decision recorded",
        EventKind.APPEAL_DECIDED,
    ),
    "withdraw": Action(
        "Withdraw the case",
        sf.ReasonForm,
        Withdrawal,
        steps.withdraw_case,
        "Case withdrawn",
        EventKind.WITHDRAWN,
    ),
    "close": Action(
        "Close the case",
        sf.OptionalReasonForm,
        Closing,
        steps.close_case,
        "Case closed",
        EventKind.CLOSED,
    ),
}

# The one opening action records whichever step opens the formal stage under the code:
# its link, its page and its message name that step.
OPENINGS = {
    EventKind.MEMBER_INFORMED: (
        "Record that the member was told",
        "Recorded that the member was told",
    ),
    EventKind.INVESTIGATION_OPENED: ("Open the formal stage", "Formal stage opened"),
    EventKind.MEETING_HELD: (
        "Record the meeting with the member",
        "Meeting with the member recorded",
    ),
}


def _opening(view: CaseView) -> tuple[str, str] | None:
    return next((OPENINGS[s.kind] for s in view.next_steps if s.kind in OPENINGS), None)


def title_and_done(slug: str, view: CaseView) -> tuple[str, str]:
    """What the page of action ``slug`` is called and what its success message says."""
    action = ACTIONS[slug]
    if slug == "open-investigation":
        return _opening(view) or (action.title, action.done)
    return action.title, action.done


def slug_for(kind: EventKind) -> str | None:
    """The action that records a step of ``kind``: the opening action for whichever step
    opens the formal stage under the code, else the action whose ``kind`` it is; None for
    the steps that open a case (raising it, or ending a membership), which are not actions
    on a case."""
    if kind in OPENINGS:
        return "open-investigation"
    return next((slug for slug, action in ACTIONS.items() if action.kind is kind), None)


def open_actions(view: CaseView) -> list[tuple[str, str]]:
    """(slug, title) of the actions open on the case now, in the procedure's order."""
    kinds = [step.kind for step in view.next_steps]
    found: list[tuple[str, str]] = []
    for kind in kinds:
        if kind in OPENINGS:
            found.append(("open-investigation", OPENINGS[kind][0]))
        for slug, action in ACTIONS.items():
            if action.kind is kind and (slug, action.title) not in found:
                found.append((slug, action.title))
    return found
