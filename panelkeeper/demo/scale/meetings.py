"""Each group's meetings, held every few months since its code came into force, and
one to come; every member's attendance at every meeting held since they joined.

Members attend, or send apologies in good time now and then, never twice running, so
no generated record opens a missed-meetings decision the domain would have opened.
"""

from __future__ import annotations

import datetime as dt
import random

from panelkeeper.demo.scale.bulk import Trail, insert
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
_REASONS = ("Unwell", "Away with family", "Working late", "A hospital appointment")


def meeting_days(count: int, *, today: dt.date) -> list[dt.date]:
    """``count`` Tuesdays, evenly spread from the codes' first month to last week."""
    first = IN_FORCE_FROM + dt.timedelta(days=30)
    span = (today - dt.timedelta(days=7) - first).days
    days = [first + dt.timedelta(days=span * n // max(1, count - 1)) for n in range(count)]
    return [day - dt.timedelta(days=(day.weekday() - 1) % 7) for day in days]


def meetings(
    made: Made, days: list[dt.date], *, today: dt.date, rng: random.Random, trail: Trail
) -> int:
    """The meetings held on ``days`` and one four weeks ahead, for each group, with the
    attendance of each member at those held; the number of attendance rows."""
    officer = made.officer
    rows: list[Meeting] = []
    upcoming = today + dt.timedelta(days=28 - (today.weekday() - 1) % 7)
    for group in made.groups:
        for day in [*days, upcoming]:
            held = day < today
            rows.append(
                Meeting(
                    group=group,
                    date=day,
                    starts_at=STARTS_AT,
                    ends_at=ENDS_AT,
                    place=f"Community room, {made.organisation.name}",
                    status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
                    created_at=moment(day - dt.timedelta(days=21) if not held else day),
                    created_by=officer,
                )
            )
    made_meetings = insert(rows)
    for meeting in made_meetings:
        action = "meeting.recorded" if meeting.status == MeetingStatus.HELD else "meeting.scheduled"
        trail.add(meeting, action=action, fields=_MEETING_FIELDS, at=meeting.created_at)
    by_group: dict[int, list[Meeting]] = {}
    for meeting in made_meetings:
        if meeting.status == MeetingStatus.HELD:
            by_group.setdefault(meeting.group_id, []).append(meeting)
    attendance: list[Attendance] = []
    for member in made.members:
        away_last_time = False
        for meeting in by_group.get(member.group_id, []):
            if meeting.date < member.started_on:
                continue
            away = not away_last_time and rng.random() < 0.06
            away_last_time = away
            attendance.append(
                Attendance(
                    meeting=meeting,
                    member=member,
                    presence=Presence.APOLOGIES if away else Presence.PRESENT,
                    apologies_given_on=meeting.date - dt.timedelta(days=7) if away else None,
                    reason=rng.choice(_REASONS) if away else "",
                    recorded_at=moment(meeting.date, 21),
                    recorded_by=officer,
                )
            )
    for row in insert(attendance):
        trail.add(row, action="attendance.recorded", fields=ATTENDANCE_FIELDS, at=row.recorded_at)
    return len(attendance)
