"""Request and response bodies of the breach-cases API (see :mod:`.officer`)."""

import datetime as dt
from typing import Literal

from ninja import Schema

from panelkeeper.cases.models import CaseState, PartyRole, RaisedBy, Setting
from panelkeeper.lib.api import Out, PageOut, in_vocabulary
from panelkeeper.rules.ladder.case import CaseKind
from panelkeeper.rules.ladder.case_model import AppealResult, DeadlineStatus, EventKind
from panelkeeper.rules.ladder.model import Channel, Effect


class CaseRowOut(Out):
    id: int
    reference: str
    member: str
    kind: CaseKind
    state: CaseState
    level: str = in_vocabulary("levels", "The level found so far, or empty.")
    began_on: dt.date
    next_due: dt.date | None
    overdue: bool
    working_days_left: int | None


class MyCasePageOut(PageOut):
    cases: list[CaseRowOut]


class CasePageOut(PageOut):
    as_of: dt.date
    projection: bool = False
    """``as_of`` is after today: overdue and what is left are counted as they will be
    then if nothing more is recorded."""
    cases: list[CaseRowOut]


class DeadlineOut(Out):
    """A deadline of the case, as the case page's "Due dates" show it.

    ``status`` is ``met``, ``due`` or ``overdue``; a deadline met after its due date is
    ``met`` with ``late`` true, which the page tags "Late".

    What is left is counted as the deadline is (Interpretation 1): ``working_days_left``
    for a deadline in working days, ``days_left`` (calendar days) for one in days, weeks
    or months; the other is null, and both are null once the deadline is met. Before
    ``days_left``, calendar-day deadlines also gave ``working_days_left``; read
    ``working_days`` to know which one to expect.
    """

    key: str
    label: str
    rules: list[str]
    start: dt.date
    due: dt.date
    target: bool
    met_on: dt.date | None
    status: DeadlineStatus
    working_days_left: int | None
    late: bool = False
    working_days: bool = False
    days_left: int | None = None


class EventOut(Out):
    """Something that happened: ``recorded_late`` when it was recorded after the day it
    took effect (not to be confused with an appeal lodged ``out_of_time``)."""

    kind: EventKind
    effective: dt.date
    recorded_on: dt.date
    recorded_late: bool
    step: str = in_vocabulary("informal_steps", "An informal step's key, or empty.", default="")
    level: str = in_vocabulary("levels", "The level found, or empty.", default="")
    outcome: str = in_vocabulary("outcomes", "The outcome's key, or empty.", default="")
    reason: str = ""
    channel: Channel | Literal[""] = ""
    to: str = ""
    until: dt.date | None = None
    accepted: bool | None = None
    result: AppealResult | Literal[""] = ""
    given_by: list[str] = []
    """An informal step: who gave it (BR-3)."""


class NextStepOut(Out):
    """A step the code allows next: the operation that takes it (``operation_id`` in the
    OpenAPI, and the ``path`` to post its body to), the choices it takes (informal steps,
    levels or outcomes) and the roles that take it."""

    operation_id: str
    path: str
    title: str
    options: list[str]
    by: list[str]


class OutcomeOut(Out):
    key: str
    label: str
    effect: Effect
    on: dt.date | None = None
    offered: bool = True
    reason: str | None = None


class NoticeOut(Out):
    """Written notice of the decision (BR-11): sent on ``sent_on`` by ``channel``, counted
    as received on ``received_on`` (Interpretation 2); the appeal window runs from then."""

    sent_on: dt.date
    channel: Channel
    received_on: dt.date


class AppealOut(Out):
    to: str | None
    notice_received: dt.date | None = None
    """The day written notice counts as received, from which the window runs; null until
    notice is sent."""
    window_closes: dt.date | None
    window_open: bool
    lodged: dt.date | None
    out_of_time: bool
    """Lodged after the window closed; ``late_accepted`` says whether it is heard."""
    late_accepted: bool | None
    decided: dt.date | None
    result: AppealResult | None


class SeatOut(Out):
    """A current seat on the investigating group (released seats are not listed)."""

    id: int
    role_key: str = in_vocabulary("seats", "The seat's role.")
    role: str
    name: str
    impartial: bool
    seated_on: dt.date


class PersonOut(Out):
    """Someone involved in the case and still on it (people taken off are not listed)."""

    id: int
    role: PartyRole
    name: str


class FileEntryOut(Out):
    """Something on the member's file, as the case page lists it (BR-3, BR-9)."""

    case: str
    key: str
    label: str
    effect: Effect
    start: dt.date
    on_file_until: dt.date | None
    """The last day it applies (inclusive), as the page and the letter say "until";
    ``None`` while it has no end. It is off the file from the day after."""
    ended_by: str | None
    in_force: bool


class CaseOut(Out):
    """A case on ``as_of``. ``reporter`` is shown only to those allowed to know it.

    ``projection`` is true when ``as_of`` is after today: the deadlines, the appeal window
    and the file are what they will be on that day if nothing more is recorded."""

    id: int
    reference: str
    as_of: dt.date
    projection: bool = False
    kind: CaseKind
    member: str
    state: CaseState | None
    level: str | None = in_vocabulary("levels", "The level found, if any.")
    level_reason: str | None
    escalated_by: str | None
    description: str | None
    setting: Setting | None
    clauses: list[str]
    raised_by: RaisedBy | None
    reporter: str | None
    routed_to: str
    complaints_route: str | None = None
    """Where the code says the member may complain at any stage, if it says."""
    chair_stand_in: str | None = None
    """Who acts in the Chair's place, when the Chair is the member the case is about."""
    conflict_work_item_id: int | None = None
    """The registers' work item for declaring conflicts on this case."""
    deadlines: list[DeadlineOut]
    next_steps: list[NextStepOut]
    outcomes_on_offer: list[OutcomeOut]
    outcome: OutcomeOut | None
    notice: NoticeOut | None = None
    appeal: AppealOut | None
    must_be_told: list[str]
    seats: list[SeatOut] = []
    """The investigating group as it stands; empty for the member the case is about."""
    people: list[PersonOut] = []
    """Witnesses and others involved; for officers and auditors only."""
    events: list[EventOut]
    file: list[FileEntryOut] = []
    """The member's file as it stood on ``as_of``; empty for the member the case is about."""


class RaiseIn(Schema):
    """A breach raised (BR-0, BR-1): ``clauses`` as the rulebook shows them
    (``nexus.3.5.d``) or by their rule ids (``BR-2``)."""

    member_id: int
    description: str
    setting: Setting
    clauses: list[str] = in_vocabulary("clauses", "Clause ids of the code.", default=[])
    raised_by: RaisedBy
    effective: dt.date | None = None
    reporter_name: str = ""
    reporter_consents_to_identity: bool = False
    reporter_contact: str = ""
    """Where a reporter known by name only agreed to be written to (BR-11)."""
    reporter_agreed_to_letters: bool = False
    anonymous: bool = False


class PartyContactIn(Schema):
    """Where a person known by name only agreed to be written to (BR-11)."""

    contact: str = ""
    agreed_to_letters: bool = False


class ReasonIn(Schema):
    """Why a seat is released, or someone is taken off the case; ``effective`` defaults
    to today."""

    reason: str = ""
    effective: dt.date | None = None


class PartyOut(Out):
    id: int
    role: PartyRole
    name: str
    contact: str
    agreed_to_letters: bool


class OwnAppealIn(Schema):
    """The member's appeal in their own words (BR-12)."""

    grounds: str


class GuestIn(Schema):
    """Invite someone from outside the team to one part of the case: ``part`` is
    ``seat:<role key>`` for a staff seat on the group, or ``appeal_officer``."""

    email: str
    name: str
    part: str
    impartial: bool = False


class GuestOut(Out):
    id: int
    name: str
    email: str
    part: Literal["seat", "appeal_officer"]
    role_key: str = in_vocabulary(
        "seats", "The seat's role, for a seat; empty for an appeal officer."
    )
    role_title: str
    impartial: bool
    state: Literal["waiting", "expired", "withdrawn", "on_case", "taken_off"]
    invited_at: dt.datetime
    expires_at: dt.datetime
    sent: int
    accepted_at: dt.datetime | None
    withdrawn_at: dt.datetime | None
    removed_on: dt.date | None


class GuestPageOut(PageOut):
    guests: list[GuestOut]


class TermOut(Out):
    """One value a body field may take: ``key`` to send, ``label`` as the pages show it."""

    key: str
    label: str


class RoleTermOut(TermOut):
    """A role of the code: ``staff`` for a staff title (held by named people), or one
    that comes from the members (chair, vice chair, the group's members)."""

    staff: bool


class OutcomeTermOut(TermOut):
    """An outcome, with the levels the code names it for and what it does."""

    levels: list[str]
    effect: Effect


class VocabularyOut(Out):
    """The values of the organisation's code, each list named as the body fields that
    take them say (``x-vocabulary`` in the OpenAPI)."""

    version: str
    roles: list[RoleTermOut]
    seats: list[TermOut]
    """The ``role_key`` values a seat on the investigating group may take."""
    chair_stand_in: str | None
    """The role that acts in the Chair's place when the Chair is the member a case is
    about (its seat is then taken by that role), if the code names one."""
    levels: list[TermOut]
    outcomes: list[OutcomeTermOut]
    informal_steps: list[TermOut]
    clauses: list[TermOut]
    """What a breach may cite: documents, their clauses, and the standards of conduct by
    the ids the rulebook shows."""
    settings: list[TermOut]
    raised_by: list[TermOut]
    """Who the code lets raise a breach."""
