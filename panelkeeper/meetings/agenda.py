"""Matters for the next meeting: the one mechanism that fills a group's next agenda.

Waiting matters are gifts the group is to discuss (GIFT-2) and open missed-meetings
decisions (MTG-2). Each goes on the agenda of the group's next scheduled meeting; if
that meeting is held without settling it, or is cancelled, it goes on the one after.
Every agenda item has its own piece of work in the registers, so the conflict check
(COI-2) says which members are out of it.

:func:`put_waiting_matters_on_agenda` is safe to call any number of times: a matter is
added only when it is not already on that meeting (unique constraints back this).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max

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
from panelkeeper.registers.models import Gift, WorkKind

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


def put_waiting_matters_on_agenda(
    *, group: Group, today: dt.date, actor: User | None
) -> list[AgendaItem]:
    """Put every waiting matter of ``group`` on its next scheduled meeting's agenda.

    Returns the items added (none when there is no next meeting yet: the matters wait,
    and scheduling a meeting calls this again).
    """
    meeting = Meeting.objects.next_for(group, today=today)
    if meeting is None:
        return []
    added: list[AgendaItem] = []
    with transaction.atomic():
        on_it = set(meeting.agenda.exclude(gift=None).values_list("gift_id", flat=True))
        for gift in (
            Gift.objects.waiting_for_meeting(group)
            .exclude(pk__in=on_it)
            .select_related("member")
            .order_by("declared_at", "id")
        ):
            added.append(
                _add(meeting, kind=AgendaKind.GIFT, title=gift_title(gift), actor=actor, gift=gift)
            )
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
