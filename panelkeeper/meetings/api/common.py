"""Shared parts of the meetings API: the router, lookups and answer bodies.

Every lookup finds the object only in the organisation of the request, so another
organisation's object answers 404 exactly like a missing one.
"""

import datetime as dt
from collections.abc import Iterable

from ninja import Router

from panelkeeper.accounts.permissions import get_object_for
from panelkeeper.lib.api import Out, out_of
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.api import schemas as s
from panelkeeper.meetings.models import Action, Decision, Meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group
from panelkeeper.rules.attendance import AttendanceSummary

router = Router(tags=["meetings"])

VIA = "group__organisation"
"""The lookup path from a meeting, member or group-held record to its organisation."""


def _meeting(request: StaffRequest, meeting_id: int) -> Meeting:
    return get_object_for(
        request.organisation, Meeting.objects.select_related("group"), via=VIA, pk=meeting_id
    )


def _member(request: StaffRequest, member_id: int) -> Member:
    return get_object_for(request.organisation, Member.objects.all(), via=VIA, pk=member_id)


def _group(request: StaffRequest, group_id: int) -> Group:
    return get_object_for(request.organisation, Group.objects.all(), pk=group_id)


def _summary(summary: AttendanceSummary) -> s.SummaryOut:
    return s.SummaryOut(in_words=summary.in_words, **summary.__dict__)


def action_out(action: Action, *, today: dt.date) -> s.ActionOut:
    """An action as the API gives it, ``overdue`` on ``today``."""
    return out_of(s.ActionOut, action, overdue=action.is_overdue(today))


def decision_out(decision: Decision) -> s.DecisionOut:
    """A decision as the API gives it, with its votes (from a prefetch where there is one)."""
    return out_of(s.DecisionOut, decision, votes=list(decision.votes.all()))


def page_out[S: Out](schema: type[S], counts: dict[str, int], **rows: Iterable[object]) -> S:
    """A page of a list as ``schema``: its ``counts`` (from ``lib.api.paged``) and its
    records under the list's name."""
    return schema.model_validate({**counts, **rows})
