"""Each domain function refuses what the code does not allow, naming the rule, and saves
nothing when it does (STYLE 7)."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.cases.changes.appeals import (
    consider_appeal,
    decide_appeal,
    decide_late_appeal,
    lodge_appeal,
)
from panelkeeper.cases.changes.people import seat_investigator
from panelkeeper.cases.changes.steps import (
    DatedStep,
    close_case,
    convene_group,
    inform_member,
    lift_suspension,
    open_investigation,
    record_determination,
    record_notice,
    record_outcome,
    record_training_refused,
    suspend_member,
    withdraw_case,
)
from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.cases.procedure import assess_case
from panelkeeper.lib.refusals import Refused
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def _refusal(call: object, **kwargs: object) -> Refused:
    with pytest.raises(Refused) as caught:
        call(**kwargs)  # type: ignore[operator]
    return caught.value


def test_a_breach_nobody_described_is_refused_br_0(factory: Factory) -> None:
    refusal = _refusal(factory.breach_case, description="  ")
    assert refusal.rule == "BR-0" and refusal.field == "description"
    assert not Case.objects.exists()


def test_a_clause_outside_the_citable_documents_is_refused_br_0(factory: Factory) -> None:
    refusal = _refusal(factory.breach_case, clauses=["role_profile"])
    assert refusal.rule == "BR-0" and "role_profile" in refusal.message


def test_a_breach_with_no_clause_is_refused_where_the_code_names_citable_ones_br_0(
    factory: Factory,
) -> None:
    assert _refusal(factory.breach_case, clauses=[]).rule == "BR-0"


def test_someone_the_code_does_not_let_raise_a_breach_is_refused_br_1(factory: Factory) -> None:
    refusal = _refusal(factory.breach_case, raised_by="panel_member")
    assert refusal.rule == "BR-1"


def test_an_anonymous_report_is_refused_where_the_code_has_no_anonymous_route_br_1(
    factory: Factory,
) -> None:
    refusal = _refusal(factory.breach_case, anonymous=True, reporter_name="")
    assert refusal.rule == "BR-1"


def test_thirteen_takes_an_anonymous_report_and_keeps_no_name_br_1(factory: Factory) -> None:
    organisation = factory.organisation()
    member = factory.panel_member(group=factory.group(organisation))
    case = factory.breach_case(
        member, preset="thirteen", anonymous=True, reporter_name="", clauses=["code_of_conduct"]
    )
    assert case.anonymous and case.reporter_name == ""
    assert not case.parties.exists()


def test_an_anonymous_report_keeps_no_reporter_name_br_1(factory: Factory) -> None:
    assert _refusal(factory.breach_case, anonymous=True).field == "reporter_name"


def test_a_breach_dated_in_the_future_is_refused(factory: Factory) -> None:
    refusal = _refusal(factory.breach_case, effective=dt.date(2026, 11, 24))
    assert refusal.field == "effective"


def test_a_breach_before_any_code_was_in_force_is_refused_br_0(factory: Factory) -> None:
    assert _refusal(factory.breach_case, effective=dt.date(2026, 1, 6)).rule == "BR-0"


def test_suspension_before_the_formal_stage_is_refused_br_9(factory: Factory) -> None:
    case = factory.the_case
    refusal = _refusal(suspend_member, case=case, actor=None, today=TODAY)
    assert refusal.rule == "BR-9"
    assert case.events.count() == 1


def test_a_determination_before_the_group_is_convened_is_refused_br_6(factory: Factory) -> None:
    case = factory.the_case
    inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=TODAY)
    refusal = _refusal(record_determination, case=case, level="minor", actor=None, today=TODAY)
    assert refusal.rule == "BR-6"


def test_an_outcome_not_on_offer_needs_a_reason_interpretation_8(factory: Factory) -> None:
    factory.appeal_officer()  # takes the_case to an appealed outcome
    case = factory.breach_case(effective=dt.date(2026, 11, 16))
    inform_member(case=case, actor=None, effective=dt.date(2026, 11, 16), today=TODAY)
    for role in ("customer_involvement_team", "service_improvement_team"):
        seat_investigator(
            case=case,
            role_key=role,
            user=factory.invited_to_case(case),
            actor=None,
            today=TODAY,
            effective=dt.date(2026, 11, 16),
        )
    seat_investigator(
        case=case,
        role_key="involved_customer",
        member=factory.involved_customer(),
        actor=None,
        today=TODAY,
        effective=dt.date(2026, 11, 16),
    )
    convene_group(case=case, actor=None, effective=dt.date(2026, 11, 17), today=TODAY)
    record_determination(
        case=case, level="minor", actor=None, effective=dt.date(2026, 11, 18), today=TODAY
    )
    # A second minor finding: the procedure makes it major, naming the earlier case (BR-8).
    case.refresh_from_db()
    assert case.level == "major"
    refusal = _refusal(
        record_outcome,
        case=case,
        outcome="mediation",
        actor=None,
        effective=dt.date(2026, 11, 18),
        today=TODAY,
    )
    assert refusal.rule == "Interpretation 8"
    event = record_outcome(
        case=case,
        outcome="mediation",
        reason="Both agreed to it.",
        actor=None,
        effective=dt.date(2026, 11, 18),
        today=TODAY,
    )
    assert event.reason == "Both agreed to it."


def test_a_notice_needs_its_recipient_and_channel_br_11(factory: Factory) -> None:
    case = factory.the_case
    assert (
        _refusal(
            record_notice,
            case=case,
            sent_on=TODAY,
            to=" ",
            channel="email",
            actor=None,
            today=TODAY,
        ).rule
        == "BR-11"
    )
    assert (
        _refusal(
            record_notice,
            case=case,
            sent_on=TODAY,
            to="Sam",
            channel="pigeon",
            actor=None,
            today=TODAY,
        ).rule
        == "Interpretation 2"
    )
    assert (
        _refusal(
            record_notice,
            case=case,
            sent_on=TODAY,
            to="Sam",
            channel="email",
            actor=None,
            today=TODAY,
        ).rule
        == "BR-11"
    )


def test_an_appeal_before_any_decision_is_refused_br_12(factory: Factory) -> None:
    refusal = _refusal(
        lodge_appeal, case=factory.the_case, received_on=TODAY, actor=None, today=TODAY
    )
    assert refusal.rule == "BR-12"


def test_a_late_appeal_is_marked_late_and_waits_for_an_officer_interpretation_3(
    factory: Factory,
) -> None:
    factory.appeal_officer()
    case = factory.breach_case(effective=dt.date(2026, 10, 1), today=dt.date(2026, 10, 1))
    day = dt.date(2026, 10, 20)
    inform_member(case=case, actor=None, effective=dt.date(2026, 10, 1), today=day)
    for role in ("customer_involvement_team", "service_improvement_team"):
        seat_investigator(
            case=case, role_key=role, user=factory.invited_to_case(case), actor=None, today=day
        )
    seat_investigator(
        case=case,
        role_key="involved_customer",
        member=factory.involved_customer(),
        actor=None,
        today=day,
    )
    convene_group(case=case, actor=None, effective=dt.date(2026, 10, 2), today=day)
    record_determination(
        case=case, level="minor", actor=None, effective=dt.date(2026, 10, 5), today=day
    )
    record_outcome(
        case=case,
        outcome="training_and_support",
        actor=None,
        effective=dt.date(2026, 10, 5),
        today=day,
    )
    record_notice(
        case=case,
        sent_on=dt.date(2026, 10, 6),
        to="Sam Subject",
        channel="post",
        actor=None,
        today=day,
    )
    # Posted on Tuesday 6 October: received Thursday 8th; ten working days end on the 22nd.
    lodge_appeal(case=case, received_on=dt.date(2026, 10, 23), actor=None, today=TODAY)
    refusal = _refusal(
        decide_appeal, case=case, result="upheld", reason="x", actor=None, today=TODAY
    )
    assert refusal.rule == "BR-12" and "late appeal decided" in refusal.message
    appeal = assess_case(case, as_of=TODAY).appeal
    assert appeal is not None and appeal.late and appeal.window_closed == dt.date(2026, 10, 22)
    assert (
        _refusal(
            decide_late_appeal, case=case, accepted=False, reason=" ", actor=None, today=TODAY
        ).rule
        == "Interpretation 3"
    )
    decide_late_appeal(
        case=case, accepted=False, reason="No reason for the delay.", actor=None, today=TODAY
    )
    case.refresh_from_db()
    assert case.state == "closed"


def test_a_withdrawal_needs_a_reason_br_4(factory: Factory) -> None:
    refusal = _refusal(withdraw_case, case=factory.the_case, reason="", actor=None, today=TODAY)
    assert refusal.rule == "BR-4"


def test_events_cannot_be_changed_or_deleted_once_written(factory: Factory) -> None:
    from django.db import DatabaseError, transaction

    event = CaseEvent.objects.get(case=factory.the_case)
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).update(level="changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).delete()


@pytest.mark.parametrize(
    ("step", "rule"),
    [
        (lift_suspension, "BR-9"),
        (record_training_refused, "BR-10"),
        (convene_group, "BR-6"),
        (consider_appeal, "BR-12"),
        (close_case, "BR-10"),
    ],
)
def test_a_step_not_open_on_a_newly_reported_case_is_refused_naming_its_rule(
    factory: Factory, step: DatedStep, rule: str
) -> None:
    case = factory.the_case
    with pytest.raises(Refused) as caught:
        step(case=case, actor=None, today=TODAY)
    assert caught.value.rule == rule
    assert case.events.count() == 1


def test_the_formal_stage_opens_only_once_br_4(factory: Factory) -> None:
    case = factory.the_case
    open_investigation(case=case, actor=None, effective=dt.date(2026, 11, 3), today=TODAY)
    with pytest.raises(Refused) as caught:
        open_investigation(case=case, actor=None, today=TODAY)
    assert caught.value.rule == "BR-4"
