"""Request and response bodies of the concerns API (see :mod:`.officer`)."""

import datetime as dt
from typing import ClassVar

from ninja import Schema

from panelkeeper.cases.models import RaisedBy, Setting
from panelkeeper.concerns import forms as f
from panelkeeper.concerns.models import About, Concern, Message
from panelkeeper.lib.api import FormFields, Out, PageOut, fields_of


class ConcernIn(Schema):
    """A concern as a reporter sends it; choices as on the public page (BR-1)."""

    form_fields: ClassVar[FormFields] = fields_of(f.ConcernForm)

    about: About = About.CONDUCT
    what_happened: str
    happened_on: dt.date
    setting: Setting
    about_whom: str = ""
    reporter_kind: RaisedBy
    anonymous: bool = False
    reporter_name: str = ""
    reporter_contact: str = ""
    consents_to_identity: bool = False
    outcome_in_writing: bool = False
    """Only where the code sends the outcome to whoever raised it (BR-11); the contact must
    then be an email address or a postal address with its postcode."""


class ReceivedOut(Out):
    """``receipt_code`` is given to an anonymous reporter here, once, and never again."""

    routed_to: str
    receipt_code: str | None = None


class FollowUpIn(Schema):
    """The receipt code travels in the body, never in the URL; ``message`` is optional."""

    form_fields: ClassVar[FormFields] = fields_of(f.CodeForm) | fields_of(
        f.MessageForm, renamed={"message": "body"}
    )

    code: str
    message: str = ""


class ReporterMessageOut(Out):
    sender: Message.Sender
    body: str
    sent_on: dt.date


class FollowUpOut(Out):
    raised_on: dt.date
    status: str
    meaning: str
    messages: list[ReporterMessageOut]


class MessageOut(Out):
    id: int
    sender: Message.Sender
    channel: Message.MessageChannel
    body: str
    sent_on: dt.date
    officer_id: int | None


class ConcernOut(Out):
    id: int
    received_at: dt.datetime
    about: About
    what_happened: str
    happened_on: dt.date
    setting: Setting
    about_whom: str
    reporter_kind: RaisedBy
    anonymous: bool
    reporter_name: str
    reporter_contact: str
    consents_to_identity: bool
    outcome_in_writing: bool
    routed_to: str
    status: Concern.ConcernStatus
    closed_reason: str
    closed_on: dt.date | None
    case_id: int | None
    message_count: int = 0


class ConcernPageOut(PageOut):
    concerns: list[ConcernOut]


class ConcernDetailOut(ConcernOut):
    messages: list[MessageOut]


class ReplyIn(Schema):
    """To an anonymous reporter: ``body`` only. For a named one, a contact made outside the
    service: ``channel`` (email, phone, letter, in_person) and ``sent_on`` (default today)."""

    form_fields: ClassVar[FormFields] = fields_of(f.ContactForm)

    body: str
    channel: Message.MessageChannel = Message.MessageChannel.SERVICE
    sent_on: dt.date | None = None


class TriageIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.TriageForm)
    member_id: int
    clauses: list[str]
    effective: dt.date | None = None
    description: str | None = None
    setting: Setting | None = None


class CloseIn(Schema):
    form_fields: ClassVar[FormFields] = fields_of(f.CloseForm)
    reason: str
