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
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record_each
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.audited import save_logged
from panelkeeper.meetings.codes import code_on, day
from panelkeeper.meetings.models import Meeting, MeetingStatus, MissedMeetings, MissedMeetingsStatus
from panelkeeper.meetings.seats import group_seats
from panelkeeper.members.models import Member, Status
from panelkeeper.members.records import change_member_status
from panelkeeper.organisations.models import Group, Organisation
from panelkeeper.rules.attendance import AbsenceRun, current_absence_run, passes_limit

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

DECIDED = [MissedMeetingsStatus.ACCEPTED, MissedMeetingsStatus.ENDED]
RUN_FIELDS = ["missed", "first_missed_on", "last_missed_on"]
"""The fields that follow the run while a decision is open."""
WITHDRAWN_FIELDS = ["status", "decided_on"]


def review_member(*, member: Member, actor: User | None, today: dt.date) -> MissedMeetings | None:
    """Open, follow or withdraw the member's missed-meetings decision; the open one, if any.

    Nothing happens where the code in force today does not switch the rule on.
    """
    return review_members(members=[member], actor=actor, today=today)[member.pk]


def review_members(
    *, members: Sequence[Member], actor: User | None, today: dt.date
) -> dict[int, MissedMeetings | None]:
    """:func:`review_member` for each of ``members``, all of one group: what the rule
    needs is read once for them all (the code, their decisions, the group's meetings,
    their status records and attendance), whatever their number. Each member's open
    decision, if any, by id. The group's next agenda is filled once, after the last."""
    if not members:
        return {}
    group = members[0].group
    if any(m.group_id != group.pk for m in members):
        raise ValueError("Review the members of one group at a time.")
    policy = code_on(group.organisation, today)
    rule = policy.attendance.consecutive_absences if policy and policy.attendance else None
    current = {
        d.member_id: d
        for d in MissedMeetings.objects.open()
        .filter(member__in=members)
        .select_related("group__organisation")
    }
    if rule is None:
        return {m.pk: current.get(m.pk) for m in members}
    # A decided run is never counted again: after circumstances are accepted the member
    # starts afresh; after an ending they are no longer expected anyway.
    fresh_after: dict[int, dt.date] = {}
    for member_id, last in (
        MissedMeetings.objects.filter(member__in=members, status__in=DECIDED)
        .order_by("member_id", "-last_missed_on")
        .values_list("member_id", "last_missed_on")
    ):
        fresh_after.setdefault(member_id, last)
    seats = group_seats(members, today=today)
    moves = _Moves()
    for member in members:
        run = current_absence_run(
            seats[member.pk],
            count_with_apologies=rule.count_with_apologies,
            fresh_after=fresh_after.get(member.pk),
        )
        moves.follow(member, current.get(member.pk), run, limit=rule.limit, today=today)
    with transaction.atomic():
        moves.save(group.organisation, actor=actor)
        if moves.opened or moves.followed:
            from panelkeeper.meetings.agenda import put_waiting_matters_on_agenda

            put_waiting_matters_on_agenda(group=group, today=today, actor=actor)
    return {m.pk: moves.open.get(m.pk) for m in members}


class _Moves:
    """The decisions to open, follow or withdraw as members' runs are read, saved together
    with their audit entries (one for each decision, as when saved one by one)."""

    def __init__(self) -> None:
        self.opened: list[MissedMeetings] = []
        self.followed: list[MissedMeetings] = []
        self.withdrawn: list[MissedMeetings] = []
        self.open: dict[int, MissedMeetings] = {}

    def follow(
        self,
        member: Member,
        current: MissedMeetings | None,
        run: AbsenceRun,
        *,
        limit: int,
        today: dt.date,
    ) -> None:
        """Open, follow or withdraw ``member``'s decision on ``run``."""
        if not passes_limit(run, limit):
            if current is not None:
                current.status = MissedMeetingsStatus.WITHDRAWN
                current.decided_on = today
                self.withdrawn.append(current)
            return
        assert run.last is not None
        first = run.meetings[0]
        if current is None:
            current = MissedMeetings(
                member=member,
                group_id=member.group_id,
                missed=run.count,
                limit=limit,
                first_missed_on=first,
                last_missed_on=run.last,
                opened_on=today,
                opened_at=timezone.now(),
            )
            self.opened.append(current)
        elif (current.missed, current.first_missed_on, current.last_missed_on) != (
            run.count,
            first,
            run.last,
        ):
            current.missed, current.first_missed_on = run.count, first
            current.last_missed_on = run.last
            self.followed.append(current)
        self.open[member.pk] = current

    def save(self, organisation: Organisation, *, actor: User | None) -> None:
        MissedMeetings.objects.bulk_create(self.opened)
        MissedMeetings.objects.bulk_update(self.followed, RUN_FIELDS)
        MissedMeetings.objects.bulk_update(self.withdrawn, WITHDRAWN_FIELDS)
        done = [
            *(("missed_meetings.opened", d) for d in self.opened),
            *(("missed_meetings.followed", d) for d in self.followed),
        ]
        record_each(actor=actor, organisation=organisation, done=done, fields=RUN_FIELDS)
        withdrawn = [("missed_meetings.withdrawn", d) for d in self.withdrawn]
        record_each(actor=actor, organisation=organisation, done=withdrawn, fields=WITHDRAWN_FIELDS)


def review_group(*, group: Group, actor: User | None, today: dt.date) -> None:
    """Review every member of the group (after a meeting is cancelled, say)."""
    members = list(Member.objects.filter(group=group).select_related("group__organisation"))
    review_members(members=members, actor=actor, today=today)


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
