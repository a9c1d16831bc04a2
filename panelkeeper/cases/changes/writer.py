"""The one way an event is written to a case (STYLE 7).

:func:`write_step` asks the procedure whether a step is allowed on the day it is recorded;
:func:`write_opening` does the same for the event that opens a new case. Both then write
the append-only event, rewrite the case row's copy (state, level, next due date), apply the
event's effects to the member's status history and write the audit entry, in one
transaction, through :func:`_write_event`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.cases.effects import apply_effects
from panelkeeper.cases.models import (
    NEXT_DEADLINE_FIELDS,
    Case,
    CaseEvent,
    CaseEventText,
    copy_next_deadline,
)
from panelkeeper.cases.procedure import check_step
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.rules.ladder.case import CaseView, Event, EventKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

_EVENT_FIELDS = {f.name for f in dataclass_fields(Event)} - {
    "kind",
    "effective",
    "recorded",
    "raised_by",
    "anonymous",
    "subject_is_chair",
}
# The event row stores "" for an absent text; these two keep None, which means "not said".
_NULLABLE = ("until", "accepted")


def today_or(today: dt.date | None) -> dt.date:
    """Today in the site's time zone, unless a test or a caller pins it (STYLE 5)."""
    return today if today is not None else timezone.localdate()


def dates(effective: dt.date | None, today: dt.date | None) -> tuple[dt.date, dt.date]:
    """(effective, today): an action takes effect today unless told otherwise, never later."""
    day = today_or(today)
    when = effective if effective is not None else day
    what = "The date it took effect"
    refuse_future(when, day, what=what, field="effective", name_it=True, rule="effective dates")
    return when, day


def reason_given(reason: str, *, rule: str, message: str) -> str:
    """The reason given, trimmed; refused under ``rule`` (at ``reason``) when empty."""
    return entered(reason, field="reason", missing=message, rule=rule)[:2000]


def _copy_view(case: Case, view: CaseView) -> list[str]:
    """Rewrite the case row's copy of what events change; returns the fields written."""
    case.state = view.state.value if view.state is not None else case.state
    case.level = view.level or ""
    copy_next_deadline(case, view)
    return ["state", "level", *NEXT_DEADLINE_FIELDS]


def _logged(values: Mapping[str, object], row: CaseEvent) -> list[str]:
    """The event's fields for its audit entry: its words are named as its ``text``."""
    named = sorted(name for name in values if name != "reason")
    return ["kind", "effective", *named, *(["text"] if row.text_id is not None else [])]


def _write_event(
    case: Case,
    event: Event,
    view: CaseView,
    *,
    recorded: dt.date,
    actor: User | None,
    values: Mapping[str, object],
    to: str = "",
    extra: tuple[str, ...] = (),
) -> CaseEvent:
    """Save ``event`` (with ``values``, fields of the procedure's event) as checked into
    ``view``; the caller holds the transaction and has checked the event. Its words (the
    reason, whom a notice went to) go in its text row, written first so the event names it."""
    stored = {
        name: ("" if value is None and name not in _NULLABLE else value)
        for name, value in values.items()
    }
    reason = str(stored.pop("reason", ""))
    text = CaseEventText.objects.create(reason=reason, to=to) if reason or to else None
    row = CaseEvent.objects.create(
        case=case,
        kind=event.kind.value,
        effective=event.effective,
        recorded_on=recorded,
        recorded_at=timezone.now(),
        recorded_by=actor,
        text=text,
        **stored,
    )
    case.save(update_fields=[*_copy_view(case, view), *extra])
    apply_effects(case, event, view, actor=actor)
    return row


def write_step(
    case: Case,
    kind: EventKind,
    *,
    effective: dt.date | None,
    actor: User | None,
    today: dt.date | None,
    to: str = "",
    extra: tuple[str, ...] = (),
    values: Mapping[str, Any] | None = None,
    guard: Callable[[Case, dt.date], Refused | None] | None = None,
) -> CaseEvent:
    """Check and write one step; raise :class:`Refused` (naming the rule) if not allowed.

    ``values`` are fields of the procedure's :class:`Event` (step, level, outcome, …);
    ``extra`` names further case fields the caller changed and wants saved with it.
    ``guard``, asked with the locked case and the step's date once the procedure allows
    the step, returns a refusal of what only the database knows (who is seated, who
    holds a role), or None.
    """
    values = dict(values or {})
    unknown = set(values) - _EVENT_FIELDS
    if unknown:
        raise TypeError(f"Unknown event fields: {', '.join(sorted(unknown))}")
    when, day = dates(effective, today)
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update()
            .select_related("policy_version", "member", "organisation")
            .get(pk=case.pk)
        )
        for name in extra:
            setattr(locked, name, getattr(case, name))
        proposed = Event(kind=kind, effective=when, recorded=day, **values)
        view = check_step(locked, proposed, today=day)
        refused = guard(locked, when) if guard is not None else None
        if refused is not None:
            raise refused
        row = _write_event(
            locked, proposed, view, recorded=day, actor=actor, values=values, to=to, extra=extra
        )
        record(
            actor=actor,
            organisation=locked.organisation,
            action=f"case.{kind.value}",
            obj=row,
            fields=_logged(values, row),
        )
    return row


def write_opening(
    draft: Case,
    opening: Event,
    view: CaseView,
    *,
    today: dt.date,
    actor: User | None,
    fields: list[str],
) -> tuple[Case, CaseEvent]:
    """Save a new case and the event that opens it, as the procedure checked them into
    ``view``; ``fields`` are the case's fields the caller set, for the audit entry."""
    with transaction.atomic():
        draft.save(force_insert=True)
        row = _write_event(
            draft,
            opening,
            view,
            recorded=today,
            actor=actor,
            values={"level": opening.level, "reason": opening.reason},
        )
        record(
            actor=actor,
            organisation=draft.organisation,
            action=f"case.{opening.kind.value}",
            obj=draft,
            fields=["member", "kind", "began_on", *sorted(fields)],
        )
    return draft, row
