"""One organisation's meeting business looked up by id, for the officers' pages and
operations alike: another organisation's record is a 404, exactly like a missing one."""

from __future__ import annotations

from django.db.models import Model, QuerySet

from panelkeeper.accounts.permissions import get_object_for
from panelkeeper.meetings.models import Action, Decision, MissedMeetings, Paper
from panelkeeper.organisations.models import Organisation

# The path from a meeting's business to its organisation, for get_object_for's ``via``.
THROUGH_MEETING = "meeting__group__organisation"


def _from_meeting[M: Model](organisation: Organisation, queryset: QuerySet[M], pk: int) -> M:
    """The record ``pk`` of ``queryset`` from one of ``organisation``'s meetings, or 404."""
    return get_object_for(
        organisation, queryset.select_related(THROUGH_MEETING), via=THROUGH_MEETING, pk=pk
    )


def decision_in(organisation: Organisation, *, pk: int) -> Decision:
    """A decision taken at a meeting, with the agenda item and work it belongs to."""
    return _from_meeting(organisation, Decision.objects.select_related("item__work"), pk)


def action_in(organisation: Organisation, *, pk: int) -> Action:
    """An action agreed at a meeting."""
    return _from_meeting(organisation, Action.objects.all(), pk)


def paper_in(organisation: Organisation, *, pk: int) -> Paper:
    """A paper still attached to its meeting (a removed one is a 404)."""
    return _from_meeting(organisation, Paper.objects.current(), pk)


def missed_in(organisation: Organisation, *, pk: int) -> MissedMeetings:
    """The decision ``pk`` on a member of ``organisation`` who missed meetings, or 404."""
    queryset = MissedMeetings.objects.select_related("member", "group__organisation")
    return get_object_for(organisation, queryset, via="group__organisation", pk=pk)
