"""A group's attendance counts, worked out by the database, agree with each member's
seats read one by one (MTG-1, MTG-2's Interpretation 6 on who was expected)."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.meetings.counts import CountedMembers, Period, group_counts, member_counts
from panelkeeper.meetings.models import Attendance, Meeting, MeetingStatus
from panelkeeper.meetings.seats import attendance_between
from panelkeeper.members.models import CustomerType, Member, MemberStatus, Status
from panelkeeper.organisations.models import Group
from panelkeeper.rules.attendance import Presence, summarise
from tests.factory import Factory

D = dt.date
START = D(2025, 1, 6)


def _status(member: Member, status: str, on: dt.date, *, minute: int = 0) -> None:
    MemberStatus.objects.create(
        member=member,
        status=status,
        effective_from=on,
        reason="Recorded for the test",
        recorded_at=dt.datetime(2026, 1, 1, 9, minute, tzinfo=dt.UTC),
    )


def _histories(group: Group, chance: random.Random) -> list[Member]:
    """Members who joined at different times, some suspended and reinstated, some gone,
    some with two records for one day (the later recorded wins), one with no record."""
    members = []
    for n in range(40):
        started = START + dt.timedelta(days=chance.randrange(0, 500))
        ended = started + dt.timedelta(days=chance.randrange(30, 400)) if n % 5 == 0 else None
        member = Member.objects.create(
            group=group,
            full_name=f"Member {n:02d}",
            customer_type=CustomerType.TENANT,
            started_on=started,
            ended_on=ended,
        )
        members.append(member)
        if n == 7:
            continue  # no status record at all: never expected
        _status(member, Status.ACTIVE, started)
        if n % 3 == 0:
            suspended = started + dt.timedelta(days=chance.randrange(20, 200))
            _status(member, Status.SUSPENDED, suspended)
            if n % 2:
                _status(member, Status.ACTIVE, suspended + dt.timedelta(days=60))
        if n % 4 == 1:
            # Two records for one day: the one recorded later holds.
            day = started + dt.timedelta(days=chance.randrange(10, 300))
            _status(member, Status.SUSPENDED, day, minute=30)
            _status(member, Status.ACTIVE, day, minute=5)
        if n % 7 == 2:
            _status(member, Status.ENDED, started + dt.timedelta(days=chance.randrange(50, 300)))
    return members


def _meetings(group: Group) -> list[Meeting]:
    meetings = []
    for n in range(30):
        date = START + dt.timedelta(days=28 * n)
        status = MeetingStatus.CANCELLED if n % 9 == 4 else MeetingStatus.HELD
        meetings.append(
            Meeting.objects.create(
                group=group,
                date=date,
                starts_at=dt.time(18, 30),
                place="Community Room",
                status=status,
                cancelled_reason="Too few could come" if status == MeetingStatus.CANCELLED else "",
                created_at=timezone.now(),
            )
        )
    return meetings


def _entry(chance: random.Random, meeting: Meeting) -> Attendance | None:
    """Present (some after sending apologies), apologies (on time or late), absent, or
    nothing recorded, at random."""
    pick = chance.random()
    given = meeting.date - dt.timedelta(days=chance.randrange(0, 5))
    late = chance.random() < 0.4
    if pick < 0.15:
        return None
    if pick < 0.25:
        return Attendance(presence=Presence.PRESENT, apologies_given_on=given, late=late)
    if pick < 0.55:
        return Attendance(presence=Presence.PRESENT)
    if pick < 0.8:
        return Attendance(presence=Presence.APOLOGIES, apologies_given_on=given, late=late)
    return Attendance(presence=Presence.ABSENT)


def _attendance(
    meetings: list[Meeting], members: list[Member], chance: random.Random, officer: User
) -> None:
    """Entries at random, also for seats where the member was not expected (suspended,
    not yet a member, a cancelled meeting): those must not count."""
    rows = []
    for meeting in meetings:
        for member in members:
            entry = _entry(chance, meeting)
            if entry is not None:
                entry.meeting, entry.member = meeting, member
                entry.recorded_at, entry.recorded_by = timezone.now(), officer
                rows.append(entry)
    Attendance.objects.bulk_create(rows)


@pytest.fixture
def history(factory: Factory) -> tuple[Group, list[Member]]:
    group = factory.panel()
    chance = random.Random(21)
    members = _histories(group, chance)
    _attendance(_meetings(group), members, chance, factory.officer())
    return group, members


PERIODS = [
    (D(2025, 1, 1), D(2027, 3, 1), D(2026, 11, 23)),  # every meeting, some still to come
    (D(2025, 6, 1), D(2025, 12, 31), D(2026, 11, 23)),
    (D(2026, 2, 2), D(2026, 2, 2), D(2026, 11, 23)),  # one day, on a meeting
    (D(2025, 1, 1), D(2027, 3, 1), D(2025, 9, 1)),  # counted as on an earlier day
    (D(2030, 1, 1), D(2030, 12, 31), D(2026, 11, 23)),  # no meetings at all
]


@pytest.mark.parametrize(("first", "last", "today"), PERIODS)
def test_the_counts_agree_with_each_members_seats_read_one_by_one(
    history: tuple[Group, list[Member]], first: dt.date, last: dt.date, today: dt.date
) -> None:
    group, members = history
    _, rows = attendance_between(group.pk, members, first=first, last=last, today=today)
    period = Period(group.pk, first=first, last=last, today=today)

    counted = member_counts(period, members)

    assert {r.member.pk: r.summary for r in rows} == counted
    assert group_counts(period) == summarise([s for r in rows for _, s, _ in r.seats])


def test_the_fixture_has_every_kind_of_seat(history: tuple[Group, list[Member]]) -> None:
    """What the comparison above covers is not empty: each count is reached."""
    group, _ = history
    total = group_counts(
        Period(group.pk, first=D(2025, 1, 1), last=D(2027, 3, 1), today=D(2026, 11, 23))
    )
    assert min(total.attended, total.apologies, total.late_apologies, total.absent) > 0
    assert total.not_recorded > 0


def test_members_are_counted_a_page_at_a_time_by_name(
    history: tuple[Group, list[Member]],
) -> None:
    group, members = history
    period = Period(group.pk, first=D(2025, 1, 1), last=D(2027, 3, 1), today=D(2026, 11, 23))
    listed = CountedMembers(period)

    page = listed[10:20]

    by_name = sorted(members, key=lambda m: (m.full_name, m.pk))[10:20]
    assert [c.member for c in page] == by_name
    assert [c.summary for c in page] == [member_counts(period, by_name)[m.pk] for m in by_name]
    assert len(listed) == 40
    assert listed[3].member == sorted(members, key=lambda m: (m.full_name, m.pk))[3]


def test_a_member_of_another_group_is_not_counted(
    history: tuple[Group, list[Member]], factory: Factory
) -> None:
    group, _ = history
    elsewhere = factory.panel_member(group=factory.group(factory.home, name="Another panel"))
    period = Period(group.pk, first=D(2025, 1, 1), last=D(2027, 3, 1), today=D(2026, 11, 23))

    assert member_counts(period, [elsewhere])[elsewhere.pk].expected == 0
