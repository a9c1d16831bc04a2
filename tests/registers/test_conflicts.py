"""Pieces of work, conflict checks, decisions and conflicts_for (COI-2 to COI-4)."""

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.conflicts import (
    conflict_check,
    conflicts_for,
    open_work_item,
    record_conflict_decision,
)
from panelkeeper.registers.models import ConflictDecision, Decision, Grounds, WorkItem, WorkKind
from tests.factory import Factory
from tests.registers.conftest import TODAY, audit_actions, in_force


def decide(work: WorkItem, member: Member, actor: User, **fields: object) -> ConflictDecision:
    fields.setdefault("decision", Decision.WITHDRAWS_ENTIRELY)
    fields.setdefault("decided_by_role", "customer_involvement_team")
    fields.setdefault("decided_on", dt.date(2026, 11, 20))
    fields.setdefault("told_role", "customer_involvement_team")
    fields.setdefault("told_on", dt.date(2026, 11, 19))
    return record_conflict_decision(work=work, member=member, actor=actor, today=TODAY, **fields)  # type: ignore[arg-type]


def test_opening_a_piece_of_work_is_audited(factory: Factory, officer: User) -> None:
    work = open_work_item(
        organisation=factory.home, kind=WorkKind.CASE, title="  Case 12 ", on=TODAY, actor=officer
    )
    assert (work.kind, work.title) == ("case", "Case 12")
    assert audit_actions(work) == ["work_item.opened"]
    with pytest.raises(Refused, match="title"):
        open_work_item(
            organisation=factory.home, kind=WorkKind.CASE, title=" ", on=TODAY, actor=None
        )


def test_the_check_lists_members_whose_interests_are_current_on_the_works_date_coi_2(
    factory: Factory,
) -> None:
    current, ended, later = (factory.panel_member(full_name=n) for n in ("Ann", "Bob", "Cy"))
    interest = factory.interest(current)
    factory.interest(ended, ends_on=dt.date(2026, 12, 2))
    factory.interest(later, starts_on=dt.date(2026, 12, 4))
    factory.interest(factory.panel_member(factory.panel(factory.other)))
    work = factory.work_item(on=dt.date(2026, 12, 3))
    [line] = conflict_check(work)
    assert line.member == current and line.interests == (interest,) and line.decision is None


def test_a_decision_records_who_decided_and_who_was_told_coi_2_coi_3(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    member = factory.panel_member()
    factory.interest(member)
    work = factory.work_item()
    row = decide(
        work,
        member,
        officer,
        decision=Decision.WITHDRAWS_IN_PART,
        parts="The vote on the repairs contract",
        decided_by_role="project_lead",
    )
    assert (row.decided_by_role, row.decided_by_title) == (
        "project_lead",
        "the person leading the scrutiny project",
    )
    assert (row.told_title, row.told_on) == ("Customer Involvement Team", dt.date(2026, 11, 19))
    assert row.recorded_by == officer
    assert audit_actions(row) == ["conflict_decision.recorded"]
    [line] = conflict_check(work)
    assert line.decision == row


def test_a_role_the_code_does_not_name_is_refused_interpretation_12(
    factory: Factory, officer: User
) -> None:
    in_force(factory, "insight")
    member = factory.panel_member()
    work = factory.work_item()
    with pytest.raises(Refused, match="Customer Involvement Co-ordinator") as caught:
        decide(work, member, officer, decided_by_role="chair", told_role=None)
    assert caught.value.field == "decided_by_role"
    # insight names one decider and one role to tell: both may be left out.
    row = decide(work, member, officer, decided_by_role=None, told_role=None)
    assert row.decided_by_role == row.told_role == "customer_involvement_coordinator"


def test_nexus_records_the_chair_or_the_panel_deciding(factory: Factory, officer: User) -> None:
    in_force(factory, "nexus")
    row = decide(
        factory.work_item(),
        factory.panel_member(),
        officer,
        decision=Decision.NO_CONFLICT,
        decided_by_role="panel",
        told_role="chair",
    )
    assert row.decided_by_title == "the Panel"


def test_a_partial_withdrawal_must_name_the_parts(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    with pytest.raises(Refused, match="which parts"):
        decide(
            factory.work_item(),
            factory.panel_member(),
            officer,
            decision=Decision.WITHDRAWS_IN_PART,
        )
    assert not ConflictDecision.objects.exists()


def test_a_second_decision_for_the_same_member_and_work_needs_a_reason_to_revise(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    """Revisions themselves are tested in test_revisions."""
    member, work = factory.panel_member(full_name="Dee Dupont"), factory.work_item()
    decide(work, member, officer)
    with pytest.raises(Refused, match="Dee Dupont on this work is already recorded"):
        decide(work, member, officer, decision=Decision.NO_CONFLICT)
    assert ConflictDecision.objects.get().decision == Decision.WITHDRAWS_ENTIRELY


def test_decisions_in_the_future_or_without_a_code_are_refused(
    factory: Factory, officer: User
) -> None:
    work, member = factory.work_item(), factory.panel_member()
    with pytest.raises(Refused, match="No code of conduct was in force on 3 December 2026"):
        decide(work, member, officer)
    in_force(factory)
    with pytest.raises(Refused, match="today or in the past"):
        decide(work, member, officer, decided_on=TODAY + dt.timedelta(days=1))


def test_conflicts_for_answers_who_is_out_as_known_on_a_date_coi_4(
    factory: Factory, vela: PolicyVersion, officer: User
) -> None:
    out, part, clear, waiting = (factory.panel_member(full_name=n) for n in "ABCD")
    for m in (out, part, clear, waiting):
        factory.interest(m)
    work = factory.work_item()
    decide(work, out, officer, decided_on=dt.date(2026, 11, 20))
    decide(
        work,
        part,
        officer,
        decision=Decision.WITHDRAWS_IN_PART,
        parts="Item 3",
        decided_on=dt.date(2026, 11, 21),
    )
    decide(work, clear, officer, decision=Decision.NO_CONFLICT, grounds=Grounds.INTEREST)
    found = conflicts_for(work, on=dt.date(2026, 11, 20))
    assert found.excludes(out) and found.withdrawn(out.pk)
    assert not found.withdrawn(part) and part.pk in found.undecided
    later = conflicts_for(work, on=TODAY)
    assert (
        later.in_part == {part.pk: "Item 3"} and later.withdrawn(part) and not later.excludes(part)
    )
    assert not later.withdrawn(clear)
    assert later.undecided == frozenset({waiting.pk})


def test_receiving_a_report_is_not_among_the_grounds_interpretation_11() -> None:
    assert set(Grounds.values) == {"interest", "advised", "witness", "implicated"}


def test_a_member_who_has_left_raises_no_conflict_on_later_work_coi_2(
    factory: Factory, officer: User
) -> None:
    from panelkeeper.members.records import change_member_status

    leaver = factory.panel_member(full_name="Lee Leaver")
    factory.interest(leaver)
    change_member_status(
        member=leaver,
        status="ended",
        reason="Stood down",
        effective_from=dt.date(2026, 11, 1),
        actor=officer,
        today=TODAY,
    )
    work = factory.work_item(on=dt.date(2026, 12, 3))
    assert conflict_check(work) == []
    assert conflicts_for(work, on=TODAY).undecided == frozenset()
