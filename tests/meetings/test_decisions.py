"""Decisions (MTG-3): votes of members present and eligible, conflicts excluded (COI-2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.agenda import add_agenda_item
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.decisions import cast_vote, close_decision, open_decision, tally
from panelkeeper.meetings.models import Meeting, VoteCast
from panelkeeper.meetings.queries import meeting_page
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.models import ConflictDecision, Decision
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


@pytest.fixture
def meeting(factory: Factory, nexus_by_vote: PolicyVersion) -> Meeting:
    return factory.meeting(date=D(2026, 11, 12))


def present(meeting: Meeting, officer: User, *names: str, factory: Factory) -> list[Member]:
    members = [factory.panel_member(full_name=name) for name in names]
    for member in members:
        record_attendance(
            meeting=meeting, member=member, presence="present", actor=officer, today=TODAY
        )
    return members


def test_a_simple_majority_of_members_present_carries_the_motion_mtg_3(
    factory: Factory, meeting: Meeting, officer: User
) -> None:
    ann, bob, cat = present(meeting, officer, "Ann", "Bob", "Cat", factory=factory)
    decision = open_decision(
        meeting=meeting, motion="Adopt the report", method="vote", actor=officer
    )
    cast_vote(decision=decision, member=ann, vote="for", actor=officer)
    cast_vote(decision=decision, member=bob, vote="for", actor=officer)
    cast_vote(decision=decision, member=cat, vote="against", actor=officer)
    closed = close_decision(decision=decision, actor=officer)
    assert closed.outcome == "carried"
    assert tally(closed) == {"for": 2, "against": 1, "abstain": 0}
    with pytest.raises(Refused, match="already counted"):
        cast_vote(decision=closed, member=ann, vote="for", actor=officer)


def test_a_second_vote_by_the_same_member_is_refused_mtg_3(
    factory: Factory, meeting: Meeting, officer: User
) -> None:
    [ann] = present(meeting, officer, "Ann", factory=factory)
    decision = open_decision(meeting=meeting, motion="Adopt", method="vote", actor=officer)
    cast_vote(decision=decision, member=ann, vote="for", actor=officer)
    with pytest.raises(Refused, match="Ann has already voted"):
        cast_vote(decision=decision, member=ann, vote="against", actor=officer)
    assert VoteCast.objects.get().vote == "for"


def test_only_members_recorded_present_may_vote_mtg_3(
    factory: Factory, meeting: Meeting, officer: User
) -> None:
    absent = factory.panel_member(full_name="Al Absent")
    record_attendance(meeting=meeting, member=absent, presence="absent", actor=officer, today=TODAY)
    decision = open_decision(meeting=meeting, motion="Adopt", method="vote", actor=officer)
    with pytest.raises(Refused, match="Al Absent is not recorded as present"):
        cast_vote(decision=decision, member=absent, vote="for", actor=officer)
    assert not VoteCast.objects.exists()


def test_a_member_who_withdrew_for_a_conflict_cannot_vote_on_the_item_coi_2(
    factory: Factory, meeting: Meeting, officer: User
) -> None:
    ann, bob = present(meeting, officer, "Ann", "Bob", factory=factory)
    item = add_agenda_item(meeting=meeting, title="Repairs contract", actor=officer)
    factory.interest(ann)
    ConflictDecision.objects.create(
        organisation=meeting.group.organisation,
        work=item.work,
        member=ann,
        decision=Decision.WITHDRAWS_ENTIRELY,
        decided_by_role="chair",
        decided_by_title="Chair",
        decided_on=D(2026, 11, 12),
        told_role="chair",
        told_title="Chair",
        told_on=D(2026, 11, 12),
        recorded_at=timezone.now(),
        recorded_by=officer,
    )
    decision = open_decision(
        meeting=meeting, motion="Renew the contract", method="vote", item=item, actor=officer
    )
    with pytest.raises(Refused, match="withdrawn from this item"):
        cast_vote(decision=decision, member=ann, vote="for", actor=officer)
    cast_vote(decision=decision, member=bob, vote="for", actor=officer)
    [view] = meeting_page(meeting)["items"]
    assert view.conflicted == [ann]


def test_a_member_not_eligible_on_the_day_cannot_vote_mtg_3(
    factory: Factory, officer: User
) -> None:
    """Vela asks every member to sign its documents before taking part (MEM-2)."""
    factory.published_version(preset="vela", in_force_from=D(2026, 1, 5))
    meeting = factory.meeting(date=D(2026, 11, 12))
    [ann] = present(meeting, officer, "Ann", factory=factory)
    decision = open_decision(meeting=meeting, motion="Adopt", method="vote", actor=officer)
    with pytest.raises(Refused, match="Ann may not take part on 12 November 2026"):
        cast_vote(decision=decision, member=ann, vote="for", actor=officer)


def test_a_decision_by_consensus_is_recorded_as_such_without_votes_mtg_3(
    factory: Factory, nexus: PolicyVersion, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    [ann] = present(meeting, officer, "Ann", factory=factory)
    decision = open_decision(
        meeting=meeting, motion="Thank the staff", method="consensus", actor=officer
    )
    assert decision.outcome == "consensus"
    with pytest.raises(Refused, match="consensus"):
        cast_vote(decision=decision, member=ann, vote="for", actor=officer)


def test_decisions_need_a_motion_and_a_held_meeting_mtg_3(
    factory: Factory, nexus: PolicyVersion, officer: User
) -> None:
    upcoming = factory.meeting()
    with pytest.raises(Refused, match="once it has been held"):
        open_decision(meeting=upcoming, motion="Adopt", method="vote", actor=officer)
    with pytest.raises(Refused, match="Enter the motion"):
        open_decision(meeting=upcoming, motion=" ", method="vote", actor=officer)


def test_nexus_decides_by_consensus_and_refuses_a_vote_mtg_3(
    factory: Factory, nexus: PolicyVersion, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    with pytest.raises(Refused) as caught:
        open_decision(meeting=meeting, motion="Adopt", method="vote", actor=officer)
    assert (caught.value.rule, caught.value.field) == ("MTG-3", "method")
    assert "decides by consensus" in caught.value.message
    assert not meeting.decisions.exists()
    assert open_decision(meeting=meeting, motion="Adopt", actor=officer).method == "consensus"


def test_a_code_deciding_by_majority_refuses_consensus_and_defaults_to_a_vote_mtg_3(
    meeting: Meeting, officer: User
) -> None:
    with pytest.raises(Refused) as caught:
        open_decision(meeting=meeting, motion="Adopt", method="consensus", actor=officer)
    assert caught.value.rule == "MTG-3" and "majority vote" in caught.value.message
    decision = open_decision(meeting=meeting, motion="Adopt", actor=officer)
    assert decision.method == "vote" and decision.is_open


def test_a_code_silent_on_how_it_decides_allows_either_mtg_3(
    factory: Factory, officer: User
) -> None:
    factory.published_version(preset="herefordshire", in_force_from=D(2026, 1, 5))
    meeting = factory.meeting(date=D(2026, 11, 12))
    for method in ("vote", "consensus"):
        assert open_decision(meeting=meeting, motion="Adopt", method=method, actor=officer)
