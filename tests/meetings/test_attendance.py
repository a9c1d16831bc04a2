"""Attendance and apologies (MTG-1, Interpretation 7) recorded against saved meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.attendance import record_attendance, send_apologies
from panelkeeper.meetings.models import Attendance, MeetingStatus
from panelkeeper.meetings.schedule import cancel_meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


@pytest.fixture
def member(factory: Factory, insight: PolicyVersion) -> Member:
    return factory.panel_member(full_name="Ann Apologies")


def test_apologies_two_working_days_ahead_are_on_time_and_later_ones_late_mtg_1(
    factory: Factory, member: Member, officer: User
) -> None:
    """Thursday 26 November: due by Tuesday 24th (Interpretation 7)."""
    meeting = factory.meeting(date=D(2026, 11, 26))
    on_time = record_attendance(
        meeting=meeting,
        member=member,
        presence="apologies",
        apologies_given_on=D(2026, 11, 24),
        reason="Hospital appointment",
        actor=officer,
        today=D(2026, 11, 24),
    )
    assert on_time.late is False
    late = record_attendance(
        meeting=meeting,
        member=member,
        presence="apologies",
        apologies_given_on=D(2026, 11, 25),
        reason="Hospital appointment",
        actor=officer,
        today=D(2026, 11, 25),
    )
    assert late.late is True and late.presence == "apologies"
    assert Attendance.objects.count() == 1  # corrected, not doubled


def test_apologies_over_christmas_are_counted_in_working_days_mtg_1(
    factory: Factory, member: Member, officer: User
) -> None:
    """Tuesday 29 December 2026: the 28th is Boxing Day observed, so due by the 23rd."""
    meeting = factory.meeting(date=D(2026, 12, 29))
    entry = send_apologies(
        meeting=meeting, member=member, reason="Away", actor=officer, today=D(2026, 12, 24)
    )
    assert entry.late is True
    again = send_apologies(
        meeting=meeting, member=member, reason="Away", actor=officer, today=D(2026, 12, 23)
    )
    assert again.late is False


def test_a_code_asking_for_reasons_refuses_apologies_without_one_mtg_1(
    factory: Factory, member: Member, officer: User
) -> None:
    meeting = factory.meeting()
    with pytest.raises(Refused, match="reason") as refused:
        send_apologies(meeting=meeting, member=member, actor=officer, today=TODAY)
    assert refused.value.field == "reason"
    assert not Attendance.objects.exists()


def test_apologies_for_arriving_late_keep_the_expected_time_mtg_1(
    factory: Factory, member: Member, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 23))
    entry = send_apologies(
        meeting=meeting,
        member=member,
        reason="Bus",
        arrives_at=dt.time(19, 15),
        actor=officer,
        today=D(2026, 11, 19),
    )
    assert entry.arrives_at == dt.time(19, 15)
    present = record_attendance(
        meeting=meeting,
        member=member,
        presence="present",
        apologies_given_on=D(2026, 11, 19),
        reason="Bus",
        arrives_at=dt.time(19, 15),
        actor=officer,
        today=TODAY,
    )
    assert present.presence == "present" and present.arrives_at == dt.time(19, 15)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_attendance_for_someone_not_a_member_of_the_group_is_refused(
    factory: Factory, member: Member, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    stranger = factory.panel_member(group=factory.group(), full_name="Sam Stranger")
    with pytest.raises(Refused, match="Sam Stranger is not a member of Customer Scrutiny Panel"):
        record_attendance(
            meeting=meeting, member=stranger, presence="present", actor=officer, today=TODAY
        )
    late_joiner = factory.panel_member(full_name="Lee Later", started_on=D(2026, 11, 20))
    with pytest.raises(Refused, match="was not a member"):
        record_attendance(
            meeting=meeting, member=late_joiner, presence="absent", actor=officer, today=TODAY
        )
    assert not Attendance.objects.exists()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_presence_is_recorded_only_on_or_after_the_day(
    factory: Factory, member: Member, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    with pytest.raises(Refused, match="on the day or after"):
        record_attendance(
            meeting=meeting, member=member, presence="present", actor=officer, today=TODAY
        )
    assert not Attendance.objects.exists()


def test_apologies_need_their_date_and_never_after_the_meeting(
    factory: Factory, member: Member, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    with pytest.raises(Refused, match="Enter the date the apologies were given"):
        record_attendance(
            meeting=meeting,
            member=member,
            presence="apologies",
            reason="x",
            actor=officer,
            today=TODAY,
        )
    with pytest.raises(Refused, match="Record the member as absent"):
        record_attendance(
            meeting=meeting,
            member=member,
            presence="apologies",
            apologies_given_on=D(2026, 11, 13),
            reason="x",
            actor=officer,
            today=TODAY,
        )
    assert not Attendance.objects.exists()


def test_a_cancelled_meeting_takes_no_attendance_and_no_apologies(
    factory: Factory, member: Member, officer: User
) -> None:
    meeting = factory.meeting()
    cancel_meeting(meeting=meeting, reason="Venue closed", actor=officer, today=TODAY)
    with pytest.raises(Refused, match="cancelled"):
        record_attendance(
            meeting=meeting,
            member=member,
            presence="apologies",
            apologies_given_on=TODAY,
            reason="x",
            actor=officer,
            today=TODAY,
        )
    with pytest.raises(Refused, match="still to come"):
        send_apologies(meeting=meeting, member=member, reason="x", actor=officer, today=TODAY)


def test_an_unknown_presence_is_refused(factory: Factory, member: Member, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    with pytest.raises(Refused, match="Select present, apologies or absent"):
        record_attendance(
            meeting=meeting, member=member, presence="maybe", actor=officer, today=TODAY
        )
