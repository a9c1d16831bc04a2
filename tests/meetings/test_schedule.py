"""Scheduling, recording a held meeting, cancelling, and the chair for a meeting (MTG-4)."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.models import ChairBasis, Meeting, MeetingStatus
from panelkeeper.meetings.queries import expected_members
from panelkeeper.meetings.schedule import cancel_meeting, chair_for, schedule_meeting
from panelkeeper.members.models import GroupRole
from panelkeeper.organisations.models import Group
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


def schedule(panel: Group, officer: User, **fields: object) -> Meeting:
    values: dict[str, object] = {
        "group": panel,
        "date": D(2026, 12, 3),
        "starts_at": dt.time(18, 30),
        "place": "Hope Street",
        "actor": officer,
        "today": TODAY,
    }
    values.update(fields)
    return schedule_meeting(**values)  # type: ignore[arg-type]


def test_a_scheduled_meeting_dated_in_the_past_is_refused_and_nothing_saved(
    panel: Group, officer: User
) -> None:
    with pytest.raises(Refused, match="has passed") as refused:
        schedule(panel, officer, date=D(2026, 11, 20))
    assert refused.value.field == "date"
    assert "record it as held" in refused.value.message
    assert not Meeting.objects.exists()


def test_a_meeting_already_held_may_be_recorded_but_not_in_the_future(
    panel: Group, officer: User
) -> None:
    meeting = schedule(panel, officer, date=D(2026, 11, 20), held=True)
    assert meeting.status == MeetingStatus.HELD
    with pytest.raises(Refused, match="today or earlier"):
        schedule(panel, officer, date=D(2026, 11, 24), held=True)


def test_a_meeting_needs_a_place_or_an_online_link(panel: Group, officer: User) -> None:
    with pytest.raises(Refused, match="place of the meeting, an online link"):
        schedule(panel, officer, place=" ")
    assert schedule(panel, officer, place="", online_link="https://meet.example/x").online_link


def test_a_rota_chair_must_be_named_and_be_an_active_member_mtg_4(
    factory: Factory, panel: Group, officer: User
) -> None:
    with pytest.raises(Refused, match="by rota"):
        schedule(panel, officer, chair_basis=ChairBasis.ROTA)
    other = factory.panel_member(group=factory.group())
    with pytest.raises(Refused, match="member of this group"):
        schedule(panel, officer, chair_basis=ChairBasis.ROTA, chair=other)
    mine = factory.panel_member(full_name="Rota Rita")
    meeting = schedule(panel, officer, chair_basis=ChairBasis.ROTA, chair=mine)
    assert chair_for(meeting, expected_members(meeting), {}) == (mine, ChairBasis.ROTA)


def test_the_vice_chair_stands_in_when_the_chair_sends_apologies_mtg_4(
    factory: Factory, panel: Group, officer: User
) -> None:
    chair = factory.panel_member(full_name="Chair", role=GroupRole.CHAIR)
    vice = factory.panel_member(full_name="Vice", role=GroupRole.VICE_CHAIR)
    meeting = factory.meeting(date=D(2026, 11, 12))
    members = expected_members(meeting)
    assert chair_for(meeting, members, {}) == (chair, ChairBasis.STANDING)
    record_attendance(
        meeting=meeting,
        member=chair,
        presence="apologies",
        apologies_given_on=D(2026, 11, 10),
        actor=officer,
        today=TODAY,
    )
    assert chair_for(meeting, members, {chair.pk: "apologies"}) == (vice, ChairBasis.VICE_CHAIR)


def test_cancelling_needs_a_reason_and_only_a_scheduled_meeting(
    factory: Factory, officer: User
) -> None:
    meeting = factory.meeting()
    with pytest.raises(Refused, match="why the meeting is cancelled"):
        cancel_meeting(meeting=meeting, reason=" ", actor=officer, today=TODAY)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED
    cancel_meeting(meeting=meeting, reason="Storm warning", actor=officer, today=TODAY)
    with pytest.raises(Refused, match="Only a scheduled meeting"):
        cancel_meeting(meeting=meeting, reason="Again", actor=officer, today=TODAY)
