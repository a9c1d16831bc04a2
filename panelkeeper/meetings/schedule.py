"""Arranging meetings: scheduling, recording one already held, moving, cancelling, the
chair. Papers are in :mod:`panelkeeper.meetings.papers`.

MTG-4: each meeting has a chair. By default it is the group's standing Chair on the day;
a group whose code allows a rota names the member for each meeting (a code with a
standing Chair refuses a rota); when the Chair sends apologies, is suspended or has left,
the Vice Chair stands in.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.audited import create_logged, log, save_logged
from panelkeeper.meetings.codes import code_on, day, meeting_rules
from panelkeeper.meetings.models import ChairBasis, Meeting, MeetingStatus
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.organisations.models import Group
from panelkeeper.registers.conflicts import move_work_items
from panelkeeper.registers.models import WorkItem
from panelkeeper.rules.attendance import Presence, apologies_are_late
from panelkeeper.rules.meetings import chair_refusal

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def _check_chair(group: Group, chair: Member | None, basis: str, on: dt.date) -> None:
    if basis not in ChairBasis.values:
        raise Refused("Select who chairs the meeting.", field="chair_basis")
    refusal = chair_refusal(meeting_rules(group.organisation, on), basis)
    if refusal is not None:
        raise Refused(refusal, rule="MTG-4", field="chair_basis")
    if chair is None:
        if basis == ChairBasis.ROTA:
            raise Refused("Choose the member who chairs this meeting by rota.", field="chair")
        return
    if chair.group_id != group.pk:
        raise Refused("Choose a member of this group to chair the meeting.", field="chair")
    if not Member.objects.filter(pk=chair.pk).active(on=on).exists():
        raise Refused(
            f"{chair.full_name} is not an active member on {day(on)}. Choose another chair.",
            field="chair",
        )


def _check_times_and_place(
    starts_at: dt.time, ends_at: dt.time | None, place: str, online_link: str
) -> None:
    """A meeting ends after it starts, on the same day, and is somewhere (or online)."""
    if ends_at is not None and ends_at <= starts_at:
        raise Refused(
            f"The end time must be after the start time, {starts_at:%H:%M}. "
            "Leave it empty if you do not know when the meeting ends.",
            field="ends_at",
        )
    if not place and not online_link:
        raise Refused("Enter the place of the meeting, an online link, or both.", field="place")


def schedule_meeting(
    *,
    group: Group,
    date: dt.date,
    starts_at: dt.time,
    ends_at: dt.time | None = None,
    place: str = "",
    online_link: str = "",
    chair: Member | None = None,
    chair_basis: str = ChairBasis.STANDING,
    held: bool = False,
    actor: User,
    today: dt.date,
) -> Meeting:
    """Arrange a meeting of ``group`` (or, with ``held``, record one already held).

    A scheduled meeting is dated today or later; a meeting recorded as held is dated
    today or earlier. It needs a place, an online link, or both. ``ends_at`` is optional
    and must be later than ``starts_at``: a meeting ends on the day it starts. Scheduling
    puts the group's waiting matters on the agenda of its next meeting (GIFT-2, MTG-2).
    """
    place, online_link = place.strip(), online_link.strip()
    if held and date > today:
        raise Refused(
            f"A meeting held must be dated today or earlier, not {day(date)}.", field="date"
        )
    if not held and date < today:
        raise Refused(
            f"The date of a scheduled meeting must be today or in the future; {day(date)} "
            "has passed. To record a meeting that has already taken place, record it as held.",
            field="date",
        )
    _check_times_and_place(starts_at, ends_at, place, online_link)
    _check_chair(group, chair, chair_basis, date)
    from panelkeeper.meetings.agenda import put_waiting_matters_on_agenda

    with transaction.atomic():
        meeting = create_logged(
            Meeting,
            action="meeting.scheduled" if not held else "meeting.recorded",
            actor=actor,
            logged={
                "group": group,
                "date": date,
                "starts_at": starts_at,
                "ends_at": ends_at,
                "place": place,
                "online_link": online_link,
                "status": MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
                "chair": chair,
                "chair_basis": chair_basis,
            },
            created_at=timezone.now(),
            created_by=actor,
        )
        put_waiting_matters_on_agenda(group=group, today=today, actor=actor)
    return meeting


def _locked(meeting: Meeting, *also: str) -> Meeting:
    """``meeting`` read afresh and locked for a change, with its group, its organisation
    and the relations named in ``also``."""
    # Lock the meeting row only: PostgreSQL refuses FOR UPDATE on the nullable side of an
    # outer join (to the chair, say).
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("group__organisation", *also)
        .get(pk=meeting.pk)
    )


def name_chair(
    *, meeting: Meeting, chair: Member | None, chair_basis: str, actor: User, today: dt.date
) -> Meeting:
    """Change who chairs a meeting still to come (MTG-4): the standing Chair (``chair``
    None), a member by rota, or a member standing in. The member must belong to the
    group and be active on the meeting's date. ``today`` is when the change is made."""
    with transaction.atomic():
        locked = _locked(meeting)
        if locked.status != MeetingStatus.SCHEDULED:
            raise Refused(
                "Only a meeting still to come can have its chair changed; this one is "
                f"{locked.get_status_display().lower()}."
            )
        _check_chair(locked.group, chair, chair_basis, locked.date)
        if (locked.chair_id, locked.chair_basis) == (getattr(chair, "pk", None), chair_basis):
            raise Refused("That is already who chairs this meeting.", field="chair_basis")
        locked.chair, locked.chair_basis = chair, chair_basis
        fields = ["chair", "chair_basis"]
        save_logged(obj=locked, fields=fields, action="meeting.chair_named", actor=actor)
    meeting.chair, meeting.chair_basis = locked.chair, locked.chair_basis
    return locked


MOVABLE_FIELDS = ["date", "starts_at", "ends_at", "place", "online_link"]


def reschedule_meeting(
    *,
    meeting: Meeting,
    date: dt.date,
    starts_at: dt.time,
    ends_at: dt.time | None = None,
    place: str = "",
    online_link: str = "",
    actor: User,
    today: dt.date,
) -> Meeting:
    """Change the date, times, place or online link of a meeting still to come.

    Only a scheduled meeting moves: one held or cancelled is refused. The new date is
    today or later, the end time (optional) later than the start, and the meeting keeps a
    place, an online link, or both. A change to nothing is refused; the audit entry names
    the fields that changed.

    What follows the date:

    - The chair: with no chair named, the group's standing Chair on the new date chairs
      (MTG-4). A chair named for the meeting (by rota, or standing in) stays named, so
      they must be an active member on the new date; otherwise the move is refused.
    - Apologies already given stand for the new date: a member who can now come tells
      the officer, who corrects the record. Whether they were late is read again against
      the new date and the code in force on it (MTG-1), but a move only ever clears the
      late mark, never sets it: the member gave notice for the date they were told, and
      the organisation's change of date must not count against them. The member's run of
      missed meetings is read again (MTG-2), since a meeting dated today or earlier may
      now lie in the future.
    - The agenda stays with the meeting, and its pieces of work move to the new date, so
      conflicts are checked against the interests current then (COI-2). If the move
      makes it the group's next meeting,
      the group's waiting matters join its agenda, as when a meeting is scheduled
      (GIFT-2, MTG-2).
    - Member reminders are keyed on the meeting's date and start time: one moved to
      another day or hour is reminded again.
    """
    place, online_link = place.strip(), online_link.strip()
    from panelkeeper.meetings.agenda import gifts_follow, put_waiting_matters_on_agenda
    from panelkeeper.meetings.missed import review_group

    with transaction.atomic():
        locked = _locked(meeting, "chair")
        if locked.status != MeetingStatus.SCHEDULED:
            raise Refused(
                "Only a meeting still to come can be moved; this one is "
                f"{locked.get_status_display().lower()}."
            )
        if date < today:
            raise Refused(
                f"The new date must be today or in the future; {day(date)} has passed.",
                field="date",
            )
        _check_times_and_place(starts_at, ends_at, place, online_link)
        old_date = locked.date
        if locked.chair is not None and date != old_date:
            _check_named_chair_on(locked, date)
        values = {
            "date": date,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "place": place,
            "online_link": online_link,
        }
        changed = [name for name in MOVABLE_FIELDS if getattr(locked, name) != values[name]]
        if not changed:
            raise Refused(
                "Nothing has changed. Change the date, a time, the place or the online link."
            )
        for name in changed:
            setattr(locked, name, values[name])
        locked.sequence += 1
        locked.save(update_fields=[*changed, "sequence"])
        log(obj=locked, action="meeting.rescheduled", fields=changed, actor=actor)
        if date != old_date:
            works = WorkItem.objects.filter(agenda_item__meeting=locked)
            move_work_items(works.select_for_update(of=("self",)), on=date, actor=actor)
            _clear_late_marks(locked, actor=actor)
            gifts_follow(locked)
            put_waiting_matters_on_agenda(group=locked.group, today=today, actor=actor)
            review_group(group=locked.group, actor=actor, today=today)
    for name in [*MOVABLE_FIELDS, "sequence"]:
        setattr(meeting, name, getattr(locked, name))
    return locked


def _check_named_chair_on(meeting: Meeting, date: dt.date) -> None:
    chair = meeting.chair
    assert chair is not None
    if not Member.objects.filter(pk=chair.pk).active(on=date).exists():
        raise Refused(
            f"{chair.full_name}, named to chair this meeting, is not an active member on "
            f"{day(date)}. Choose another date, or cancel this meeting and schedule a new "
            "one with another chair.",
            field="date",
        )


def _clear_late_marks(meeting: Meeting, *, actor: User) -> None:
    """Clear the late mark from apologies that gave enough notice of the new date (MTG-1)."""
    late = list(meeting.attendance.filter(late=True).select_for_update())
    if not late:
        return
    organisation = meeting.group.organisation
    policy = code_on(organisation, meeting.date)
    rules = policy.attendance if policy else None
    calendar = calendar_for(organisation)
    for entry in late:
        assert entry.apologies_given_on is not None
        if apologies_are_late(
            given_on=entry.apologies_given_on,
            meeting=meeting.date,
            notice=rules.apologies_notice if rules else None,
            calendar=calendar,
        ):
            continue
        entry.late = False
        save_logged(obj=entry, fields=["late"], action="attendance.corrected", actor=actor)


def cancel_meeting(*, meeting: Meeting, reason: str, actor: User, today: dt.date) -> Meeting:
    """Cancel a scheduled meeting; its waiting matters move on to the next meeting.

    A cancelled meeting counts for nobody's attendance (Interpretation 6).
    """
    reason = " ".join(reason.split())
    if not reason:
        raise Refused("Enter why the meeting is cancelled.", field="reason")
    from panelkeeper.meetings.agenda import put_waiting_matters_on_agenda, release_gifts

    with transaction.atomic():
        locked = _locked(meeting)
        if locked.status != MeetingStatus.SCHEDULED:
            raise Refused(
                "Only a scheduled meeting can be cancelled; this one is "
                f"{locked.get_status_display().lower()}."
            )
        locked.status = MeetingStatus.CANCELLED
        locked.cancelled_reason = reason[:500]
        locked.sequence += 1
        locked.save(update_fields=["status", "cancelled_reason", "sequence"])
        meeting.status, meeting.cancelled_reason = locked.status, locked.cancelled_reason
        meeting.sequence = locked.sequence
        fields = ["status", "cancelled_reason"]
        log(obj=locked, action="meeting.cancelled", fields=fields, actor=actor)
        release_gifts(locked, actor=actor)
        put_waiting_matters_on_agenda(group=locked.group, today=today, actor=actor)
    from panelkeeper.meetings.missed import review_group

    review_group(group=locked.group, actor=actor, today=today)
    return locked


def mark_held(meeting: Meeting, *, actor: User, today: dt.date) -> None:
    """Record that a scheduled meeting took place (inside the caller's transaction)."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise Refused("This meeting was cancelled. Attendance is not recorded for it.")
    if meeting.date > today:
        raise Refused(
            f"The meeting is on {day(meeting.date)}. Record who attended on the day or after."
        )
    if meeting.status == MeetingStatus.SCHEDULED:
        meeting.status = MeetingStatus.HELD
        save_logged(obj=meeting, fields=["status"], action="meeting.held", actor=actor)


def chair_for(
    meeting: Meeting, members: list[Member], presence: dict[int, str]
) -> tuple[Member | None, str]:
    """Who chairs ``meeting`` and on what basis (MTG-4).

    ``members`` are the group's members expected at the meeting, ``presence`` maps a
    member's id to their recorded presence. A chair named for the meeting (by rota, or
    standing in) chairs; otherwise the standing Chair, unless they sent apologies or
    were absent, when the Vice Chair stands in. None when the group has neither.
    """
    if meeting.chair_id is not None:
        named = next((m for m in members if m.pk == meeting.chair_id), meeting.chair)
        return named, meeting.chair_basis
    chair = next((m for m in members if m.role == GroupRole.CHAIR), None)
    vice = next((m for m in members if m.role == GroupRole.VICE_CHAIR), None)
    away = (Presence.APOLOGIES, Presence.ABSENT)
    if chair is not None and presence.get(chair.pk) not in away:
        return chair, ChairBasis.STANDING
    if vice is not None:
        return vice, ChairBasis.VICE_CHAIR
    return chair, ChairBasis.STANDING
