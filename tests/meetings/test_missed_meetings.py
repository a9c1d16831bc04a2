"""The missed-meetings rule (MTG-2, Interpretation 6) over saved meetings and records."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.agenda import put_waiting_matters_on_agenda
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.missed import decide_missed_meetings
from panelkeeper.meetings.models import AgendaKind, Meeting, MissedMeetings, MissedMeetingsStatus
from panelkeeper.meetings.schedule import cancel_meeting
from panelkeeper.members.eligibility import eligibility
from panelkeeper.members.models import Member, Status
from panelkeeper.members.records import change_member_status
from panelkeeper.organisations.models import Group, PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date
MONTHLY = [D(2026, m, 12) for m in range(6, 12)]  # June to November 2026, all held


def held(factory: Factory, dates: list[dt.date]) -> list[Meeting]:
    return [factory.meeting(date=day) for day in dates]


def mark(meeting: Meeting, member: Member, presence: str, actor: User) -> None:
    extra = (
        {"apologies_given_on": meeting.date - dt.timedelta(days=7)}
        if presence == "apologies"
        else {}
    )
    record_attendance(
        meeting=meeting, member=member, presence=presence, actor=actor, today=TODAY, **extra
    )


@pytest.fixture
def member(factory: Factory, nexus: PolicyVersion) -> Member:
    return factory.panel_member(full_name="Mo Missing")


def test_the_third_absence_in_a_row_opens_a_decision_on_the_next_agenda_mtg_2(
    factory: Factory, member: Member, officer: User, panel: Group
) -> None:
    upcoming = factory.meeting(date=D(2026, 12, 10))
    meetings = held(factory, MONTHLY[:3])
    mark(meetings[0], member, "absent", officer)
    mark(meetings[1], member, "apologies", officer)
    assert not MissedMeetings.objects.exists()
    mark(meetings[2], member, "absent", officer)
    decision = MissedMeetings.objects.get()
    assert (decision.missed, decision.status) == (3, MissedMeetingsStatus.OPEN)
    assert (decision.first_missed_on, decision.last_missed_on) == (MONTHLY[0], MONTHLY[2])
    item = upcoming.agenda.get(kind=AgendaKind.MISSED_MEETINGS)
    assert item.missed_meetings == decision and item.work.on == upcoming.date
    put_waiting_matters_on_agenda(group=panel, today=TODAY, actor=None)
    assert upcoming.agenda.count() == 1  # never twice


def test_a_decision_waits_for_a_meeting_to_be_scheduled_mtg_2(
    factory: Factory, member: Member, officer: User
) -> None:
    for meeting in held(factory, MONTHLY[:3]):
        mark(meeting, member, "absent", officer)
    upcoming = factory.meeting(date=D(2026, 12, 10))
    assert upcoming.agenda.get().kind == AgendaKind.MISSED_MEETINGS


def test_cancelled_meetings_do_not_count_interpretation_6(
    factory: Factory, member: Member, officer: User
) -> None:
    meetings = held(factory, MONTHLY[:2])
    later = factory.meeting(date=D(2026, 11, 30))
    mark(meetings[0], member, "absent", officer)
    mark(meetings[1], member, "absent", officer)
    cancel_meeting(meeting=later, reason="Venue flooded", actor=officer, today=TODAY)
    assert not MissedMeetings.objects.exists()


def test_meetings_while_suspended_neither_count_nor_break_the_run_interpretation_6(
    factory: Factory, member: Member, officer: User
) -> None:
    meetings = held(factory, MONTHLY[:5])  # June to October
    mark(meetings[0], member, "absent", officer)
    mark(meetings[1], member, "absent", officer)
    change_member_status(
        member=member,
        status=Status.SUSPENDED,
        reason="Pending an investigation",
        effective_from=D(2026, 8, 1),
        actor=officer,
        today=TODAY,
    )
    change_member_status(
        member=member,
        status=Status.ACTIVE,
        reason="Suspension lifted",
        effective_from=D(2026, 10, 1),
        actor=officer,
        today=TODAY,
    )
    with pytest.raises(Refused, match="was suspended on 12 August 2026"):
        mark(meetings[2], member, "absent", officer)
    assert not MissedMeetings.objects.exists()
    mark(meetings[4], member, "absent", officer)  # October: the third counted absence
    decision = MissedMeetings.objects.get()
    assert decision.missed == 3
    assert (decision.first_missed_on, decision.last_missed_on) == (MONTHLY[0], MONTHLY[4])


def test_apologies_count_as_missed_meetings_interpretation_6(
    factory: Factory, member: Member, officer: User
) -> None:
    for meeting in held(factory, MONTHLY[:3]):
        mark(meeting, member, "apologies", officer)
    assert MissedMeetings.objects.get().missed == 3


def test_a_late_record_of_attendance_withdraws_the_decision_mtg_2(
    factory: Factory, member: Member, officer: User
) -> None:
    meetings = held(factory, MONTHLY[:3])
    for meeting in meetings:
        mark(meeting, member, "absent", officer)
    decision = MissedMeetings.objects.get()
    mark(meetings[1], member, "present", officer)  # the register was wrong: corrected late
    decision.refresh_from_db()
    assert decision.status == MissedMeetingsStatus.WITHDRAWN


def test_a_late_record_for_an_earlier_meeting_can_complete_the_run_mtg_2(
    factory: Factory, member: Member, officer: User
) -> None:
    meetings = held(factory, MONTHLY[:3])
    mark(meetings[0], member, "absent", officer)
    mark(meetings[2], member, "absent", officer)
    assert not MissedMeetings.objects.exists()
    mark(meetings[1], member, "absent", officer)  # July's register entered last
    assert MissedMeetings.objects.get().last_missed_on == MONTHLY[2]


def test_a_member_whose_circumstances_were_accepted_starts_afresh_mtg_2(
    factory: Factory, member: Member, officer: User
) -> None:
    meetings = held(factory, MONTHLY[:6])
    for meeting in meetings[:3]:
        mark(meeting, member, "absent", officer)
    decision = MissedMeetings.objects.get()
    decide_missed_meetings(
        decision=decision,
        accept=True,
        reason="In hospital for an operation",
        decided_on=MONTHLY[3],
        meeting=meetings[3],
        actor=officer,
        today=TODAY,
    )
    mark(meetings[3], member, "present", officer)
    mark(meetings[4], member, "absent", officer)
    mark(meetings[5], member, "absent", officer)
    assert MissedMeetings.objects.open().count() == 0


def test_accepted_circumstances_and_then_three_more_absences_open_a_new_decision_mtg_2(
    factory: Factory, member: Member, officer: User
) -> None:
    meetings = held(factory, MONTHLY[:6])
    for meeting in meetings[:3]:
        mark(meeting, member, "absent", officer)
    decide_missed_meetings(
        decision=MissedMeetings.objects.get(),
        accept=True,
        reason="Caring for a relative",
        decided_on=TODAY,
        actor=officer,
        today=TODAY,
    )
    for meeting in meetings[3:]:
        mark(meeting, member, "absent", officer)
    assert MissedMeetings.objects.open().get().first_missed_on == MONTHLY[3]


def test_confirming_the_ending_ends_membership_from_that_date_with_the_reason_mtg_2(
    factory: Factory, member: Member, officer: User
) -> None:
    for meeting in held(factory, MONTHLY[:3]):
        mark(meeting, member, "absent", officer)
    decision = decide_missed_meetings(
        decision=MissedMeetings.objects.get(),
        accept=False,
        reason="No contact since June",
        decided_on=D(2026, 11, 20),
        actor=officer,
        today=TODAY,
    )
    assert decision.ended_status is not None
    assert decision.ended_status.status == Status.ENDED
    assert "No contact since June" in decision.ended_status.reason
    assert eligibility(member, on=D(2026, 11, 20)).eligible is False
    assert eligibility(member, on=D(2026, 11, 19)).eligible is True
    assert list(MissedMeetings.objects.confirmed_endings()) == [decision]
    with pytest.raises(Refused, match="already closed"):
        decide_missed_meetings(
            decision=decision,
            accept=True,
            reason="x",
            decided_on=TODAY,
            actor=officer,
            today=TODAY,
        )


def test_a_decision_needs_a_reason_and_saves_nothing_without_one_mtg_2(
    factory: Factory, member: Member, officer: User
) -> None:
    for meeting in held(factory, MONTHLY[:3]):
        mark(meeting, member, "absent", officer)
    decision = MissedMeetings.objects.get()
    with pytest.raises(Refused, match="exceptional circumstances"):
        decide_missed_meetings(
            decision=decision,
            accept=True,
            reason="  ",
            decided_on=TODAY,
            actor=officer,
            today=TODAY,
        )
    decision.refresh_from_db()
    assert decision.status == MissedMeetingsStatus.OPEN


def test_a_code_without_the_rule_opens_no_decision_mtg_2(factory: Factory, officer: User) -> None:
    factory.published_version(preset="vela", in_force_from=D(2026, 1, 5))
    member = factory.panel_member()
    for meeting in held(factory, MONTHLY[:4]):
        mark(meeting, member, "absent", officer)
    assert not MissedMeetings.objects.exists()


def test_a_suspension_recorded_late_withdraws_the_decision_at_the_daily_review_interpretation_6(
    factory: Factory, member: Member, officer: User
) -> None:
    from panelkeeper.meetings.tasks import put_all

    for meeting in held(factory, MONTHLY[:3]):
        mark(meeting, member, "absent", officer)
    change_member_status(
        member=member,
        status=Status.SUSPENDED,
        reason="Suspended pending a case, entered late",
        effective_from=D(2026, 7, 1),
        actor=officer,
        today=TODAY,
    )
    put_all(TODAY)
    assert MissedMeetings.objects.get().status == MissedMeetingsStatus.WITHDRAWN
