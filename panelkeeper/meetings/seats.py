"""Turning meetings, membership and attendance rows into the rules' :class:`Seat` values.

A fixed number of queries for one member or a whole group, whatever the number of
meetings: meetings, members, status records and attendance are each read once.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from panelkeeper.meetings.models import Attendance, Meeting, MeetingStatus
from panelkeeper.members.models import Member, MemberStatus, Status
from panelkeeper.rules.attendance import AttendanceSummary, Presence, Seat, Standing, summarise


class Timeline:
    """A member's status on any date, from their status records (latest record wins)."""

    def __init__(self, member: Member, records: Iterable[MemberStatus]) -> None:
        self.member = member
        ordered = sorted(records, key=lambda r: (r.effective_from, r.recorded_at, r.pk))
        self._dates = [r.effective_from for r in ordered]
        self._status = [r.status for r in ordered]

    def status_on(self, on: dt.date) -> str | None:
        index = bisect.bisect_right(self._dates, on)
        return self._status[index - 1] if index else None

    def standing_on(self, on: dt.date) -> Standing:
        member = self.member
        if on < member.started_on or (member.ended_on is not None and on >= member.ended_on):
            return Standing.NOT_A_MEMBER
        status = self.status_on(on)
        if status == Status.SUSPENDED:
            return Standing.SUSPENDED
        if status != Status.ACTIVE:
            return Standing.NOT_A_MEMBER
        return Standing.EXPECTED


def timelines(members: Sequence[Member]) -> dict[int, Timeline]:
    """Each member's timeline, in one query."""
    records: dict[int, list[MemberStatus]] = defaultdict(list)
    for entry in MemberStatus.objects.filter(member__in=members):
        records[entry.member_id].append(entry)
    return {m.pk: Timeline(m, records[m.pk]) for m in members}


def seat(
    meeting: Meeting, timeline: Timeline, attendance: Attendance | None, *, today: dt.date
) -> Seat:
    """One member's seat at one meeting. Nothing is counted for a meeting still to come."""
    if meeting.status == MeetingStatus.CANCELLED:
        standing = Standing.CANCELLED
    else:
        standing = timeline.standing_on(meeting.date)
    presence = None
    if attendance is not None and meeting.date <= today:
        presence = Presence(attendance.presence)
    late = bool(attendance and attendance.late and attendance.presence == Presence.APOLOGIES)
    return Seat(meeting.date, standing, presence, late_apologies=late)


@dataclass(frozen=True)
class Row:
    """A member and their seats at the meetings of a period, with the summary."""

    member: Member
    seats: tuple[tuple[Meeting, Seat, Attendance | None], ...]
    summary: AttendanceSummary


def attendance_rows(
    members: Sequence[Member], meetings: Sequence[Meeting], *, today: dt.date
) -> list[Row]:
    """Seats and summaries for ``members`` at ``meetings`` (three queries at most)."""
    lines = timelines(members)
    rows: defaultdict[int, dict[int, Attendance]] = defaultdict(dict)
    for entry in Attendance.objects.filter(meeting__in=meetings, member__in=members):
        rows[entry.member_id][entry.meeting_id] = entry
    result = []
    for member in members:
        seats = tuple(
            (
                meeting,
                seat(meeting, lines[member.pk], rows[member.pk].get(meeting.pk), today=today),
                rows[member.pk].get(meeting.pk),
            )
            for meeting in meetings
        )
        result.append(Row(member, seats, summarise([s for _, s, _ in seats])))
    return result


def attendance_between(
    group_id: int, members: Sequence[Member], *, first: dt.date, last: dt.date, today: dt.date
) -> tuple[list[Meeting], list[Row]]:
    """The group's meetings from ``first`` to ``last``, and the rows of ``members`` at them:
    what the attendance pages and operations show."""
    meetings = list(Meeting.objects.of_group_between(group_id, first=first, last=last))
    return meetings, attendance_rows(members, meetings, today=today)


def group_seats(members: Sequence[Member], *, today: dt.date) -> dict[int, list[Seat]]:
    """Every seat of each of ``members``, all of one group, at the group's meetings, by
    member id (the queries of :func:`attendance_rows`, whatever their number)."""
    if not members:
        return {}
    meetings = list(Meeting.objects.filter(group_id=members[0].group_id).order_by("date", "id"))
    return {
        row.member.pk: [seat for _, seat, _ in row.seats]
        for row in attendance_rows(members, meetings, today=today)
    }
