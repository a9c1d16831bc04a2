"""The one way a step is written to a case (STYLE 7).

:func:`take_step` asks the procedure whether the step is allowed on the day it is
recorded, writes the append-only event, rewrites the case row's copy (state, level,
next due date), applies the step's effects to the member's status history and writes
the audit entry, all in one transaction. Each public ``<verb>_<noun>`` function in
:mod:`panelkeeper.cases.services` is a thin, typed front to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields as dataclass_fields
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.cases.effects import apply_effects
from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.cases.procedure import CaseRefused, check_step
from panelkeeper.rules.breaches import CaseView, Event, EventKind

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


def today_or(today: dt.date | None) -> dt.date:
    """Today in the site's time zone, unless a test or a caller pins it (STYLE 5)."""
    return today if today is not None else timezone.localdate()


def dates(effective: dt.date | None, today: dt.date | None) -> tuple[dt.date, dt.date]:
    """(effective, today): an action takes effect today unless told otherwise, never later."""
    day = today_or(today)
    when = effective if effective is not None else day
    if when > day:
        raise CaseRefused(
            "effective dates",
            f"The date it took effect must be today or in the past, not {when:%-d %B %Y}.",
            field="effective",
        )
    return when, day


def copy_view(case: Case, view: CaseView) -> list[str]:
    """Rewrite the case row's copy of what events change; returns the fields written."""
    case.state = view.state.value if view.state is not None else case.state
    case.level = view.level or ""
    case.next_due = view.next_due
    return ["state", "level", "next_due"]


def take_step(
    case: Case,
    kind: EventKind,
    *,
    effective: dt.date | None,
    actor: User | None,
    today: dt.date | None,
    to: str = "",
    extra: tuple[str, ...] = (),
    **values: Any,
) -> tuple[Case, CaseEvent, CaseView]:
    """Check and write one step; raise :class:`CaseRefused` (naming the rule) if not allowed.

    ``values`` are fields of the procedure's :class:`Event` (step, level, outcome, …);
    ``extra`` names further case fields the caller changed and wants saved with it.
    """
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
        row = CaseEvent.objects.create(
            case=locked,
            kind=kind.value,
            effective=when,
            recorded_on=day,
            recorded_at=timezone.now(),
            recorded_by=actor,
            to=to,
            **{
                name: ("" if value is None and name not in ("until", "accepted") else value)
                for name, value in values.items()
            },
        )
        changed = copy_view(locked, view)
        locked.save(update_fields=[*changed, *extra])
        apply_effects(locked, proposed, view, actor=actor)
        record(
            actor=actor,
            organisation=locked.organisation,
            action=f"case.{kind.value}",
            obj=row,
            fields=["kind", "effective", *sorted(values), *(["to"] if to else [])],
        )
    return locked, row, view


def reason_given(reason: str, *, rule: str, message: str) -> str:
    """The reason given, trimmed; refused under ``rule`` (at ``reason``) when empty."""
    reason = reason.strip()
    if not reason:
        raise CaseRefused(rule, message, field="reason")
    return reason[:2000]
