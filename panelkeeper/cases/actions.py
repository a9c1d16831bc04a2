"""The steps an officer can take on a case's page: each a form and one domain function.

``ACTIONS`` is keyed by the slug in the URL (``…/cases/<pk>/<action>/``) and used by
the pages and the API alike. ``kind`` ties an action to the step of the procedure it
records, so a page offers only the steps the procedure says are open now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms

from panelkeeper.cases import forms as f
from panelkeeper.cases import services as s
from panelkeeper.cases.models import Case
from panelkeeper.rules.breaches import CaseView, EventKind

Perform = Callable[[Case, dict[str, Any], Any], str]


@dataclass(frozen=True)
class Action:
    title: str
    form: type[forms.Form]
    perform: Perform
    kind: EventKind | None = None
    """The step it records; None for records that are not steps (people, seats)."""


def _informal(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.take_informal_step(
        case=case,
        step=d["step"],
        effective=d.get("effective"),
        actor=actor,
        given_by_user=d.get("given_by"),
    )
    return "Informal step recorded"


def _party(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.add_party(
        case=case,
        role=d["role"],
        member=d.get("member"),
        user=d.get("user"),
        name=d.get("name", ""),
        contact=d.get("contact", ""),
        agreed_to_letters=d.get("agreed_to_letters", False),
        effective=d.get("effective"),
        actor=actor,
    )
    return "Person added to the case"


def _seat(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.seat_investigator(
        case=case,
        role_key=d["role_key"],
        member=d.get("member"),
        user=d.get("user"),
        impartial=d.get("impartial", False),
        effective=d.get("effective"),
        actor=actor,
    )
    return "Seat filled"


def _simple(fn: Callable[..., Any], message: str) -> Perform:
    def perform(case: Case, d: dict[str, Any], actor: Any) -> str:
        fn(case=case, effective=d.get("effective"), actor=actor)
        return message

    return perform


def _suspend(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.suspend_member(case=case, until=d.get("until"), effective=d.get("effective"), actor=actor)
    return "Member suspended"


def _determine(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.record_determination(
        case=case,
        level=d["level"],
        confidentiality=d["confidentiality"],
        effective=d.get("effective"),
        actor=actor,
    )
    return "Finding recorded"


def _outcome(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.record_outcome(
        case=case,
        outcome=d["outcome"],
        reason=d.get("reason", ""),
        until=d.get("until"),
        effective=d.get("effective"),
        actor=actor,
    )
    return "Outcome recorded"


def _notice(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.record_notice(case=case, sent_on=d["sent_on"], to=d["to"], channel=d["channel"], actor=actor)
    return "Notice recorded"


def _appeal(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.lodge_appeal(case=case, received_on=d["received_on"], actor=actor)
    return "Appeal recorded"


def _late(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.decide_late_appeal(
        case=case,
        accepted=d["accepted"],
        reason=d["reason"],
        effective=d.get("effective"),
        actor=actor,
    )
    return "Decision on the late appeal recorded"


def _decide(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.decide_appeal(
        case=case,
        result=d["result"],
        reason=d["reason"],
        outcome=d.get("outcome") or None,
        effective=d.get("effective"),
        actor=actor,
    )
    return "Appeal decision recorded"


def _withdraw(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.withdraw_case(case=case, reason=d["reason"], effective=d.get("effective"), actor=actor)
    return "Case withdrawn"


def _close(case: Case, d: dict[str, Any], actor: Any) -> str:
    s.close_case(case=case, reason=d.get("reason", ""), effective=d.get("effective"), actor=actor)
    return "Case closed"


ACTIONS: dict[str, Action] = {
    "informal-step": Action(
        "Record an informal step", f.InformalForm, _informal, EventKind.INFORMAL_STEP
    ),
    "open-investigation": Action(
        "Open the formal stage", f.StepForm, _simple(s.open_investigation, "Formal stage opened")
    ),
    "add-person": Action("Add a person involved", f.PartyForm, _party),
    "seat": Action("Fill a seat on the investigating group", f.SeatForm, _seat),
    "convene": Action(
        "Record that the group was convened",
        f.StepForm,
        _simple(s.convene_group, "Group convened"),
        EventKind.GROUP_CONVENED,
    ),
    "suspend": Action("Suspend the member", f.SuspendForm, _suspend, EventKind.SUSPENDED),
    "lift-suspension": Action(
        "Lift the suspension",
        f.StepForm,
        _simple(s.lift_suspension, "Suspension lifted"),
        EventKind.SUSPENSION_LIFTED,
    ),
    "training-refused": Action(
        "Record that training was refused",
        f.StepForm,
        _simple(s.record_training_refused, "Refusal recorded"),
        EventKind.TRAINING_REFUSED,
    ),
    "determine": Action(
        "Record what was found", f.DetermineForm, _determine, EventKind.LEVEL_DETERMINED
    ),
    "outcome": Action("Record the outcome", f.OutcomeForm, _outcome, EventKind.OUTCOME_RECORDED),
    "notice": Action("Record written notice sent", f.NoticeForm, _notice, EventKind.NOTICE_SENT),
    "appeal": Action("Record an appeal received", f.AppealForm, _appeal, EventKind.APPEAL_LODGED),
    "late-appeal": Action(
        "Accept or refuse the late appeal", f.LateAppealForm, _late, EventKind.LATE_APPEAL_DECIDED
    ),
    "consider-appeal": Action(
        "Record that the appeal was considered",
        f.StepForm,
        _simple(s.consider_appeal, "Appeal considered"),
        EventKind.APPEAL_CONSIDERED,
    ),
    "decide-appeal": Action(
        "Record the appeal decision", f.AppealDecisionForm, _decide, EventKind.APPEAL_DECIDED
    ),
    "withdraw": Action("Withdraw the case", f.ReasonForm, _withdraw, EventKind.WITHDRAWN),
    "close": Action("Close the case", f.OptionalReasonForm, _close, EventKind.CLOSED),
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
