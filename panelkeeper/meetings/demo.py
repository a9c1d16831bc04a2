"""Demo meetings for ``panelkeeper demo``: three held, one to come, an overdue action.

Everyone attends the held meetings except one member, absent from the last two: where
the code counts missed meetings (nexus), a third absence at the next meeting opens the
decision. Run again, it adds nothing to a group that already has meetings.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from panelkeeper.meetings.actions import allocate_action
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.models import Meeting
from panelkeeper.meetings.schedule import schedule_meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group, Organisation
from panelkeeper.rules.calendar.working_days import add_months

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def load_demo_meetings(organisation: Organisation, *, officer: User, today: dt.date) -> None:
    for group in Group.objects.filter(organisation=organisation):
        if Meeting.objects.filter(group=group).exists():
            continue
        members = list(Member.objects.filter(group=group).active(on=today))
        if not members:
            continue
        held = []
        for back in (3, 2, 1):
            held.append(
                schedule_meeting(
                    group=group,
                    date=add_months(today, -back),
                    starts_at=dt.time(18, 0),
                    place="Community Room, 1 Market Street",
                    held=True,
                    actor=officer,
                    today=today,
                )
            )
        schedule_meeting(
            group=group,
            date=today + dt.timedelta(days=14),
            starts_at=dt.time(18, 0),
            ends_at=dt.time(20, 30),
            place="Community Room, 1 Market Street",
            online_link="https://meet.example.org/panel",
            actor=officer,
            today=today,
        )
        missing = members[-1]
        for number, meeting in enumerate(held):
            for member in members:
                away = member == missing and number > 0
                record_attendance(
                    meeting=meeting,
                    member=member,
                    presence="absent" if away else "present",
                    actor=officer,
                    today=today,
                )
        allocate_action(
            meeting=held[-1],
            description="Read the repairs satisfaction survey before the next meeting",
            due_on=today - dt.timedelta(days=3),
            owner_member=members[0],
            actor=officer,
        )
