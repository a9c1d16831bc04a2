"""A case's effects in the member's status history: suspension, lifting, exclusion, and an
appeal that overturns (BR-9, BR-10, BR-12)."""

from __future__ import annotations

import datetime as dt

from panelkeeper.cases.changes.appeals import decide_appeal, lodge_appeal
from panelkeeper.cases.changes.people import seat_investigator
from panelkeeper.cases.changes.steps import (
    convene_group,
    inform_member,
    lift_suspension,
    record_determination,
    record_notice,
    record_outcome,
    suspend_member,
)
from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import assess_case
from panelkeeper.members.eligibility import Hurdle, eligibility
from panelkeeper.members.models import Status
from panelkeeper.members.status import status_on
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def _investigating(factory: Factory) -> Case:
    case = factory.the_case
    inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=TODAY)
    return case


def _hurdles(case: Case, on: dt.date) -> set[Hurdle]:
    return {r.hurdle for r in eligibility(case.member, on=on).reasons}


def test_a_suspension_makes_the_member_ineligible_and_lifting_it_restores_them_br_9(
    factory: Factory,
) -> None:
    case = _investigating(factory)
    suspend_member(case=case, actor=None, effective=dt.date(2026, 11, 4), today=TODAY)
    assert Hurdle.SUSPENDED in _hurdles(case, dt.date(2026, 11, 4))
    assert Hurdle.SUSPENDED not in _hurdles(case, dt.date(2026, 11, 3))
    lift_suspension(case=case, actor=None, effective=dt.date(2026, 11, 12), today=TODAY)
    assert Hurdle.SUSPENDED in _hurdles(case, dt.date(2026, 11, 11))
    assert Hurdle.SUSPENDED not in _hurdles(case, dt.date(2026, 11, 12))


def test_a_suspension_with_an_end_date_ends_on_its_own_br_9(factory: Factory) -> None:
    case = _investigating(factory)
    suspend_member(
        case=case,
        actor=None,
        effective=dt.date(2026, 11, 4),
        until=dt.date(2026, 12, 4),
        today=TODAY,
    )
    assert status_on(case.member, on=dt.date(2026, 12, 3)) == Status.SUSPENDED
    assert status_on(case.member, on=dt.date(2026, 12, 4)) == Status.ACTIVE


def _to_outcome(factory: Factory, case: Case, outcome: str, level: str) -> None:
    for role in ("customer_involvement_team", "service_improvement_team"):
        seat_investigator(
            case=case,
            role_key=role,
            user=factory.invited_to_case(case),
            actor=None,
            effective=dt.date(2026, 11, 4),
            today=TODAY,
        )
    seat_investigator(
        case=case,
        role_key="involved_customer",
        member=factory.involved_customer(),
        actor=None,
        effective=dt.date(2026, 11, 4),
        today=TODAY,
    )
    convene_group(case=case, actor=None, effective=dt.date(2026, 11, 5), today=TODAY)
    record_determination(
        case=case, level=level, actor=None, effective=dt.date(2026, 11, 10), today=TODAY
    )
    record_outcome(
        case=case, outcome=outcome, actor=None, effective=dt.date(2026, 11, 10), today=TODAY
    )
    record_notice(
        case=case,
        sent_on=dt.date(2026, 11, 11),
        channel="email",
        actor=None,
        today=TODAY,
    )


def test_being_asked_to_leave_ends_membership_and_an_overturned_appeal_restores_it_br_12(
    factory: Factory,
) -> None:
    case = _investigating(factory)
    suspend_member(case=case, actor=None, effective=dt.date(2026, 11, 4), today=TODAY)
    _to_outcome(factory, case, "asked_to_leave", "major")
    assert status_on(case.member, on=dt.date(2026, 11, 10)) == Status.ENDED
    lodge_appeal(case=case, received_on=dt.date(2026, 11, 13), actor=None, today=TODAY)
    decide_appeal(
        case=case,
        result="overturned",
        reason="The evidence did not hold.",
        actor=None,
        effective=dt.date(2026, 11, 20),
        today=TODAY,
    )
    # Undone from the day each effect began: the ending and the interim suspension.
    assert status_on(case.member, on=dt.date(2026, 11, 10)) == Status.ACTIVE
    assert status_on(case.member, on=dt.date(2026, 11, 21)) == Status.ACTIVE
    case.refresh_from_db()
    assert case.state == "closed"


def test_an_upheld_appeal_leaves_the_ending_in_place_br_12(factory: Factory) -> None:
    case = _investigating(factory)
    _to_outcome(factory, case, "asked_to_leave", "major")
    lodge_appeal(case=case, received_on=dt.date(2026, 11, 13), actor=None, today=TODAY)
    decide_appeal(
        case=case,
        result="upheld",
        reason="Fair.",
        actor=None,
        effective=dt.date(2026, 11, 20),
        today=TODAY,
    )
    assert status_on(case.member, on=dt.date(2026, 11, 21)) == Status.ENDED


def test_a_varied_appeal_replaces_the_ending_with_the_new_outcome_br_12(
    factory: Factory,
) -> None:
    case = _investigating(factory)
    _to_outcome(factory, case, "asked_to_leave", "major")
    lodge_appeal(case=case, received_on=dt.date(2026, 11, 13), actor=None, today=TODAY)
    decide_appeal(
        case=case,
        result="varied",
        reason="Too harsh.",
        outcome="final_written_warning",
        actor=None,
        effective=dt.date(2026, 11, 20),
        today=TODAY,
    )
    assert status_on(case.member, on=dt.date(2026, 11, 21)) == Status.ACTIVE
    view = assess_case(case, as_of=TODAY)
    assert view.outcome is not None and view.outcome.key == "final_written_warning"
