"""The daily job that puts waiting matters on each group's next agenda (GIFT-2, MTG-2).

Gifts are declared in the registers without a meeting in view; once a day every group's
waiting matters go on its next scheduled meeting. Idempotent: a matter already on that
meeting is not added again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.tasks import task

from panelkeeper.core.daily import run_once
from panelkeeper.organisations.models import Group


def put_all(day: dt.date) -> dict[str, Any]:
    """Review every open missed-meetings decision (a suspension recorded since may have
    broken its run), then fill every group's next agenda."""
    from panelkeeper.meetings.agenda import put_waiting_matters_on_agenda
    from panelkeeper.meetings.missed import review_member
    from panelkeeper.meetings.models import MissedMeetings

    for decision in MissedMeetings.objects.open().select_related("member__group"):
        review_member(member=decision.member, actor=None, today=day)
    added = 0
    for group in Group.objects.select_related("organisation"):
        added += len(put_waiting_matters_on_agenda(group=group, today=day, actor=None))
    return {"added": added}


@task()
def put_waiting_matters_on_agendas(day: str) -> bool:
    return run_once("meetings_agendas", day, lambda: put_all(dt.date.fromisoformat(day)))
