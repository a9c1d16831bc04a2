"""A member asked to leave a meeting at once for a serious breach (MTG-5).

Hook for the breach-cases work: each :class:`AskedToLeave` row is a serious-breach
report waiting to become a case; :func:`record_asked_to_leave` returns it so a caller
can open the case in the same transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError

from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.meetings.audited import record_at_meeting
from panelkeeper.meetings.codes import code_on
from panelkeeper.meetings.models import AskedToLeave, Attendance, Meeting, MeetingStatus
from panelkeeper.members.models import Member
from panelkeeper.rules.attendance import Presence

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def record_asked_to_leave(
    *, meeting: Meeting, member: Member, what_happened: str, actor: User
) -> AskedToLeave:
    """Record that the chair asked ``member`` to leave ``meeting`` (MTG-5).

    Only where the code in force on the meeting's date provides for it, for a member
    recorded present at a meeting that was held, once per meeting.
    """
    what_happened = entered(
        what_happened,
        field="what_happened",
        missing="Describe the serious breach the chair acted on.",
    )
    policy = code_on(meeting.group.organisation, meeting.date)
    if policy is None or policy.meetings is None or not policy.meetings.chair_may_send_out:
        raise Refused(
            "The code in force on the day of the meeting does not provide for the chair to "
            "ask a member to leave. Report the breach as a concern instead."
        )
    if meeting.status != MeetingStatus.HELD:
        raise Refused("Record this for a meeting once it has been held.")
    present = Attendance.objects.filter(
        meeting=meeting, member=member, presence=Presence.PRESENT
    ).exists()
    if not present:
        raise Refused(
            f"{member.full_name} is not recorded as present at this meeting. Record their "
            "attendance first.",
            field="member",
        )
    twice = Refused(f"{member.full_name} is already recorded as asked to leave.", field="member")
    try:
        return record_at_meeting(
            AskedToLeave,
            meeting=meeting,
            action="asked_to_leave.recorded",
            actor=actor,
            member=member,
            what_happened=what_happened[:2000],
        )
    except IntegrityError:
        raise twice from None
