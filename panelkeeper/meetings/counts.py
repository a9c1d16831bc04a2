"""A group's attendance counts over a period, worked out by the database (MTG-1).

The same counts as :func:`panelkeeper.rules.attendance.summarise` gives over each
member's seats (:mod:`panelkeeper.meetings.seats`), without reading every seat into
Python: one query for the whole group's counts and one for a page of members', whatever
the number of members or meetings.

A member was expected at a meeting that was not cancelled, held while they were a
member (from ``started_on``, before ``ended_on``) and while their status was active.
Their status on a day is the latest record taking effect on or before it (latest
recorded, then latest id, on the same day), so each record holds from its
``effective_from`` until the next record's, which a window over the member's records
gives: records of one day after the first hold for no day at all. What is recorded
counts only for a meeting on or before today, as in :func:`seats.seat`. This is written
in SQL rather than through the ORM, which cannot join meetings to a window over status
records; it runs unchanged on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from panelkeeper.lib.lazy_rows import LazyRows
from panelkeeper.meetings.models import Attendance, Meeting, MeetingStatus
from panelkeeper.members.models import Member, MemberStatus, Status
from panelkeeper.rules.attendance import AttendanceSummary, Presence

_TABLES = {
    "status": MemberStatus._meta.db_table,
    "member": Member._meta.db_table,
    "meeting": Meeting._meta.db_table,
    "attendance": Attendance._meta.db_table,
}

_COUNTS = """
WITH spans AS (
    SELECT s.member_id, s.status, s.effective_from AS since,
           LEAD(s.effective_from) OVER (
               PARTITION BY s.member_id ORDER BY s.effective_from, s.recorded_at, s.id
           ) AS until,
           mm.started_on, mm.ended_on
    FROM {member} mm
    JOIN {status} s ON s.member_id = mm.id
    WHERE mm.group_id = %(group)s {members}
)
SELECT {member_id}
    COUNT(*),
    COUNT(CASE WHEN m.date <= %(today)s AND a.presence = %(present)s THEN 1 END),
    COUNT(CASE WHEN m.date <= %(today)s AND a.presence = %(apologies)s THEN 1 END),
    COUNT(CASE WHEN m.date <= %(today)s AND a.presence = %(apologies)s AND a.late THEN 1 END),
    COUNT(CASE WHEN m.date <= %(today)s AND a.presence = %(absent)s THEN 1 END)
FROM spans sp
JOIN {meeting} m ON m.group_id = %(group)s
    AND m.date >= sp.since AND (sp.until IS NULL OR m.date < sp.until)
LEFT JOIN {attendance} a ON a.meeting_id = m.id AND a.member_id = sp.member_id
WHERE sp.status = %(active)s
    AND m.status <> %(cancelled)s
    AND m.date >= %(first)s AND m.date <= %(last)s
    AND m.date >= sp.started_on AND (sp.ended_on IS NULL OR m.date < sp.ended_on)
{group_by}
"""


@dataclass(frozen=True)
class Period:
    """A group's meetings from ``first`` to ``last`` (both included), counted on ``today``."""

    group_id: int
    first: dt.date
    last: dt.date
    today: dt.date


def _summary(
    expected: int, attended: int, apologies: int, late: int, absent: int
) -> AttendanceSummary:
    return AttendanceSummary(
        expected=expected,
        attended=attended,
        apologies=apologies,
        late_apologies=late,
        absent=absent,
        not_recorded=expected - attended - apologies - absent,
    )


def _counted(period: Period, member_ids: Sequence[int] | None) -> list[tuple[int, ...]]:
    params: dict[str, Any] = {
        "group": period.group_id,
        "today": period.today,
        "first": period.first,
        "last": period.last,
        "present": Presence.PRESENT.value,
        "apologies": Presence.APOLOGIES.value,
        "absent": Presence.ABSENT.value,
        "active": Status.ACTIVE.value,
        "cancelled": MeetingStatus.CANCELLED.value,
    }
    members, member_id, group_by = "", "", ""
    if member_ids is not None:
        names = [f"m{index}" for index in range(len(member_ids))]
        params.update(zip(names, member_ids, strict=True))
        members = f"AND mm.id IN ({', '.join(f'%({name})s' for name in names)})"
        member_id, group_by = "sp.member_id,", "GROUP BY sp.member_id"
    tables = {key: connection.ops.quote_name(name) for key, name in _TABLES.items()}
    sql = _COUNTS.format(**tables, members=members, member_id=member_id, group_by=group_by)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [tuple(int(value) for value in row) for row in cursor.fetchall()]


def group_counts(period: Period) -> AttendanceSummary:
    """The whole group's counts: every member's seats at the period's meetings, added up."""
    [row] = _counted(period, None)
    return _summary(*row)


def member_counts(period: Period, members: Sequence[Member]) -> dict[int, AttendanceSummary]:
    """Each of ``members``' counts over the period, by member id."""
    if not members:
        return {}
    found = {row[0]: _summary(*row[1:]) for row in _counted(period, [m.pk for m in members])}
    return {m.pk: found.get(m.pk) or _summary(0, 0, 0, 0, 0) for m in members}


@dataclass(frozen=True)
class Counted:
    """A member and their counts over a period."""

    member: Member
    summary: AttendanceSummary


class CountedMembers(LazyRows[Counted]):
    """The group's members by name with their counts, for a paginator to count and slice:
    only the members of the page asked for are counted."""

    def __init__(self, period: Period) -> None:
        self.period = period
        self.members: QuerySet[Member] = Member.objects.filter(group_id=period.group_id).order_by(
            "full_name", "id"
        )

    def count_rows(self) -> int:
        return self.members.count()

    def read(self, start: int, stop: int) -> list[Counted]:
        members = list(self.members[start:stop])
        counts = member_counts(self.period, members)
        return [Counted(m, counts[m.pk]) for m in members]
