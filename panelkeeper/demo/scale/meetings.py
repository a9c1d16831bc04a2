"""Each group's meetings, held every few months since its code came into force, and
one to come; every member's attendance at every meeting held since they joined.

Members attend, or send apologies in good time now and then, never twice running, so
no generated record opens a missed-meetings decision the domain would have opened.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from panelkeeper.demo.scale.bulk import insert, insert_values
from panelkeeper.demo.scale.people import IN_FORCE_FROM, Made, moment
from panelkeeper.meetings.attendance import FIELDS as ATTENDANCE_FIELDS
from panelkeeper.meetings.models import Attendance, Meeting, MeetingStatus
from panelkeeper.rules.attendance import Presence

STARTS_AT = dt.time(18, 0)
ENDS_AT = dt.time(20, 0)
_MEETING_FIELDS = [
    "group", "date", "starts_at", "ends_at", "place", "online_link", "status", "chair",
    "chair_basis",
]  # fmt: skip
_ATTENDANCE = Attendance._meta.label
_ATTENDANCE_COLUMNS = [
    "meeting_id", "member_id", "presence", "apologies_given_on", "reason", "recorded_at",
    "recorded_by_id",
]  # fmt: skip
_REASONS = ("Unwell", "Away with family", "Working late", "A hospital appointment")


def meeting_days(count: int, *, today: dt.date) -> list[dt.date]:
    """``count`` Tuesdays, evenly spread from the codes' first month to last week."""
    first = IN_FORCE_FROM + dt.timedelta(days=30)
    span = (today - dt.timedelta(days=7) - first).days
    days = [first + dt.timedelta(days=span * n // max(1, count - 1)) for n in range(count)]
    return [day - dt.timedelta(days=(day.weekday() - 1) % 7) for day in days]


def meetings(
    made: Sequence[Made], days: list[dt.date], *, today: dt.date, rng: random.Random
) -> int:
    """The meetings held on ``days`` and one four weeks ahead, for each group, with the
    attendance of each member at those held; the number of attendance rows."""
    upcoming = today + dt.timedelta(days=28 - (today.weekday() - 1) % 7)
    rows = [
        Meeting(
            group=group,
            date=day,
            starts_at=STARTS_AT,
            ends_at=ENDS_AT,
            place=f"Community room, {one.organisation.name}",
            status=MeetingStatus.HELD if day < today else MeetingStatus.SCHEDULED,
            created_at=moment(day - dt.timedelta(days=21) if day >= today else day),
            created_by=one.officer,
        )
        for one in made
        for group in one.groups
        for day in [*days, upcoming]
    ]
    insert(rows)
    held: dict[int, list[Meeting]] = {}
    for meeting in rows:
        if meeting.status == MeetingStatus.HELD:
            held.setdefault(meeting.group_id, []).append(meeting)
    attendance: list[tuple[int, int, str, dt.date | None, str, dt.datetime, int]] = []
    ends: list[int] = []
    for one in made:
        for member in one.members:
            away_last_time = False
            for meeting in held.get(member.group_id, []):
                if meeting.date < member.started_on:
                    continue
                away = not away_last_time and rng.random() < 0.06
                away_last_time = away
                attendance.append(
                    (
                        meeting.pk,
                        member.pk,
                        Presence.APOLOGIES if away else Presence.PRESENT,
                        meeting.date - dt.timedelta(days=7) if away else None,
                        rng.choice(_REASONS) if away else "",
                        moment(meeting.date, 21),
                        one.officer.pk,
                    )
                )
        ends.append(len(attendance))
    keys = insert_values(Attendance, _ATTENDANCE_COLUMNS, attendance)
    trail_of = {group.pk: one.trail for one in made for group in one.groups}
    for meeting in rows:
        action = "meeting.recorded" if meeting.status == MeetingStatus.HELD else "meeting.scheduled"
        trail_of[meeting.group_id].add(
            meeting, action=action, fields=_MEETING_FIELDS, at=meeting.created_at
        )
    for one, begin, end in zip(made, [0, *ends], ends, strict=False):
        for key, row in zip(keys[begin:end], attendance[begin:end], strict=True):
            one.trail.record(
                _ATTENDANCE, key, action="attendance.recorded", fields=ATTENDANCE_FIELDS, at=row[5]
            )
    return len(attendance)
