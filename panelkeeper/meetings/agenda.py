"""Matters for the next meeting: the one mechanism that fills a group's next agenda.

Waiting matters are gifts the group is to discuss (GIFT-2) and open missed-meetings
decisions (MTG-2). A gift goes on the agenda of the group's first scheduled meeting
after the day it was declared, as soon as it is entered if that meeting is already
scheduled (:func:`place_gift`); a missed-meetings decision on the next scheduled
meeting. If that meeting is held without settling it, or is cancelled, it goes on the
one after. Every agenda item has its own piece of work in the registers, so the conflict
check (COI-2) says which members are out of it.

A gift is on one agenda at a time: it is placed by a guarded write that moves it from
waiting to on the agenda, which only one of two requests at once can make (the row
lock of the update, on PostgreSQL as on SQLite). :func:`put_waiting_matters_on_agenda`
is safe to call any number of times: a matter is added only when it is not already on
that meeting (unique constraints back this).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max, QuerySet

from panelkeeper.audit.log import record
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.audited import create_logged
from panelkeeper.meetings.models import (
    AgendaItem,
    AgendaKind,
    Meeting,
    MeetingStatus,
    MissedMeetings,
)
from panelkeeper.organisations.models import Group
from panelkeeper.registers.conflicts import open_work_item
from panelkeeper.registers.models import Gift, GiftStatus, WorkKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def _add(
    meeting: Meeting,
    *,
    kind: str,
    title: str,
    actor: User | None,
    gift: Gift | None = None,
    missed: MissedMeetings | None = None,
) -> AgendaItem:
    title = " ".join(title.split())[:300]
    position = (meeting.agenda.aggregate(last=Max("position"))["last"] or 0) + 1
    work = open_work_item(
        organisation=meeting.group.organisation,
        kind=WorkKind.AGENDA_ITEM,
        title=title,
        on=meeting.date,
        actor=actor,
    )
    return create_logged(
        AgendaItem,
        action="agenda_item.added",
        actor=actor,
        logged={
            "meeting": meeting,
            "position": position,
            "kind": kind,
            "title": title,
            "work": work,
            "gift": gift,
            "missed_meetings": missed,
        },
    )


def add_agenda_item(*, meeting: Meeting, title: str, actor: User) -> AgendaItem:
    """Add an item of the officer's or chair's choosing to a scheduled meeting's agenda."""
    if not " ".join(title.split()):
        raise Refused("Enter the title of the agenda item.", field="title")
    if meeting.status == MeetingStatus.CANCELLED:
        raise Refused("This meeting was cancelled. Add the item to another meeting.")
    with transaction.atomic():
        return _add(meeting, kind=AgendaKind.MATTER, title=title, actor=actor)


def gift_title(gift: Gift) -> str:
    return f"Gift or hospitality declared by {gift.member.full_name}: {gift.description[:120]}"


def missed_title(decision: MissedMeetings) -> str:
    return (
        f"{decision.member.full_name} has missed {decision.missed} meetings in a row: "
        "accept exceptional circumstances or confirm that membership ends"
    )


def meeting_for_gift(gift: Gift, *, today: dt.date) -> Meeting | None:
    """The group's first scheduled meeting after the day ``gift`` was declared, and not
    before ``today`` (GIFT-2); None until one is scheduled."""
    after = max(gift.declared_on + dt.timedelta(days=1), today)
    return Meeting.objects.next_for(gift.group, today=after)


def place_gift(gift: Gift, *, today: dt.date, actor: User | None) -> AgendaItem | None:
    """Put a waiting ``gift`` on the agenda of :func:`meeting_for_gift`, if one is
    scheduled. The move from waiting to on the agenda is one guarded update, so a gift
    reaches one agenda only, whichever requests place it at once. None when there is no
    such meeting yet or the gift is no longer waiting."""
    meeting = meeting_for_gift(gift, today=today)
    if meeting is None:
        return None
    with transaction.atomic():
        moved = Gift.objects.filter(pk=gift.pk, status=GiftStatus.WAITING_FOR_MEETING).update(
            status=GiftStatus.ON_AGENDA, agenda_on=meeting.date
        )
        if not moved:
            return None
        gift.status, gift.agenda_on = GiftStatus.ON_AGENDA, meeting.date
        _gift_logged(gift, "gift.put_on_agenda", actor)
        return _add(meeting, kind=AgendaKind.GIFT, title=gift_title(gift), actor=actor, gift=gift)


def place_declared_gift(gift: Gift, today: dt.date, actor: User) -> None:
    """A gift just declared: on its meeting's agenda at once, if its group discusses it."""
    if gift.status == GiftStatus.WAITING_FOR_MEETING:
        place_gift(gift, today=today, actor=actor)


def _gift_logged(gift: Gift, action: str, actor: User | None) -> None:
    fields = ["status", "agenda_on"]
    record(actor=actor, organisation=gift.organisation, action=action, obj=gift, fields=fields)


def _back_to_waiting(gifts: QuerySet[Gift], actor: User | None) -> None:
    """Gifts whose meeting was cancelled, or held without settling them, wait again."""
    for gift in gifts.filter(status=GiftStatus.ON_AGENDA).select_for_update():
        gift.status, gift.agenda_on = GiftStatus.WAITING_FOR_MEETING, None
        gift.save(update_fields=["status", "agenda_on"])
        _gift_logged(gift, "gift.waiting_again", actor)


def _gifts_on(meeting: Meeting) -> QuerySet[Gift]:
    return Gift.objects.filter(pk__in=meeting.agenda.exclude(gift=None).values("gift_id"))


def release_gifts(meeting: Meeting, *, actor: User | None) -> None:
    """The gifts on a cancelled ``meeting``'s agenda wait for the next meeting again."""
    _back_to_waiting(_gifts_on(meeting), actor)


def gifts_follow(meeting: Meeting) -> None:
    """The gifts on a moved ``meeting``'s agenda give its new date."""
    _gifts_on(meeting).filter(status=GiftStatus.ON_AGENDA).update(agenda_on=meeting.date)


def put_waiting_matters_on_agenda(
    *, group: Group, today: dt.date, actor: User | None
) -> list[AgendaItem]:
    """Put every waiting matter of ``group`` on the agenda it belongs on.

    A gift still on the agenda of a meeting dated before ``today`` was not settled there
    and waits again. Each waiting gift goes to :func:`meeting_for_gift`; each open
    missed-meetings decision to the next scheduled meeting. Returns the items added
    (none when there is no meeting yet: the matters wait, and scheduling a meeting calls
    this again).
    """
    added: list[AgendaItem] = []
    with transaction.atomic():
        stale = Gift.objects.filter(group=group, agenda_on__lt=today)
        _back_to_waiting(stale, actor)
        for gift in (
            Gift.objects.waiting_for_meeting(group)
            .select_related("member", "group", "organisation")
            .order_by("declared_on", "declared_at", "id")
        ):
            item = place_gift(gift, today=today, actor=actor)
            if item is not None:
                added.append(item)
        meeting = Meeting.objects.next_for(group, today=today)
        if meeting is None:
            return added
        missed_on_it = set(
            meeting.agenda.exclude(missed_meetings=None).values_list(
                "missed_meetings_id", flat=True
            )
        )
        for decision in (
            MissedMeetings.objects.open()
            .filter(group=group)
            .exclude(pk__in=missed_on_it)
            .select_related("member")
            .order_by("opened_at", "id")
        ):
            added.append(
                _add(
                    meeting,
                    kind=AgendaKind.MISSED_MEETINGS,
                    title=missed_title(decision),
                    actor=actor,
                    missed=decision,
                )
            )
    return added
