"""The missed-meetings rule (MTG-2, Interpretation 6) and the group's decision on it.

After every change that can move a member's run of missed meetings (attendance
recorded or corrected, a meeting cancelled), :func:`review_member` reads the run again
from the code in force today:

- when the run passes the code's limit and no decision is open, one is opened and put on
  the group's next agenda; while open it follows the run;
- when a later record breaks the run below the limit, the open decision is withdrawn.

:func:`decide_missed_meetings` records the group's decision: exceptional circumstances
accepted (the member starts afresh after the run), or membership ended from the date of
the decision through the members app's status change.

Hook for the breach-cases work: a confirmed ending is a :class:`MissedMeetings` row with
status ``ended`` and its ``ended_status`` (``MissedMeetings.objects.confirmed_endings()``);
:func:`decide_missed_meetings` returns it, so the caller can open the exclusion case
with its notice and appeal in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.audited import log, save_logged
from panelkeeper.meetings.codes import code_on, day
from panelkeeper.meetings.models import Meeting, MeetingStatus, MissedMeetings, MissedMeetingsStatus
from panelkeeper.meetings.seats import member_seats
from panelkeeper.members.models import Member, Status
from panelkeeper.members.records import change_member_status
from panelkeeper.organisations.models import Group
from panelkeeper.rules.attendance import current_absence_run, passes_limit

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

DECIDED = [MissedMeetingsStatus.ACCEPTED, MissedMeetingsStatus.ENDED]
RUN_FIELDS = ["missed", "first_missed_on", "last_missed_on"]
"""The fields that follow the run while a decision is open."""


def review_member(*, member: Member, actor: User | None, today: dt.date) -> MissedMeetings | None:
    """Open, follow or withdraw the member's missed-meetings decision; the open one, if any.

    Nothing happens where the code in force today does not switch the rule on.
    """
    policy = code_on(member.group.organisation, today)
    rule = policy.attendance.consecutive_absences if policy and policy.attendance else None
    current = (
        MissedMeetings.objects.open()
        .filter(member=member)
        .select_related("group__organisation")
        .first()
    )
    if rule is None:
        return current
    # A decided run is never counted again: after circumstances are accepted the member
    # starts afresh; after an ending they are no longer expected anyway.
    decided = (
        MissedMeetings.objects.filter(member=member, status__in=DECIDED)
        .order_by("-last_missed_on")
        .first()
    )
    run = current_absence_run(
        member_seats(member, today=today),
        count_with_apologies=rule.count_with_apologies,
        fresh_after=decided.last_missed_on if decided else None,
    )
    with transaction.atomic():
        if passes_limit(run, rule.limit):
            assert run.last is not None
            first = run.meetings[0]
            if current is None:
                current = MissedMeetings.objects.create(
                    member=member,
                    group=member.group,
                    missed=run.count,
                    limit=rule.limit,
                    first_missed_on=first,
                    last_missed_on=run.last,
                    opened_on=today,
                    opened_at=timezone.now(),
                )
                action = "missed_meetings.opened"
            elif (current.missed, current.first_missed_on, current.last_missed_on) != (
                run.count,
                first,
                run.last,
            ):
                current.missed, current.first_missed_on = run.count, first
                current.last_missed_on = run.last
                current.save(update_fields=RUN_FIELDS)
                action = "missed_meetings.followed"
            else:
                return current
            log(obj=current, action=action, fields=RUN_FIELDS, actor=actor)
            from panelkeeper.meetings.agenda import put_waiting_matters_on_agenda

            put_waiting_matters_on_agenda(group=member.group, today=today, actor=actor)
            return current
        if current is not None:
            current.status = MissedMeetingsStatus.WITHDRAWN
            current.decided_on = today
            fields = ["status", "decided_on"]
            save_logged(obj=current, fields=fields, action="missed_meetings.withdrawn", actor=actor)
    return None


def review_group(*, group: Group, actor: User | None, today: dt.date) -> None:
    """Review every member of the group (after a meeting is cancelled, say)."""
    for member in Member.objects.filter(group=group):
        review_member(member=member, actor=actor, today=today)


def decide_missed_meetings(
    *,
    decision: MissedMeetings,
    accept: bool,
    reason: str,
    decided_on: dt.date,
    meeting: Meeting | None = None,
    actor: User,
    today: dt.date,
) -> MissedMeetings:
    """Record the group's decision on a member's missed meetings (MTG-2).

    ``accept``: exceptional circumstances are accepted, with the reason; the member
    starts afresh after the last meeting of this run. Otherwise membership ends from
    ``decided_on``, with the reason, through the members app's status change. Refused
    once decided: a decision stays as it was made.
    """
    reason = " ".join(reason.split())
    if not reason:
        raise Refused(
            "Enter the exceptional circumstances accepted."
            if accept
            else "Enter the reason membership ends.",
            field="reason",
        )
    refuse_future(decided_on, today, what="The date of the decision", field="decided_on")
    if meeting is not None:
        if meeting.group_id != decision.group_id or meeting.status != MeetingStatus.HELD:
            raise Refused("Choose a meeting of the group that has been held.", field="meeting")
        if meeting.date != decided_on:
            raise Refused(
                f"The decision was taken at the meeting, so its date is {day(meeting.date)}.",
                field="decided_on",
            )
    with transaction.atomic():
        locked = MissedMeetings.objects.select_for_update().get(pk=decision.pk)
        if locked.status != MissedMeetingsStatus.OPEN:
            raise Refused(
                f"This decision is already closed: {locked.get_status_display().lower()}."
            )
        if decided_on < locked.last_missed_on:
            raise Refused(
                f"The date of the decision must be on or after {day(locked.last_missed_on)}, "
                "the last meeting missed.",
                field="decided_on",
            )
        locked.reason = reason
        locked.decided_on = decided_on
        locked.decided_at_meeting = meeting
        locked.decided_by = actor
        fields = ["status", "reason", "decided_on", "decided_at_meeting", "decided_by"]
        if accept:
            locked.status = MissedMeetingsStatus.ACCEPTED
        else:
            locked.status = MissedMeetingsStatus.ENDED
            locked.ended_status = change_member_status(
                member=locked.member,
                status=Status.ENDED,
                reason=f"Missed {locked.missed} meetings in a row: {reason}"[:500],
                effective_from=decided_on,
                actor=actor,
                today=today,
            )
            fields.append("ended_status")
        save_logged(obj=locked, fields=fields, action="missed_meetings.decided", actor=actor)
    return locked
