"""Sending an issued letter: by email with the PDF attached, or into the day's post.

Every party the letter goes to gets a :class:`Dispatch` row (channel, recipient, time),
and an email one a message in the outbox with the PDF attached:
the member by their own channel or by hand, their advocate a copy by email where
the member asked for one, and anyone else the code says is told (the reporter, an
investigator) their own letter by the channel their record gives. Posted letters are
printed in one batch PDF per organisation and day (:func:`print_batch`), and count as
posted on the day they were issued.

An outcome letter is the written notice of the decision (BR-11): dispatching it calls
the cases app's ``record_notice``, whose deemed receipt by channel (Interpretation 2)
starts the appeal window (BR-12).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from panelkeeper.letters.models import Channel, Dispatch, Letter, Recipient
from panelkeeper.letters.rendering import batch_pdf
from panelkeeper.organisations.models import Organisation
from panelkeeper.outbox.posting import post
from panelkeeper.rules import dates
from panelkeeper.rules.labels import in_words

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

HANDED_OVER = "Handed over in person"

EMAIL_BODY = (
    "Dear {name},\n\n"
    "We have sent you a letter from {organisation}: {subject}. It is attached to this "
    "email as a PDF file.\n\n"
    "If you cannot open it, or you would like it in large print or in another way, "
    "please reply to this email.\n\n"
    "{organisation}\n"
)


def _email(dispatch: Dispatch, *, copy_for: str = "") -> None:
    """Post the letter's email with its PDF to the outbox, keyed by the dispatch."""
    letter = dispatch.letter
    organisation = letter.organisation.name
    subject = letter.subject if not copy_for else f"Copy for you: {letter.subject}"
    body = EMAIL_BODY.format(
        name=dispatch.to_name, organisation=organisation, subject=letter.subject
    )
    if copy_for:
        body = f"You asked to receive copies of letters to {copy_for}.\n\n" + body
    post(
        key=f"letter-dispatch:{dispatch.pk}",
        to=dispatch.to_address,
        name=dispatch.to_name,
        subject=subject,
        body=body,
        organisation=letter.organisation,
        attachments=[(letter.file_name, bytes(letter.pdf), "application/pdf")],
    )


def dispatch_letter(letter: Letter, *, actor: User | None, to_address: str) -> list[Dispatch]:
    """Send ``letter`` to whom it is addressed and, where asked, a copy to the advocate.

    Runs inside the issuing transaction. Emails are posted to the outbox in that
    transaction and leave only once it commits, so a refusal from the case, or any
    later step of issuing that fails, sends nothing. A letter handed over in person is
    logged as handed over on the day it is issued; the officer prints it from the
    letter's page.
    """
    now = timezone.now()
    member = letter.member
    to_member = letter.addressed_to == Recipient.MEMBER
    if letter.gives_notice and letter.case is not None:
        from panelkeeper.cases.changes.steps import record_notice

        record_notice(
            case=letter.case,
            sent_on=letter.issued_on,
            to=member.full_name,
            channel=letter.channel,
            actor=actor,
            today=letter.issued_on,
        )
    sent = [
        Dispatch.objects.create(
            letter=letter,
            recipient=letter.addressed_to,
            channel=letter.channel,
            to_name=letter.to_name,
            to_address=to_address if letter.channel != Channel.HAND else HANDED_OVER,
            sent_on=letter.issued_on,
            sent_at=now,
        )
    ]
    advocate = member.advocate
    if to_member and member.copy_to_advocate and advocate is not None and advocate.email:
        sent.append(
            Dispatch.objects.create(
                letter=letter,
                recipient=Recipient.ADVOCATE,
                channel=Channel.EMAIL,
                to_name=advocate.get_full_name() or advocate.email,
                to_address=advocate.email,
                sent_on=letter.issued_on,
                sent_at=now,
            )
        )
    for dispatch in sent:
        if dispatch.channel == Channel.EMAIL:
            copy_for = member.full_name if dispatch.recipient == Recipient.ADVOCATE else ""
            _email(dispatch, copy_for=copy_for)
    return sent


def how_sent(channel: str, name: str, address: str) -> str:
    """How a letter goes, in words: "by email to Sam Subject at sam@example.org"."""
    where = ", ".join(line.strip() for line in address.splitlines() if line.strip())
    if channel == Channel.HAND:
        return f"by hand to {name}"
    by = "by email" if channel == Channel.EMAIL else "by post"
    return f"{by} to {name} at {where}" if where else f"{by} to {name}"


def sent_in_words(letter: Letter) -> str:
    """What happened to ``letter``, as the officer who sent it is told: "Sent by email to
    Sam Subject at sam@example.org on Monday 23 November 2026", with any copy, and any
    letters to others the code says are told."""
    dispatches = list(letter.dispatches.all())
    first = next((d for d in dispatches if d.recipient != Recipient.ADVOCATE), None)
    if first is None:
        return f"Letter {letter.reference} kept, but not sent to anyone yet."
    address = "" if first.channel == Channel.HAND else first.to_address
    sentence = f"Sent {how_sent(first.channel, first.to_name, address)}"
    sentence += f" on {dates.long_date(first.sent_on)}"
    copies = [d for d in dispatches if d.recipient == Recipient.ADVOCATE]
    if copies:
        sentence += f", with a copy by email to {copies[0].to_name}, their advocate"
    told = [t.to_name for t in letter.told_to_others.all()]
    if told:
        sentence += f". Also sent to {in_words(told)}, as the code says they are told"
    return sentence + "."


def posted_on(organisation: Organisation, day: dt.date) -> list[Letter]:
    """The letters posted on ``day``, in the order they were issued."""
    return list(
        Letter.objects.filter(
            organisation=organisation,
            dispatches__channel=Channel.POST,
            dispatches__sent_on=day,
        )
        .distinct()
        .order_by("issued_at", "id")
    )


def print_batch(organisation: Organisation, day: dt.date) -> bytes:
    """One PDF of every letter posted on ``day``, to print and post together."""
    return batch_pdf([letter.html for letter in posted_on(organisation, day)])
