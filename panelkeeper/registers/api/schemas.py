"""Request and response bodies of the registers API (see :mod:`.officer`)."""

import datetime as dt
from enum import StrEnum
from typing import ClassVar, Literal

from ninja import Schema
from pydantic import Field

from panelkeeper.lib.api import FormFields, Out, PageOut, PageQuery, fields_of
from panelkeeper.registers import forms as f
from panelkeeper.registers.list_forms import (
    GiftFilterForm,
    InterestFilterForm,
    InterestState,
    WorkFilterForm,
)
from panelkeeper.registers.models import (
    Decision,
    ExportKind,
    ExportState,
    GiftDirection,
    GiftOutcome,
    GiftStatus,
    GiverKind,
    Grounds,
    InterestKind,
    WorkKind,
)
from panelkeeper.registers.published import PublicGift, PublicInterest


class InterestOut(Out):
    id: int
    member_id: int
    member: str
    kind: InterestKind
    description: str
    starts_on: dt.date
    ends_on: dt.date | None
    declared_at: dt.datetime


class MyInterestIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.InterestForm)

    kind: InterestKind
    description: str
    starts_on: dt.date
    ends_on: dt.date | None = None


class InterestIn(MyInterestIn):
    member_id: int


class CloseInterestIn(Schema):
    ends_on: dt.date


class ReviewIn(Schema):
    """``nil``: a nil declaration (nothing to declare); otherwise the register is confirmed."""

    nil: bool = False


class ReviewOut(Out):
    member_id: int
    reviewed_on: dt.date
    nil: bool


class GiftOut(Out):
    id: int
    member_id: int
    member: str
    group_id: int
    direction: GiftDirection
    giver_kind: GiverKind
    giver_name: str
    description: str
    value: str
    under_threshold: bool
    """Worth no more than the code's threshold, so declaring it was the member's choice."""
    given_on: dt.date
    declared_on: dt.date
    reported_to_role: str
    reported_to_title: str
    status: GiftStatus
    """``waiting_for_meeting``, ``on_agenda`` (of the meeting on ``agenda_on``),
    ``waiting_for_decision`` or ``decided`` (discussed, with its outcome)."""
    agenda_on: dt.date | None
    decides: str
    outcome: GiftOutcome | Literal[""]
    outcome_note: str
    decided_on: dt.date | None
    decided_by: str | None


class GiftIn(Schema):
    """``value`` is an amount in pounds and pence, as a string ("12.50") or a number."""

    form_fields: ClassVar[FormFields] = fields_of(f.GiftForm)

    direction: GiftDirection = GiftDirection.RECEIVED
    giver_kind: GiverKind
    giver_name: str
    description: str
    value: str | float | int
    given_on: dt.date
    declared_on: dt.date | None = None
    """The day it was declared, if not today (a declaration made on paper first)."""
    reported_to_role: str | None = None


class OfficerGiftIn(GiftIn):
    member_id: int


class GiftDecisionIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.DecideGiftForm)

    outcome: GiftOutcome
    decided_on: dt.date
    note: str = ""


class WorkItemIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.WorkItemForm)

    kind: WorkKind
    title: str
    on: dt.date


class WorkItemOut(Out):
    id: int
    kind: WorkKind
    title: str
    on: dt.date


class ConflictDecisionIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.ReviseConflictDecisionForm)
    member_id: int
    decision: Decision
    grounds: Grounds = Grounds.INTEREST
    parts: str = ""
    reason: str = ""
    decided_by_role: str | None = None
    decided_on: dt.date
    told_role: str | None = None
    told_on: dt.date
    revision_reason: str = Field(
        "",
        description="Required when the member already has a decision on the work: the new "
        "decision then revises the latest one, from its own decided_on.",
    )


class ConflictDecisionOut(Out):
    id: int
    member_id: int
    decision: Decision
    grounds: Grounds
    parts: str
    reason: str
    decided_by_role: str
    decided_by_title: str
    decided_on: dt.date
    told_role: str
    told_title: str
    told_on: dt.date
    revises_id: int | None = None
    revision_reason: str = ""
    replaced_on: dt.date | None = Field(
        None, description="The date a revision took over from this decision, if one has."
    )


class ConflictDecisionRecordedOut(ConflictDecisionOut):
    """The decision just recorded, and the member's decisions on the work, latest first."""

    history: list[ConflictDecisionOut]


class CheckLineOut(Out):
    member_id: int
    member: str
    interests: list[InterestOut]
    decision: ConflictDecisionOut | None
    history: list[ConflictDecisionOut] = Field(
        default_factory=list, description="The member's decisions on the work, latest first."
    )


class ConflictsOut(Out):
    """Who is out of the work as known on ``on``: entirely, in part (with the parts), undecided."""

    on: dt.date
    entirely: list[int]
    in_part: dict[int, str]
    undecided: list[int]


class WorkItemDetailOut(WorkItemOut):
    check: list[CheckLineOut]
    conflicts: ConflictsOut


class RegisterSettingsIn(Schema):
    review_months: int
    published: bool


class RegisterSettingsOut(Out):
    """The settings as saved."""

    review_months: int
    published: bool


class MyRegisterOut(Out):
    member_id: int
    member: str
    last_reviewed: dt.date | None
    review_due: dt.date
    review_overdue: bool
    interests: list[InterestOut]
    gifts: list[GiftOut]


class PublicInterestPageOut(PageOut):
    """A page of the published register of interests: those current today."""

    organisation: str
    interests: list[PublicInterest]


class PublicGiftPageOut(PageOut):
    """A page of the published register of gifts and hospitality."""

    organisation: str
    gifts: list[PublicGift]


# -- the lists, a page at a time, and their files ----------------------------------


class InterestFilters(Schema):
    """``name``: part of the member's name; ``group``: the group's id; ``state``: current
    today or ended."""

    form_fields: ClassVar[FormFields] = fields_of(InterestFilterForm)

    name: str = ""
    group: int | None = None
    kind: InterestKind | None = None
    state: InterestState | None = None


class InterestQuery(PageQuery, InterestFilters):
    """A page of the register of interests, latest started first."""


class InterestPageOut(PageOut):
    interests: list[InterestOut]


class GiftFilters(Schema):
    """``name``: part of the member's name; ``given_from`` and ``given_to``: the first and
    last days it was given on (either may be left out)."""

    form_fields: ClassVar[FormFields] = fields_of(GiftFilterForm)

    name: str = ""
    status: GiftStatus | None = None
    given_from: dt.date | None = None
    given_to: dt.date | None = None


class GiftQuery(PageQuery, GiftFilters):
    """A page of the register of gifts and hospitality, latest given first."""


class GiftPageOut(PageOut):
    gifts: list[GiftOut]


class WorkFilters(Schema):
    """``title``: part of the title."""

    form_fields: ClassVar[FormFields] = fields_of(WorkFilterForm)

    title: str = ""
    kind: WorkKind | None = None


class WorkQuery(PageQuery, WorkFilters):
    """A page of the pieces of work, latest first."""


class WorkItemPageOut(PageOut):
    work_items: list[WorkItemOut]


class ReviewDueOut(Out):
    member_id: int
    member: str
    group: str
    last_reviewed: dt.date | None
    due: dt.date


class ReviewDuePageOut(PageOut):
    """Members whose declaration is due for review today, by name."""

    members: list[ReviewDueOut]


class ExportFormat(StrEnum):
    CSV = "csv"
    PDF = "pdf"


class InterestExportIn(InterestFilters):
    """A file of the register of interests as these filters narrow it."""

    format: ExportFormat


class GiftExportIn(GiftFilters):
    """A file of the register of gifts and hospitality as these filters narrow it."""

    format: ExportFormat


class ExportOut(Out):
    """A file being prepared (``preparing``), ready to download from ``file``, or
    ``failed``; it is removed after ``expires_on``."""

    id: int
    kind: ExportKind
    state: ExportState
    rows: int | None
    requested_at: dt.datetime
    ready_at: dt.datetime | None
    expires_on: dt.date
    file: str | None
