"""Records in the meetings app waiting to become cases (MTG-5, MTG-2).

Cases import meetings, never the reverse: a chair's asked-to-leave record and a
missed-meetings decision that ended membership are listed here until an officer opens
the case for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from panelkeeper.accounts.permissions import get_object_for
from panelkeeper.cases.changes.opening import (
    open_case_from_asked_to_leave,
    open_exclusion_from_missed_meetings,
)
from panelkeeper.cases.models import Case
from panelkeeper.meetings.models import AskedToLeave, MissedMeetings
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


@dataclass(frozen=True)
class Pending:
    kind: str  # "asked_to_leave" or "missed_meetings"
    pk: int
    member: str
    on: dt.date
    label: str


def pending_openings(organisation: Organisation) -> list[Pending]:
    """Two queries, whatever the number of records. Each reads only what the list shows,
    as values: building the queries is much of the case list's own work, and the columns
    of every row joined to them would double it."""
    sent_out = (
        AskedToLeave.objects.filter(meeting__group__organisation=organisation)
        .exclude(pk__in=Case.objects.filter(asked_to_leave__isnull=False).values("asked_to_leave"))
        .values_list("pk", "member__full_name", "meeting__date")
    )
    endings = (
        MissedMeetings.objects.confirmed_endings()
        .filter(group__organisation=organisation)
        .exclude(
            pk__in=Case.objects.filter(missed_meetings__isnull=False).values("missed_meetings")
        )
        .values_list("pk", "member__full_name", "decided_on", "opened_on", "missed")
    )
    found = [
        Pending("asked_to_leave", pk, member, on, "Asked to leave the meeting by the chair")
        for pk, member, on in sent_out
    ]
    found += [
        Pending(
            "missed_meetings",
            pk,
            member,
            decided_on or opened_on,
            f"Membership ended after {missed} meetings missed in a row",
        )
        for pk, member, decided_on, opened_on, missed in endings
    ]
    return sorted(found, key=lambda p: p.on)


def open_for_asked_to_leave(*, organisation: Organisation, record: int, actor: User) -> Case:
    """The serious-breach case for ``organisation``'s asked-to-leave record ``record``
    (MTG-5); another organisation's record answers 404 like a missing one."""
    row = get_object_for(
        organisation,
        AskedToLeave.objects.select_related("meeting__group__organisation", "member"),
        via="meeting__group__organisation",
        pk=record,
    )
    return open_case_from_asked_to_leave(record_=row, actor=actor)


def open_for_missed_meetings(*, organisation: Organisation, decision: int, actor: User) -> Case:
    """The exclusion case for ``organisation``'s missed-meetings decision ``decision``
    (MTG-2); another organisation's decision answers 404 like a missing one."""
    row = get_object_for(
        organisation,
        MissedMeetings.objects.select_related("member__group__organisation"),
        via="group__organisation",
        pk=decision,
    )
    return open_exclusion_from_missed_meetings(decision=row, actor=actor)
