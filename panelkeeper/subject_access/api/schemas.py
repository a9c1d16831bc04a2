"""Request and response bodies of the subject access API (see :mod:`.officer`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from ninja import Schema

from panelkeeper.lib.api import FormFields, Out, PageOut, fields_of
from panelkeeper.subject_access.forms import ErasePersonForm
from panelkeeper.subject_access.models import PauseReason, ReaderRole, RecordKind, Requester


class RequestIn(Schema):
    """A request as received: ``member_id`` when a member asked, else ``name``."""

    requester: Requester
    received_on: dt.date
    member_id: int | None = None
    name: str = ""
    contact: str = ""
    details: str = ""


class PauseIn(Schema):
    reason: PauseReason
    paused_on: dt.date
    note: str = ""


class ResumeIn(Schema):
    resumed_on: dt.date


class ExtendIn(Schema):
    """The extension in all (1 or 2 months), with the reason."""

    months: Literal[1, 2]
    reason: str


class ReleaseIn(Schema):
    """``reviewed``: the officer has read the whole pack."""

    reviewed: bool
    released_on: dt.date


class PauseOut(Out):
    reason: PauseReason
    note: str
    paused_on: dt.date
    resumed_on: dt.date | None


class RequestOut(Out):
    """A request and its clock today: ``due`` moves on a day for each day paused."""

    id: int
    reference: str
    requester: Requester
    member_id: int | None
    person: str
    received_on: dt.date
    details: str
    extension_months: int
    extension_reason: str
    pauses: list[PauseOut]
    due: dt.date
    paused_since: dt.date | None
    overdue: bool
    answered: bool
    pack_built: bool


class RequestPageOut(PageOut):
    requests: list[RequestOut]


class MyRequestIn(Schema):
    details: str


class PackOut(Out):
    """The pack: ``content`` holds its sections, each a title and entries of a heading,
    facts (label and value) and text."""

    request_id: int
    built_at: dt.datetime
    released_on: dt.date | None
    content: dict[str, Any]


class ReadingOut(Out):
    viewed_at: dt.datetime
    reader_id: int
    reader: str
    role: ReaderRole
    kind: RecordKind
    record_id: int
    member_id: int | None


class ReadingPageOut(PageOut):
    readings: list[ReadingOut]


class LeadIn(Schema):
    user_id: int


class LeadOut(Out):
    user_id: int
    name: str
    chosen_on: dt.date


class KindOut(Out):
    title: str
    what: str
    why: str
    who_sees: str


class KeptOut(Out):
    what: str
    how_long: str
    after: str


class PrivacyNoticeOut(Out):
    organisation: str
    data_protection_lead: str
    extension_months: int
    kinds: list[KindOut]
    kept: list[KeptOut]


class ErasePersonIn(Schema):
    """A person who is not a member, by ``name`` and, optionally, ``contact`` details;
    ``confirm`` says they asked for erasure, which cannot be undone."""

    form_fields: ClassVar[FormFields] = fields_of(ErasePersonForm)
    name: str
    contact: str = ""
    confirm: bool


class ErasedOut(Out):
    """How many records no longer name the person."""

    records: int
