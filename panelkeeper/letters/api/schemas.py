"""Request and response bodies of the letters API."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class DispatchOut(Schema):
    recipient: str
    channel: str
    to_name: str
    sent_on: dt.date
    sent_at: dt.datetime


class LetterOut(Schema):
    id: int
    reference: str
    kind: str
    subject: str
    member_id: int
    case_id: int | None
    channel: str
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


class MyLetterOut(Schema):
    id: int
    subject: str
    kind: str
    issued_on: dt.date


class IssueIn(Schema):
    """``kind`` empty or null sends the outcome letter the case's outcome needs."""

    case_id: int
    kind: str | None = None
    reasons: str = ""
    actions: str = ""
    review_on: dt.date | None = None
    corrects_id: int | None = None
    by_hand: bool = False
    """True when an officer gives the letter to the member in person today."""
