"""Every change to a concern: receiving it, messages, triage and closing (BR-1, BR-2).

Each function is keyword-only, runs in one transaction, writes an audit entry (field
names only: never what anyone wrote, and nothing about the client) and raises
:class:`~panelkeeper.organisations.policies.Refused` with a message saying what to do
when the move is not allowed; nothing is saved then.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, record, save_values
from panelkeeper.cases.models import RaisedBy, Setting
from panelkeeper.concerns import receipts
from panelkeeper.concerns.models import About, Concern, Message
from panelkeeper.concerns.routing import Raising
from panelkeeper.lib.contacts import letter_contact
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.organisations.models import Organisation

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

MAX_MESSAGE = 5000
OUTCOME_NEEDS_ADDRESS = (
    "To be sent the outcome in writing, enter an email address or a postal address with its "
    "postcode"
)


@dataclass(frozen=True)
class Report:
    """What a reporter sends, already normalised by a form or an API schema."""

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
    outcome_in_writing: bool = False
    """They asked to be sent the outcome in writing at ``reporter_contact`` (BR-11)."""


# The longest each text may be, with the words a message uses for it.
LIMITS = {
    "what_happened": (10000, "What happened"),
    "about_whom": (200, "Who it is about"),
    "reporter_name": (200, "Your name"),
    "reporter_contact": (300, "Contact details"),
}


def _check_report(report: Report, raising: Raising, today: dt.date) -> None:
    if not report.what_happened.strip():
        raise Refused("Enter what happened.", field="what_happened")
    for field, (longest, words) in LIMITS.items():
        if len(getattr(report, field).strip()) > longest:
            raise Refused(f"{words} must be {longest:,} characters or fewer.", field=field)
    refuse_future(report.happened_on, today, what="The date it happened", field="happened_on")
    if report.about not in raising.topics:
        raise Refused(
            "This organisation's code takes concerns about a member's conduct only.",
            field="about",
        )
    if report.reporter_kind not in raising.reporter_kinds:
        allowed = ", ".join(kind.label.lower() for kind in raising.reporter_kinds)
        raise Refused(
            f"Under this organisation's code a concern can be raised by {allowed}.",
            field="reporter_kind",
        )
    if report.anonymous and not raising.anonymous:
        raise Refused(
            "This organisation's code has no anonymous route. Give your name and how to "
            "contact you.",
            field="anonymous",
        )
    if not report.anonymous:
        if not report.reporter_name.strip():
            raise Refused("Enter your name.", field="reporter_name")
        if not report.reporter_contact.strip():
            raise Refused(
                "Enter an email address, phone number or postal address.",
                field="reporter_contact",
            )
        if report.outcome_in_writing and not raising.tells_outcome:
            raise Refused(
                "This organisation's code does not send the outcome to the person who raised "
                "the concern.",
                field="outcome_in_writing",
            )
        if report.outcome_in_writing and letter_contact(report.reporter_contact) is None:
            raise Refused(f"{OUTCOME_NEEDS_ADDRESS}.", field="reporter_contact")


def submit_concern(
    *, organisation: Organisation, raising: Raising, report: Report, today: dt.date
) -> tuple[Concern, str | None]:
    """Receive a concern (BR-1) and route it to the role the code names (BR-2).

    Returns the concern and, for an anonymous reporter, their receipt code: the only
    time it exists in full. Only its keyed hash is saved. An anonymous concern keeps no
    name or contact details, whatever was typed beside the choice.
    """
    _check_report(report, raising, today)
    code = receipts.new_code() if report.anonymous else None
    concern = create_recorded(
        Concern,
        organisation=organisation,
        actor=None,
        action="concern.received",
        logged={
            "about": report.about,
            "what_happened": report.what_happened.strip(),
            "happened_on": report.happened_on,
            "setting": report.setting,
            "reporter_kind": report.reporter_kind,
        },
        about_whom=report.about_whom.strip(),
        anonymous=report.anonymous,
        reporter_name="" if report.anonymous else report.reporter_name.strip(),
        reporter_contact="" if report.anonymous else report.reporter_contact.strip(),
        consents_to_identity=report.consents_to_identity and not report.anonymous,
        outcome_in_writing=report.outcome_in_writing and not report.anonymous,
        receipt_digest=receipts.digest(code) if code else None,
        routed_to=raising.routed_to,
        received_at=timezone.now(),
    )
    return concern, code


def find_by_code(*, organisation: Organisation, code: str) -> Concern | None:
    """The anonymous concern this receipt code belongs to, or None.

    None for a code of the wrong shape, a code that matches nothing and a code for
    another organisation alike: callers answer all three the same way.
    """
    if receipts.normalise(code) is None:
        return None
    return Concern.objects.filter(
        organisation=organisation, anonymous=True, receipt_digest=receipts.digest(code)
    ).first()


def show_code_again(*, concern: Concern) -> bool:
    """True exactly once per concern: at its first follow-up, when the code is shown again."""
    with transaction.atomic():
        updated = Concern.objects.filter(pk=concern.pk, code_shown_again=False).update(
            code_shown_again=True
        )
        if updated:
            record(
                actor=None,
                organisation=concern.organisation,
                action="concern.code_shown_again",
                obj=concern,
                fields=["code_shown_again"],
            )
    return bool(updated)


def _clean_body(body: str) -> str:
    return entered(
        body,
        field="body",
        most=MAX_MESSAGE,
        missing="Enter your message.",
        too_long=f"Your message must be {MAX_MESSAGE} characters or fewer.",
    )


def _refuse_if_closed(concern: Concern) -> None:
    if concern.status == Concern.Status.CLOSED:
        raise Refused("This concern is closed, so no more messages can be sent about it.")


def send_reporter_message(*, concern: Concern, body: str, today: dt.date) -> Message:
    """A message from the anonymous reporter to the officer handling the concern."""
    body = _clean_body(body)
    _refuse_if_closed(concern)
    return create_recorded(
        Message,
        actor=None,
        organisation=concern.organisation,
        action="concern.message_received",
        logged={"body": body},
        concern=concern,
        sender=Message.Sender.REPORTER,
        sent_on=today,
        recorded_at=timezone.now(),
    )


def reply_to_concern(*, concern: Concern, officer: User, body: str, today: dt.date) -> Message:
    """A message from the officer to an anonymous reporter, read with their receipt code.

    A named reporter is contacted directly instead (:func:`record_contact`).
    """
    body = _clean_body(body)
    _refuse_if_closed(concern)
    if not concern.anonymous:
        raise Refused(
            "The person who raised this gave their contact details. Contact them directly "
            "and record the contact here."
        )
    return _officer_message(concern, officer, body, Message.Channel.SERVICE, today, today)


def record_contact(
    *,
    concern: Concern,
    officer: User,
    channel: str,
    body: str,
    sent_on: dt.date,
    today: dt.date,
) -> Message:
    """Record a contact with a named reporter outside the service: when, how, what was said."""
    body = _clean_body(body)
    if concern.anonymous:
        raise Refused("The person who raised this is anonymous. Reply to them here instead.")
    if channel not in Message.Channel.values or channel == Message.Channel.SERVICE:
        raise Refused("Select how you contacted them.", field="channel")
    refuse_future(sent_on, today, what="The date of the contact", field="sent_on")
    return _officer_message(concern, officer, body, Message.Channel(channel), sent_on, today)


def _officer_message(
    concern: Concern,
    officer: User,
    body: str,
    channel: Message.MessageChannel,
    sent_on: dt.date,
    today: dt.date,
) -> Message:
    with transaction.atomic():
        message = create_recorded(
            Message,
            actor=officer,
            organisation=concern.organisation,
            action="concern.message_sent",
            logged={"body": body, "channel": channel, "sent_on": sent_on},
            concern=concern,
            sender=Message.Sender.OFFICER,
            recorded_at=timezone.now(),
            officer=officer,
        )
        if concern.handled_by_id is None:
            Concern.objects.filter(pk=concern.pk).update(handled_by=officer)
            concern.handled_by = officer
    return message


def refuse_unless_received(concern: Concern) -> None:
    """Refuse to act on a concern already triaged or closed, naming what became of it."""
    if concern.status != Concern.Status.RECEIVED:
        raise Refused(f"This concern has already been dealt with ({concern.get_status_display()}).")


def close_concern(*, concern: Concern, officer: User, reason: str, today: dt.date) -> Concern:
    """Close a concern without a case; the reporter reads ``reason`` when they follow it up."""
    reason = reason.strip()
    if not reason:
        raise Refused("Enter why the concern is being closed.", field="reason")
    refuse_unless_received(concern)
    with transaction.atomic():
        locked = Concern.objects.select_for_update().get(pk=concern.pk)
        refuse_unless_received(locked)
        save_values(
            locked,
            {
                "status": Concern.Status.CLOSED,
                "closed_reason": reason,
                "closed_on": today,
                "handled_by": officer,
            },
            action="concern.closed",
            actor=officer,
            organisation=concern.organisation,
        )
    return locked
