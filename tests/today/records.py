"""Records of each kind the Today page lists, made cheaply for its tests."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from panelkeeper.cases.changes.steps import inform_member
from panelkeeper.meetings.models import Action
from panelkeeper.members.models import DocumentVersion
from panelkeeper.registers.models import GiftStatus
from panelkeeper.subject_access.models import Requester
from panelkeeper.subject_access.requests import log_request
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)

# A gift decided on 20 November 2026, whose result no letter has told the member yet.
DECIDED = {
    "status": GiftStatus.DECIDED,
    "outcome": "kept",
    "decided_on": dt.date(2026, 11, 20),
    "decided_at": dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC),
}


def one_of_each(factory: Factory, version: DocumentVersion, *, cases: bool = True) -> None:
    """A member with one waiting record of every kind (and, with ``cases``, a breach case
    raised on 2 November 2026 whose member was told the next day: overdue by now)."""
    member = factory.panel_member()
    if cases:
        case = factory.breach_case(member)
        inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=TODAY)
    factory.concern(preset="vela")
    factory.gift(member, **DECIDED)
    factory.gift(member)
    factory.signature(member, version)
    factory.missed_meetings(member)
    Action.objects.create(
        meeting=_meeting(factory),
        description="Send the repairs report to the Board",
        owner_member=member,
        due_on=dt.date(2026, 11, 30),
        recorded_at=timezone.now(),
        recorded_by=factory.officer(),
    )
    log_request(
        organisation=factory.home,
        requester=Requester.MEMBER,
        member=member,
        received_on=dt.date(2026, 11, 2),
        actor=None,
        today=TODAY,
    )


def _meeting(factory: Factory) -> object:
    found = factory._personas.get("today:meeting")
    if found is None:
        found = factory.meeting(date=dt.date(2026, 11, 16))
        factory._personas["today:meeting"] = found
    return found
