"""A member asked to leave (MTG-5) and actions allocated at a meeting (MTG-6)."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.actions import actions_of, allocate_action, complete_action, overdue
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.conduct import record_asked_to_leave
from panelkeeper.meetings.models import AskedToLeave, Meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


@pytest.fixture
def meeting(factory: Factory, nexus: PolicyVersion) -> Meeting:
    return factory.meeting(date=D(2026, 11, 12))


@pytest.fixture
def member(factory: Factory, meeting: Meeting, officer: User) -> Member:
    member = factory.panel_member(full_name="Ray Rowdy")
    record_attendance(
        meeting=meeting, member=member, presence="present", actor=officer, today=TODAY
    )
    return member


def test_the_chair_asking_a_member_to_leave_is_recorded_once_for_a_case_later_mtg_5(
    meeting: Meeting, member: Member, officer: User
) -> None:
    row = record_asked_to_leave(
        meeting=meeting, member=member, what_happened="Shouted abuse at a resident", actor=officer
    )
    assert list(AskedToLeave.objects.all()) == [row]
    with pytest.raises(Refused, match="already recorded as asked to leave"):
        record_asked_to_leave(meeting=meeting, member=member, what_happened="Again", actor=officer)


def test_asked_to_leave_needs_a_member_present_and_a_description_mtg_5(
    factory: Factory, meeting: Meeting, officer: User
) -> None:
    away = factory.panel_member(full_name="Al Away")
    with pytest.raises(Refused, match="Al Away is not recorded as present"):
        record_asked_to_leave(meeting=meeting, member=away, what_happened="x", actor=officer)
    with pytest.raises(Refused, match="Describe the serious breach"):
        record_asked_to_leave(meeting=meeting, member=away, what_happened=" ", actor=officer)
    assert not AskedToLeave.objects.exists()


def test_a_code_without_the_power_refuses_asked_to_leave_mtg_5(
    factory: Factory, officer: User
) -> None:
    factory.published_version(preset="insight", in_force_from=D(2026, 1, 5))
    meeting = factory.meeting(date=D(2026, 11, 12))
    member = factory.panel_member()
    with pytest.raises(Refused, match="does not provide for the chair"):
        record_asked_to_leave(meeting=meeting, member=member, what_happened="x", actor=officer)


def test_an_action_has_one_owner_and_is_overdue_once_its_date_passes_mtg_6(
    factory: Factory, meeting: Meeting, member: Member, officer: User
) -> None:
    with pytest.raises(Refused, match="one owner"):
        allocate_action(
            meeting=meeting,
            description="Read the survey",
            due_on=D(2026, 11, 20),
            owner_member=member,
            owner_user=officer,
            actor=officer,
        )
    with pytest.raises(Refused, match="on or after the meeting"):
        allocate_action(
            meeting=meeting,
            description="Read the survey",
            due_on=D(2026, 11, 1),
            owner_member=member,
            actor=officer,
        )
    action = allocate_action(
        meeting=meeting,
        description="Read the survey",
        due_on=D(2026, 11, 20),
        owner_member=member,
        actor=officer,
    )
    mine = allocate_action(
        meeting=meeting,
        description="Book the room",
        due_on=D(2026, 11, 30),
        owner_user=officer,
        actor=officer,
    )
    organisation = meeting.group.organisation
    assert list(overdue(actions_of(organisation), today=TODAY)) == [action]
    assert not mine.is_overdue(TODAY) and action.is_overdue(TODAY)
    complete_action(action=action, done_on=TODAY, actor=officer, today=TODAY)
    assert list(overdue(actions_of(organisation), today=TODAY)) == []
    with pytest.raises(Refused, match="already done"):
        complete_action(action=action, done_on=TODAY, actor=officer, today=TODAY)


def test_an_action_belongs_to_a_member_of_the_meetings_group_mtg_6(
    factory: Factory, meeting: Meeting, officer: User
) -> None:
    stranger = factory.panel_member(group=factory.group())
    with pytest.raises(Refused, match="member of this group"):
        allocate_action(
            meeting=meeting,
            description="x",
            due_on=D(2026, 11, 20),
            owner_member=stranger,
            actor=officer,
        )
