"""Saving the meetings app's records together with their audit entries.

No meetings record keeps its organisation itself except a calendar feed: a meeting and
a missed-meetings decision reach it through their group, everything done at a meeting
through the meeting. :func:`organisation_of` follows that path once, so the domain
functions name only what they did and to which fields, and an entry is always filed
under the organisation its record belongs to. Call these inside the domain function's
transaction, like :func:`panelkeeper.audit.log.record`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record, save_recorded
from panelkeeper.meetings.models import (
    Action,
    AgendaItem,
    AskedToLeave,
    Attendance,
    CalendarFeed,
    Decision,
    Meeting,
    MissedMeetings,
    Paper,
    VoteCast,
)

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation

type Recorded = (
    Meeting
    | Paper
    | AgendaItem
    | Attendance
    | Decision
    | VoteCast
    | Action
    | AskedToLeave
    | MissedMeetings
    | CalendarFeed
)
"""The meetings app's records whose changes are audited."""


def organisation_of(obj: Recorded) -> Organisation:
    """The organisation ``obj`` belongs to, through its meeting or group when it has no
    organisation of its own."""
    if isinstance(obj, CalendarFeed):
        return obj.organisation
    if isinstance(obj, Meeting | MissedMeetings):
        return obj.group.organisation
    if isinstance(obj, VoteCast):
        return obj.decision.meeting.group.organisation
    return obj.meeting.group.organisation


def log(*, obj: Recorded, action: str, fields: Sequence[str], actor: User | None) -> None:
    """Record that ``actor`` did ``action`` to ``obj`` (already saved), touching ``fields``."""
    record(actor=actor, organisation=organisation_of(obj), action=action, obj=obj, fields=fields)


def save_logged(*, obj: Recorded, fields: Sequence[str], action: str, actor: User | None) -> None:
    """Save ``fields`` of ``obj`` and record ``action`` by ``actor`` touching the same list."""
    save_recorded(
        obj=obj, fields=fields, action=action, actor=actor, organisation=organisation_of(obj)
    )


def create_logged[M: Recorded](
    model: type[M], *, action: str, actor: User | None, logged: dict[str, Any], **unlogged: Any
) -> M:
    """A new ``model`` row from ``logged`` and ``unlogged`` values, and the entry saying
    ``actor`` did ``action`` touching the fields of ``logged``: what was chosen, not when
    or by whom the row was made (nor a secret's hash). Saved together in one transaction
    or not at all."""
    with transaction.atomic():
        made = model(**logged, **unlogged)
        made.save(force_insert=True)
        log(obj=made, action=action, fields=list(logged), actor=actor)
    return made


def record_at_meeting[M: Decision | Action | AskedToLeave](
    model: type[M], *, meeting: Meeting, action: str, actor: User, **chosen: Any
) -> M:
    """A new ``model`` row recorded at ``meeting`` now by ``actor``, from what was
    ``chosen``; its entry names the meeting and each of those fields."""
    return create_logged(
        model,
        action=action,
        actor=actor,
        logged={"meeting": meeting, **chosen},
        recorded_at=timezone.now(),
        recorded_by=actor,
    )
