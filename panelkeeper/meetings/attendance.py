"""Recording attendance and apologies (MTG-1), and sending or withdrawing apologies
from the portal.

Apologies keep the day they were given; those after the code's notice are marked late
but stay apologies (Interpretation 7). After every record the member's run of missed
meetings is read again (MTG-2), so a record entered late takes its place in date order.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.codes import code_on, day
from panelkeeper.meetings.listing import Shown, members_listed
from panelkeeper.meetings.missed import review_member
from panelkeeper.meetings.models import Attendance, Meeting, MeetingStatus, MissedMeetings
from panelkeeper.meetings.schedule import mark_held
from panelkeeper.meetings.seats import timelines
from panelkeeper.members.models import Member
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.rules.attendance import Presence, Standing, apologies_are_late

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

FIELDS = ["presence", "apologies_given_on", "reason", "arrives_at", "late"]


def expected_or_refused(meeting: Meeting, member: Member) -> None:
    """Refuse a member who was not expected at the meeting, saying why."""
    if member.group_id != meeting.group_id:
        raise Refused(
            f"{member.full_name} is not a member of {meeting.group.name}. "
            "Attendance is recorded only for the group's members.",
            field="member",
        )
    standing = timelines([member])[member.pk].standing_on(meeting.date)
    if standing is Standing.SUSPENDED:
        raise Refused(
            f"{member.full_name} was suspended on {day(meeting.date)}, so was not expected "
            "at this meeting.",
            field="member",
        )
    if standing is not Standing.EXPECTED:
        raise Refused(
            f"{member.full_name} was not a member of {meeting.group.name} on "
            f"{day(meeting.date)}. Attendance is recorded only for members on the day.",
            field="member",
        )


def record_attendance(
    *,
    meeting: Meeting,
    member: Member,
    presence: str,
    apologies_given_on: dt.date | None = None,
    reason: str = "",
    arrives_at: dt.time | None = None,
    actor: User,
    today: dt.date,
    review: bool = True,
) -> Attendance:
    """Record (or correct) how ``member`` stood at ``meeting`` (MTG-1).

    Present or absent needs the meeting to have taken place (it is marked held); apologies
    may be recorded beforehand. Apologies need the day they were given, on or before the
    meeting and not after today; a member recorded present may keep apologies they gave
    for arriving late. Absent means absent without apologies. ``review=False`` leaves the
    member's run of missed meetings (MTG-2) to a caller that reads it again itself.
    """
    if presence not in Presence.__members__.values():
        raise Refused("Select present, apologies or absent.", field="presence")
    presence = Presence(presence)
    reason = " ".join(reason.split())
    if len(reason) > 500:
        raise Refused("The reason must be 500 characters or fewer.", field="reason")
    # Read the meeting afresh: it may have been cancelled since the caller fetched it.
    meeting.refresh_from_db(fields=["status", "date"])
    if meeting.status == MeetingStatus.CANCELLED:
        raise Refused("This meeting was cancelled. Attendance is not recorded for it.")
    expected_or_refused(meeting, member)
    if presence is Presence.ABSENT:
        apologies_given_on, reason, arrives_at = None, "", None
    if presence is Presence.APOLOGIES and apologies_given_on is None:
        raise Refused("Enter the date the apologies were given.", field="apologies_given_on")
    late = False
    if apologies_given_on is not None:
        what = "The date the apologies were given"
        refuse_future(apologies_given_on, today, what=what, field="apologies_given_on")
        if apologies_given_on > meeting.date:
            raise Refused(
                f"Apologies are given on or before the day of the meeting ({day(meeting.date)}). "
                "Record the member as absent instead.",
                field="apologies_given_on",
            )
        policy = code_on(meeting.group.organisation, meeting.date)
        rules = policy.attendance if policy else None
        if rules is not None and rules.apologies_with_reasons and not reason:
            raise Refused("Enter the reason the member gave.", field="reason")
        late = apologies_are_late(
            given_on=apologies_given_on,
            meeting=meeting.date,
            notice=rules.apologies_notice if rules else None,
            calendar=calendar_for(meeting.group.organisation),
        )
    with transaction.atomic():
        if presence is not Presence.APOLOGIES:
            mark_held(meeting, actor=actor, today=today)
        values = {
            "presence": presence.value,
            "apologies_given_on": apologies_given_on,
            "reason": reason,
            "arrives_at": arrives_at,
            "late": late,
            "recorded_at": timezone.now(),
            "recorded_by": actor,
        }
        entry, created = Attendance.objects.select_for_update().update_or_create(
            meeting=meeting, member=member, defaults=values
        )
        record(
            actor=actor,
            organisation=meeting.group.organisation,
            action="attendance.recorded" if created else "attendance.corrected",
            obj=entry,
            fields=FIELDS,
        )
        if review:
            review_member(member=member, actor=actor, today=today)
    return entry


def send_apologies(
    *,
    meeting: Meeting,
    member: Member,
    reason: str = "",
    arrives_at: dt.time | None = None,
    actor: User,
    today: dt.date,
) -> Attendance:
    """A member (or their advocate) sends apologies from the portal, dated today (MTG-1).

    Only for a scheduled meeting still to come (today included); with ``arrives_at`` they
    are apologies for arriving late. Apologies sent again change the reason and the time
    but keep the day they were first given, so a change never makes them late.

    """
    if meeting.status != MeetingStatus.SCHEDULED or meeting.date < today:
        raise Refused("Apologies can be sent only for a meeting still to come.")
    first_given = (
        Attendance.objects.filter(meeting=meeting, member=member, presence=Presence.APOLOGIES)
        .values_list("apologies_given_on", flat=True)
        .first()
    )
    return record_attendance(
        meeting=meeting,
        member=member,
        presence=Presence.APOLOGIES,
        apologies_given_on=min(first_given or today, today),
        reason=reason,
        arrives_at=arrives_at,
        actor=actor,
        today=today,
    )


def withdraw_apologies(*, meeting: Meeting, member: Member, actor: User, today: dt.date) -> None:
    """Take back the apologies ``member`` sent for a meeting not yet held (MTG-1): they are
    expected there again, as if none had been sent. An officer may do it for them.

    The attendance entry goes; the audit log keeps who withdrew it and when. Apologies
    for a meeting already held, cancelled or past stay on record: correct them on the
    attendance page instead.
    """
    meeting.refresh_from_db(fields=["status", "date"])
    if meeting.status != MeetingStatus.SCHEDULED or meeting.date < today:
        raise Refused("Apologies can be withdrawn only for a meeting still to come.")
    with transaction.atomic():
        entry = (
            Attendance.objects.select_for_update()
            .filter(meeting=meeting, member=member, presence=Presence.APOLOGIES)
            .first()
        )
        if entry is None:
            raise Refused(f"{member.full_name} has not sent apologies for this meeting.")
        record(
            actor=actor,
            organisation=meeting.group.organisation,
            action="attendance.apologies_withdrawn",
            obj=entry,
            fields=FIELDS,
        )
        entry.delete()
        review_member(member=member, actor=actor, today=today)


def record_the_rest(*, meeting: Meeting, presence: str, actor: User, today: dt.date) -> int:
    """Record every member expected at ``meeting`` who has nothing recorded yet as present,
    or as absent without apologies, all or none; how many were recorded (MTG-1).

    Apologies are not given in bulk: each needs the day the member gave them, so they
    are recorded one by one, before or at the meeting. Each member goes through
    :func:`record_attendance`, so the same rules hold as for one member (a meeting held
    on or before today, not cancelled), and each member's run of missed meetings is read
    again (MTG-2): marking absent may open missed-meetings decisions.
    """
    if presence not in (Presence.PRESENT, Presence.ABSENT):
        raise Refused(
            "Select present or absent without apologies. Record apologies one member at a "
            "time, with the date each member gave them.",
            field="presence",
        )
    with transaction.atomic():
        # One at a time: a second officer's bulk record waits, then finds nobody left.
        Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        rest = list(
            members_listed(meeting, shown=Shown.NOT_RECORDED).select_related("group__organisation")
        )
        if not rest:
            raise Refused("Attendance is already recorded for every member expected.")
        for member in rest:
            record_attendance(
                meeting=meeting,
                member=member,
                presence=presence,
                actor=actor,
                today=today,
                review=False,
            )
        for member in _to_review(rest, presence=presence, today=today):
            review_member(member=member, actor=actor, today=today)
    return len(rest)


def _to_review(members: list[Member], *, presence: str, today: dt.date) -> list[Member]:
    """Of ``members`` just recorded, those whose run of missed meetings may have moved
    (MTG-2): none where the code in force today counts no runs; an absence may extend
    anyone's run, a presence only ends one that has a decision open."""
    policy = code_on(members[0].group.organisation, today) if members else None
    if policy is None or policy.attendance is None or not policy.attendance.consecutive_absences:
        return []
    if presence == Presence.ABSENT:
        return members
    waiting = set(
        MissedMeetings.objects.open().filter(member__in=members).values_list("member_id", flat=True)
    )
    return [m for m in members if m.pk in waiting]
