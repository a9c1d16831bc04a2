"""Request and response bodies of the breach-cases API (see :mod:`.officer`)."""

import datetime as dt
from typing import Literal

from ninja import Schema

from panelkeeper.lib.api import PageOut


class CaseRowOut(Schema):
    id: int
    reference: str
    member: str
    kind: str
    state: str
    level: str
    began_on: dt.date
    next_due: dt.date | None
    overdue: bool
    working_days_left: int | None


class CasePageOut(PageOut):
    as_of: dt.date
    projection: bool = False
    """``as_of`` is after today: overdue and what is left are counted as they will be
    then if nothing more is recorded."""
    cases: list[CaseRowOut]


class DeadlineOut(Schema):
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
    status: str
    working_days_left: int | None
    late: bool = False
    working_days: bool = False
    days_left: int | None = None


class EventOut(Schema):
    kind: str
    effective: dt.date
    recorded_on: dt.date
    late: bool
    step: str = ""
    level: str = ""
    outcome: str = ""
    reason: str = ""
    channel: str = ""
    to: str = ""
    until: dt.date | None = None
    accepted: bool | None = None
    result: str = ""
    given_by: list[str] = []
    """An informal step: who gave it (BR-3)."""


class NextStepOut(Schema):
    kind: str
    options: list[str]
    by: list[str]


class OutcomeOut(Schema):
    key: str
    label: str
    effect: str
    on: dt.date | None = None
    offered: bool = True
    reason: str | None = None


class NoticeOut(Schema):
    """Written notice of the decision (BR-11): sent on ``sent_on`` by ``channel``, counted
    as received on ``received_on`` (Interpretation 2); the appeal window runs from then."""

    sent_on: dt.date
    channel: str
    received_on: dt.date


class AppealOut(Schema):
    to: str | None
    notice_received: dt.date | None = None
    """The day written notice counts as received, from which the window runs; null until
    notice is sent."""
    window_closes: dt.date | None
    window_open: bool
    lodged: dt.date | None
    late: bool
    late_accepted: bool | None
    decided: dt.date | None
    result: str | None


class SeatOut(Schema):
    """A current seat on the investigating group (released seats are not listed)."""

    id: int
    role_key: str
    role: str
    name: str
    impartial: bool
    seated_on: dt.date


class PersonOut(Schema):
    """Someone involved in the case and still on it (people taken off are not listed)."""

    id: int
    role: str
    name: str


class FileEntryOut(Schema):
    """Something on the member's file, as the case page lists it (BR-3, BR-9)."""

    case: str
    key: str
    label: str
    effect: str
    start: dt.date
    on_file_until: dt.date | None
    """The last day it applies (inclusive), as the page and the letter say "until";
    ``None`` while it has no end. It is off the file from the day after."""
    ended_by: str | None
    in_force: bool


class CaseOut(Schema):
    """A case on ``as_of``. ``reporter`` is shown only to those allowed to know it.

    ``projection`` is true when ``as_of`` is after today: the deadlines, the appeal window
    and the file are what they will be on that day if nothing more is recorded."""

    id: int
    reference: str
    as_of: dt.date
    projection: bool = False
    kind: str
    member: str
    state: str | None
    level: str | None
    level_reason: str | None
    escalated_by: str | None
    description: str | None
    setting: str | None
    clauses: list[str]
    raised_by: str | None
    reporter: str | None
    routed_to: str
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
    member_id: int
    description: str
    setting: str
    clauses: list[str] = []
    raised_by: str
    effective: dt.date | None = None
    reporter_name: str = ""
    reporter_consents_to_identity: bool = False
    reporter_contact: str = ""
    """Where a reporter known by name only agreed to be written to (BR-11)."""
    reporter_agreed_to_letters: bool = False
    anonymous: bool = False


class StepIn(Schema):
    """The fields a step takes (see each step in the docs); unused ones are ignored."""

    effective: dt.date | None = None
    step: str | None = None
    level: str | None = None
    confidentiality: bool = False
    outcome: str | None = None
    reason: str = ""
    until: dt.date | None = None
    sent_on: dt.date | None = None
    to: str = ""
    channel: str | None = None
    received_on: dt.date | None = None
    accepted: bool | None = None
    result: str | None = None
    role: str | None = None
    role_key: str | None = None
    member_id: int | None = None
    user_id: int | None = None
    name: str = ""
    contact: str = ""
    agreed_to_letters: bool = False
    impartial: bool = False
    given_by_user_ids: list[int] = []
    """Informal step: the members of staff who gave it (BR-3)."""
    given_by_member_ids: list[int] = []
    """Informal step: the members of the group who gave it, such as the Chair (BR-3)."""


class PartyContactIn(Schema):
    """Where a person known by name only agreed to be written to (BR-11)."""

    contact: str = ""
    agreed_to_letters: bool = False


class ReasonIn(Schema):
    """Why a seat is released, or someone is taken off the case; ``effective`` defaults
    to today."""

    reason: str = ""
    effective: dt.date | None = None


class PartyOut(Schema):
    id: int
    role: str
    name: str
    contact: str
    agreed_to_letters: bool


class AppealDecisionIn(Schema):
    result: str
    reason: str
    outcome: str | None = None
    effective: dt.date | None = None


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


class GuestOut(Schema):
    id: int
    name: str
    email: str
    part: Literal["seat", "appeal_officer"]
    role_key: str
    role_title: str
    impartial: bool
    state: Literal["waiting", "expired", "withdrawn", "on_case", "taken_off"]
    invited_at: dt.datetime
    expires_at: dt.datetime
    sent: int
    accepted_at: dt.datetime | None
    withdrawn_at: dt.datetime | None
    removed_on: dt.date | None
