"""Recording attendance and apologies (MTG-1), and sending or withdrawing apologies
from the portal.

Apologies keep the day they were given; those after the code's notice are marked late
but stay apologies (Interpretation 7). After every record the member's run of missed
meetings is read again (MTG-2), so a record entered late takes its place in date order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record, record_each
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.codes import code_on, day
from panelkeeper.meetings.listing import Shown, members_listed
from panelkeeper.meetings.missed import review_member, review_members
from panelkeeper.meetings.models import Attendance, Meeting, MeetingStatus, MissedMeetings
from panelkeeper.meetings.schedule import mark_held
from panelkeeper.meetings.seats import Timeline, timelines
from panelkeeper.members.models import Member
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.rules.attendance import Presence, Standing, apologies_are_late
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.policy.sections import Attendance as AttendanceRules

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

FIELDS = ["presence", "apologies_given_on", "reason", "arrives_at", "late"]


@dataclass(frozen=True)
class Entry:
    """What is recorded for one member at a meeting, as entered (MTG-1)."""

    member: Member
    presence: str
    apologies_given_on: dt.date | None = None
    reason: str = ""
    arrives_at: dt.time | None = None


class RefusedFor(Refused):
    """A refusal about one of several members recorded at once: ``member`` says whose."""

    def __init__(self, refusal: Refused, member: Member) -> None:
        super().__init__(refusal.message, rule=refusal.rule, field=refusal.field)
        self.member = member


def _expected_or_refused(meeting: Meeting, member: Member, timeline: Timeline) -> None:
    """Refuse a member who was not expected at the meeting, saying why."""
    if member.group_id != meeting.group_id:
        raise Refused(
            f"{member.full_name} is not a member of {meeting.group.name}. "
            "Attendance is recorded only for the group's members.",
            field="member",
        )
    standing = timeline.standing_on(meeting.date)
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


class _Rules:
    """What checking entries for one meeting needs, read once for them all: the code's
    attendance rules on the meeting's date and the working calendar, when asked for."""

    def __init__(self, meeting: Meeting, members: Sequence[Member]) -> None:
        self.meeting = meeting
        self.timelines = timelines(members)

    @cached_property
    def attendance(self) -> AttendanceRules | None:
        policy = code_on(self.meeting.group.organisation, self.meeting.date)
        return policy.attendance if policy else None

    @cached_property
    def calendar(self) -> WorkingCalendar:
        return calendar_for(self.meeting.group.organisation)

    def values(self, entry: Entry, *, today: dt.date) -> dict[str, object]:
        """The values to save for ``entry``, checked as MTG-1 asks; refused otherwise."""
        if entry.presence not in Presence.__members__.values():
            raise Refused("Select present, apologies or absent.", field="presence")
        presence = Presence(entry.presence)
        reason = " ".join(entry.reason.split())
        if len(reason) > 500:
            raise Refused("The reason must be 500 characters or fewer.", field="reason")
        meeting = self.meeting
        _expected_or_refused(meeting, entry.member, self.timelines[entry.member.pk])
        given, arrives_at = entry.apologies_given_on, entry.arrives_at
        if presence is Presence.ABSENT:
            given, reason, arrives_at = None, "", None
        if presence is Presence.APOLOGIES and given is None:
            raise Refused("Enter the date the apologies were given.", field="apologies_given_on")
        late = False
        if given is not None:
            what = "The date the apologies were given"
            refuse_future(given, today, what=what, field="apologies_given_on")
            if given > meeting.date:
                raise Refused(
                    "Apologies are given on or before the day of the meeting "
                    f"({day(meeting.date)}). Record the member as absent instead.",
                    field="apologies_given_on",
                )
            rules = self.attendance
            if rules is not None and rules.apologies_with_reasons and not reason:
                raise Refused("Enter the reason the member gave.", field="reason")
            late = apologies_are_late(
                given_on=given,
                meeting=meeting.date,
                notice=rules.apologies_notice if rules else None,
                calendar=self.calendar,
            )
        return {
            "presence": presence.value,
            "apologies_given_on": given,
            "reason": reason,
            "arrives_at": arrives_at,
            "late": late,
        }


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
) -> Attendance:
    """Record (or correct) how ``member`` stood at ``meeting`` (MTG-1).

    Present or absent needs the meeting to have taken place (it is marked held); apologies
    may be recorded beforehand. Apologies need the day they were given, on or before the
    meeting and not after today; a member recorded present may keep apologies they gave
    for arriving late. Absent means absent without apologies. The member's run of missed
    meetings is read again (MTG-2).
    """
    entry = Entry(member, presence, apologies_given_on, reason, arrives_at)
    try:
        [saved] = record_attendances(meeting=meeting, entries=[entry], actor=actor, today=today)
    except RefusedFor as refusal:
        raise Refused(refusal.message, rule=refusal.rule, field=refusal.field) from None
    return saved


def record_attendances(
    *,
    meeting: Meeting,
    entries: Sequence[Entry],
    actor: User,
    today: dt.date,
    review: Callable[[list[Member]], list[Member]] | None = None,
) -> list[Attendance]:
    """Record (or correct) each of ``entries`` at ``meeting``, all or none, as
    :func:`record_attendance` records one: the same checks, the same records and the
    same audit entries (one for each member), written together, in a fixed number of
    queries whatever the number of members. A refusal about one member is a
    :class:`RefusedFor` naming them. Then the run of missed meetings (MTG-2) of each
    member recorded, or of those ``review`` picks from them, is read again, once each.
    """
    members = [entry.member for entry in entries]
    with transaction.atomic():
        # One at a time for a meeting: a second officer recording waits, then sees this.
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        meeting.status, meeting.date = locked.status, locked.date
        if meeting.status == MeetingStatus.CANCELLED:
            raise Refused("This meeting was cancelled. Attendance is not recorded for it.")
        rules = _Rules(meeting, members)
        checked = []
        for entry in entries:
            try:
                checked.append((entry.member, rules.values(entry, today=today)))
            except Refused as refusal:
                raise RefusedFor(refusal, entry.member) from None
        if any(values["presence"] != Presence.APOLOGIES for _, values in checked):
            mark_held(meeting, actor=actor, today=today)
        saved, done = _saved(meeting, checked, actor=actor)
        record_each(actor=actor, organisation=meeting.group.organisation, done=done, fields=FIELDS)
        to_review = members if review is None else review(members)
        if to_review:
            review_members(members=to_review, actor=actor, today=today)
    return saved


def _saved(
    meeting: Meeting, checked: list[tuple[Member, dict[str, object]]], *, actor: User
) -> tuple[list[Attendance], list[tuple[str, Attendance]]]:
    """Each member's entry created or updated with its checked values, in bulk; and what
    was done to each, for the audit log, in the order given."""
    members = [member for member, _ in checked]
    existing = {
        a.member_id: a
        for a in Attendance.objects.select_for_update().filter(meeting=meeting, member__in=members)
    }
    now = timezone.now()
    saved = []
    for member, values in checked:
        entry = existing.get(member.pk) or Attendance(meeting=meeting, member=member)
        for name, value in {**values, "recorded_at": now, "recorded_by": actor}.items():
            setattr(entry, name, value)
        saved.append(entry)
    Attendance.objects.bulk_create([e for e in saved if e.member_id not in existing])
    changed = [e for e in saved if e.member_id in existing]
    Attendance.objects.bulk_update(changed, [*FIELDS, "recorded_at", "recorded_by"])
    done = [
        ("attendance.corrected" if e.member_id in existing else "attendance.recorded", e)
        for e in saved
    ]
    return saved, done


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
    are recorded one by one, before or at the meeting. The members are recorded together
    through :func:`record_attendances`, so the same rules hold as for one member (a
    meeting held on or before today, not cancelled), and the run of missed meetings
    (MTG-2) is read again of each member whose run may have moved: marking absent may
    open missed-meetings decisions.
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
        record_attendances(
            meeting=meeting,
            entries=[Entry(member, presence) for member in rest],
            actor=actor,
            today=today,
            review=lambda members: _to_review(members, presence=presence, today=today),
        )
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
