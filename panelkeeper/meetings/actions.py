"""Actions allocated at a meeting, with an owner and a due date (MTG-6).

Overdue is worked out from the date passed in, never stored: an action is overdue when
its due date has passed and it is not done.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet

from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.audited import record_at_meeting, save_logged
from panelkeeper.meetings.codes import day
from panelkeeper.meetings.models import Action, Meeting, MeetingStatus
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def allocate_action(
    *,
    meeting: Meeting,
    description: str,
    due_on: dt.date,
    owner_member: Member | None = None,
    owner_user: User | None = None,
    actor: User,
) -> Action:
    """Allocate work at a meeting to a member of the group or a member of staff."""
    description = " ".join(description.split())
    if not description:
        raise Refused("Describe the action.", field="description")
    if (owner_member is None) == (owner_user is None):
        raise Refused("Choose one owner: a member or a member of staff.", field="owner")
    if owner_member is not None and owner_member.group_id != meeting.group_id:
        raise Refused("Choose a member of this group as the owner.", field="owner")
    if meeting.status == MeetingStatus.CANCELLED:
        raise Refused("This meeting was cancelled. Allocate the action at another meeting.")
    if due_on < meeting.date:
        raise Refused(
            f"The due date must be on or after the meeting ({day(meeting.date)}).", field="due_on"
        )
    return record_at_meeting(
        Action,
        meeting=meeting,
        action="action.allocated",
        actor=actor,
        description=description[:500],
        owner_member=owner_member,
        owner_user=owner_user,
        due_on=due_on,
    )


def complete_action(*, action: Action, done_on: dt.date, actor: User, today: dt.date) -> Action:
    """Record that the action is done."""
    refuse_future(done_on, today, what="The date it was done", field="done_on")
    if action.done_on is not None:
        raise Refused(f"This action was already done on {day(action.done_on)}.")
    with transaction.atomic():
        action.done_on = done_on
        save_logged(obj=action, fields=["done_on"], action="action.completed", actor=actor)
    return action


def actions_of(organisation: Organisation) -> QuerySet[Action]:
    return Action.objects.filter(meeting__group__organisation=organisation).select_related(
        "meeting__group", "owner_member", "owner_user"
    )


def overdue(actions: QuerySet[Action], *, today: dt.date) -> QuerySet[Action]:
    return actions.filter(done_on__isnull=True, due_on__lt=today)
