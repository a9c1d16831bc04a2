"""Request and response bodies of the letters API."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from ninja import Schema

from panelkeeper.letters import forms as f
from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Channel, Recipient
from panelkeeper.lib.api import FormFields, Out, PageOut, fields_of


class DispatchOut(Out):
    recipient: Recipient
    channel: Channel
    to_name: str
    sent_on: dt.date
    sent_at: dt.datetime


class LetterOut(Out):
    id: int
    reference: str
    kind: LetterKind
    subject: str
    member_id: int
    case_id: int | None
    channel: Channel
    issued_on: dt.date
    large_print: bool
    tagged: bool
    sha256: str
    corrects_id: int | None
    addressed_to: str
    """``member``, or ``reporter`` / ``investigator`` for a letter telling others of one."""
    to_name: str
    tells_of_id: int | None
    dispatches: list[DispatchOut] = []
    counts_as_received: dt.date | None = None
    """For the written notice of a case's decision, the day the code counts it as received,
    from which the appeal window runs (BR-12, Interpretation 2); null for other letters."""


class MyLetterOut(Out):
    id: int
    subject: str
    kind: LetterKind
    issued_on: dt.date


class LetterPageOut(PageOut):
    letters: list[LetterOut]


class MyLetterPageOut(PageOut):
    letters: list[MyLetterOut]


class IssueIn(Schema):
    """``kind`` empty or null sends the outcome letter the case's outcome needs."""

    form_fields: ClassVar[FormFields] = fields_of(f.IssueForm)

    case_id: int
    kind: LetterKind | None = None
    reasons: str = ""
    actions: str = ""
    review_on: dt.date | None = None
    corrects_id: int | None = None
    by_hand: bool = False
    """True when an officer gives the letter to the member in person today."""


class PreviewOut(Out):
    """A letter as it would be sent today: nothing is kept or sent."""

    kind: LetterKind
    subject: str
    text: str
    """The letter as plain text, from "Dear" to who signs it."""
    html: str
    """The letter as HTML, letterhead and signature included, to show inside a page."""
    channel: Channel
    to_name: str
    to_address: str
    """The email or postal address it would go to; empty for a letter handed over."""
    signed_by: str
    """Who would sign it; empty when nobody holds the title the code names."""
    signed_as: str
    """The job title it would be signed with."""
    going: str
    """How it would go, in words."""
