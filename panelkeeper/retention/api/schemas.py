"""Bodies of the retention operations."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema
from pydantic import JsonValue

from panelkeeper.lib.api import Out, PageOut, PageQuery, in_vocabulary
from panelkeeper.retention.forms import HoldState
from panelkeeper.retention.kinds import CASE_OUTCOME, KINDS


def _kind_keys(schema: dict[str, JsonValue]) -> None:
    """The kinds of record the schedule keeps, fixed in the code: an enum in the OpenAPI.
    Read when the document is made, after every app has registered its kinds."""
    keys: list[JsonValue] = [kind.key for kind in KINDS]
    schema["enum"] = [*keys, CASE_OUTCOME.key]


class RetentionPeriodOut(Out):
    kind: str = Field(
        description="The kind of record's key, as the schedule lists it.",
        json_schema_extra=_kind_keys,
    )
    outcome: str | None = in_vocabulary(
        "outcomes", "For closed cases kept by outcome: the outcome's key in the code in force."
    )
    label: str
    counted_from: str
    what_happens: str
    months: int
    default_months: int
    due_now: int
    next_due_on: dt.date | None


class PeriodIn(Schema):
    months: int


class DueOut(Out):
    kind: str = Field(json_schema_extra=_kind_keys)
    outcome: str | None = in_vocabulary(
        "outcomes", "For closed cases kept by outcome: the outcome's key; otherwise null."
    )
    label: str
    counted_from: dt.date
    due_on: dt.date
    why: str


class HoldOut(Out):
    id: int
    record: str
    member_id: int | None
    case_id: int | None
    concern_id: int | None
    reason: str
    placed_on: dt.date
    placed_by: str
    lifted_on: dt.date | None
    lifted_by: str | None
    lifted_reason: str


class DueQuery(PageQuery):
    kind: str | None = Field(
        None,
        description="Only this kind of record (its key, as the schedule lists it).",
        json_schema_extra=_kind_keys,
    )


class DuePageOut(PageOut):
    due: list[DueOut]


class HoldQuery(PageQuery):
    state: HoldState | None = None
    """``in_force`` or ``lifted``; both when left out."""


class HoldPageOut(PageOut):
    holds: list[HoldOut]


class HoldReasonIn(Schema):
    reason: str
