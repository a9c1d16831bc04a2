"""Request and response bodies of the meetings API."""

import datetime as dt
from typing import ClassVar, Literal

from ninja import Schema
from pydantic import Field

from panelkeeper.lib.api import FormFields, Out, PageOut, PageQuery, fields_of
from panelkeeper.meetings import forms as f
from panelkeeper.meetings.listing import ActionState, Shown, When
from panelkeeper.meetings.models.business import DecisionMethod
from panelkeeper.meetings.models.meetings import (
    AgendaKind,
    ChairBasis,
    MeetingStatus,
    MissedMeetingsStatus,
)
from panelkeeper.rules.attendance import Outcome, Presence, Standing, Vote


class MeetingIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.ScheduleForm)
    date: dt.date
    starts_at: dt.time
    ends_at: dt.time | None = None
    place: str = ""
    online_link: str = ""
    held: bool = False
    chair_basis: ChairBasis = ChairBasis.STANDING
    chair_member_id: int | None = None


class MeetingOut(Out):
    id: int
    group_id: int
    date: dt.date
    starts_at: dt.time
    ends_at: dt.time | None
    place: str
    online_link: str
    status: MeetingStatus
    cancelled_reason: str
    chair_id: int | None
    chair_basis: ChairBasis


class RescheduleIn(Schema):
    """The new date, times and place; a field left out keeps its value, and an
    ``ends_at`` of null clears the end time."""

    form_fields: ClassVar[FormFields] = fields_of(f.TimeAndPlaceForm)

    date: dt.date | None = None
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None
    place: str | None = None
    online_link: str | None = None


class ChairIn(Schema):
    """Who chairs (MTG-4): ``chair_basis`` and, for a rota or a stand-in, the member."""

    chair_basis: ChairBasis = ChairBasis.STANDING
    chair_member_id: int | None = None


class CancelIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.CancelForm)
    reason: str


class AttendanceIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.ApologiesForm)

    presence: Presence
    apologies_given_on: dt.date | None = None
    reason: str = ""
    arrives_at: dt.time | None = None


class AttendanceOut(Out):
    member_id: int
    presence: Presence
    apologies_given_on: dt.date | None
    reason: str
    arrives_at: dt.time | None
    late: bool


class ItemIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.ItemForm)
    title: str


class ItemOut(Out):
    id: int
    position: int
    kind: AgendaKind
    title: str
    work_id: int
    gift_id: int | None
    missed_meetings_id: int | None
    conflicted_member_ids: list[int] = []
    undecided_member_ids: list[int] = []


class VoteOut(Out):
    member_id: int
    vote: Vote


class DecisionIn(Schema):
    """A motion put to a held meeting; ``method`` (vote or consensus) defaults to the way
    the code in force decides, and another way is refused (MTG-3)."""

    form_fields: ClassVar[FormFields] = fields_of(f.DecisionForm)

    motion: str
    method: DecisionMethod | None = None
    item_id: int | None = None


class DecisionOut(Out):
    id: int
    item_id: int | None
    motion: str
    method: DecisionMethod
    outcome: Outcome | Literal[""]
    votes: list[VoteOut] = []


class VoteIn(Schema):
    member_id: int
    vote: Vote


class ActionIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.ActionForm)
    description: str
    due_on: dt.date
    owner_member_id: int | None = None
    owner_user_id: int | None = None


class ActionOut(Out):
    """An action; ``overdue`` is worked out from the day the answer is made."""

    id: int
    meeting_id: int
    description: str
    owner_member_id: int | None
    owner_user_id: int | None
    due_on: dt.date
    done_on: dt.date | None
    overdue: bool


class AskedToLeaveIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.AskedToLeaveForm)
    member_id: int
    what_happened: str


class AskedToLeaveOut(Out):
    id: int
    meeting_id: int
    member_id: int
    what_happened: str


class PaperOut(Out):
    id: int
    title: str


class MeetingDetailOut(MeetingOut):
    papers: list[PaperOut]
    agenda: list[ItemOut]
    attendance: list[AttendanceOut]
    decisions: list[DecisionOut]
    actions: list[ActionOut]
    asked_to_leave: list[AskedToLeaveOut]


class MissedMeetingsOut(Out):
    id: int
    member_id: int
    group_id: int
    status: MissedMeetingsStatus
    missed: int
    limit: int
    first_missed_on: dt.date
    last_missed_on: dt.date
    opened_on: dt.date
    reason: str
    decided_on: dt.date | None


class MissedDecisionIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.MissedDecisionForm)
    accept: bool
    reason: str
    decided_on: dt.date
    meeting_id: int | None = None


class SummaryOut(Out):
    expected: int
    attended: int
    apologies: int
    late_apologies: int
    absent: int
    not_recorded: int
    in_words: str


class MemberAttendanceOut(Out):
    member_id: int
    full_name: str
    summary: SummaryOut


class MeetingSeatOut(Out):
    """One meeting in the period: whether the member was expected (``standing``) and
    whether they came (``presence``, null while nothing is recorded)."""

    meeting_id: int
    date: dt.date
    standing: Standing
    presence: Presence | None
    late_apologies: bool


class PeriodQuery(Schema):
    """The days attendance is counted over; by default the twelve months up to today."""

    start: dt.date | None = None
    end: dt.date | None = None


class PeriodOut(Out):
    """The first and last days attendance was counted over."""

    start: dt.date
    end: dt.date


class PeriodPageQuery(PageQuery, PeriodQuery):
    """A page of an attendance report over a period."""


class MemberRecordOut(PeriodOut, PageOut):
    """A member's attendance over the period: the summary counts every meeting, ``seats``
    are the meetings of this page, oldest first."""

    member_id: int
    summary: SummaryOut
    seats: list[MeetingSeatOut]


class GroupAttendanceOut(PeriodOut, PageOut):
    """The group's attendance over the period: ``meetings`` and ``total`` count every
    member, ``members`` are the members of this page, by name."""

    meetings: int
    total: SummaryOut
    members: list[MemberAttendanceOut]


class FeedOut(Out):
    id: int
    url: str


class ApologiesIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.ApologiesForm)
    reason: str = ""
    arrives_at: dt.time | None = None


# -- pages of lists, and their filters (as the pages' filter forms take them) ----------


class MeetingsQuery(PageQuery):
    """A page of the meetings list, upcoming first then the most recent: of one group,
    only those upcoming or past, and from ``start`` to ``end`` (both included)."""

    group_id: int | None = None
    when: When | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class MeetingPageOut(PageOut):
    meetings: list[MeetingOut]


class ActionsQuery(PageQuery):
    """A page of the actions: still open (by due date) or done (the latest first)."""

    group_id: int | None = None
    state: ActionState = ActionState.OPEN


class ActionPageOut(PageOut):
    actions: list[ActionOut]


class MissedQuery(PageQuery):
    group_id: int | None = None
    status: MissedMeetingsStatus | None = None


class MissedPageOut(PageOut):
    decisions: list[MissedMeetingsOut]


class AttendanceQuery(PageQuery):
    """A page of the members expected at a meeting, by name: whose name contains
    ``name``; only those not yet recorded, or only those recorded."""

    name: str = Field("", max_length=100)
    shown: Shown | None = None


class ExpectedOut(Out):
    """A member expected at the meeting, and what is recorded for them (null if nothing)."""

    member_id: int
    full_name: str
    attendance: AttendanceOut | None


class MeetingAttendancePageOut(PageOut):
    """The meeting's counts over every member expected, and one page of those listed."""

    expected: int
    present: int
    apologies: int
    absent: int
    not_recorded: int
    members: list[ExpectedOut]


class RestIn(Schema):
    """Everyone expected and not yet recorded, as ``present`` or ``absent`` (without
    apologies); apologies are recorded one member at a time."""

    presence: Presence


class RestOut(Out):
    recorded: int
