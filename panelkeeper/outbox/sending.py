"""Sending what the outbox holds: claim a message, send it, record what the server said.

:func:`send_due` is what the task runs. Messages are claimed a few at a time in a short
transaction (``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite lets one
writer in at a time), so two workers never send the same one; each is marked sent, in
a statement of its own, as soon as the server accepts it. See the package docstring for
what happens to a send that is cut off.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F, Min
from django.utils import timezone

from panelkeeper.outbox.models import Message, MessageQuerySet, Status

logger = logging.getLogger(__name__)

# Waits between tries while the server is unreachable or answers 4xx: one minute,
# doubling, never more than an hour.
FIRST_WAIT = dt.timedelta(minutes=1)
LONGEST_WAIT = dt.timedelta(hours=1)
# A message the server keeps answering with a temporary failure is given up after this.
GIVE_UP_AFTER = dt.timedelta(days=3)
# Messages claimed in one transaction. Each is still marked sent on its own, as soon as
# the server accepts it; a worker that dies leaves at most this many "sending".
CLAIM_SIZE = 20

CUT_OFF_TWICE = (
    "Sending was cut off twice, so it was not tried again. It may have arrived: check "
    "with the person before sending it again."
)


def lease() -> dt.timedelta:
    """How long a message may stay "sending" before its send counts as cut off."""
    minutes = int(settings.EMAIL_LEASE_MINUTES)
    return dt.timedelta(minutes=minutes)


def wait_after(attempts: int) -> dt.timedelta:
    """The wait before the next try of a message tried ``attempts`` times."""
    doublings = min(max(attempts - 1, 0), 16)  # past an hour long before, and no overflow
    return min(FIRST_WAIT * (1 << doublings), LONGEST_WAIT)


class Outcome(enum.Enum):
    SENT = "sent"
    RETRY = "retry"  # a temporary failure of this message: try it again later
    UNREACHABLE = "unreachable"  # the server cannot be used: stop, try again later
    REFUSED = "refused"  # a permanent refusal: the message failed


@dataclass
class Round:
    """What one run of the sender did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"sent": self.sent, "retrying": self.retrying, "failed": self.failed}


def _reply(code: int, text: bytes | str) -> str:
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{' '.join(said.split())} (code {code})"


def verdict(error: Exception) -> tuple[Outcome, str]:
    """What a failure to send means, and the reason to keep, in plain words."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()), (550, b"refused"))
        reply = _reply(code, text)
        if 400 <= code < 500:
            return Outcome.RETRY, f"The mail server could not take it for now: {reply}."
        return Outcome.REFUSED, f"The mail server refused the address: {reply}."
    if isinstance(error, smtplib.SMTPSenderRefused | smtplib.SMTPDataError):
        reply = _reply(error.smtp_code, error.smtp_error)
        if 400 <= error.smtp_code < 500:
            return Outcome.RETRY, f"The mail server could not take it for now: {reply}."
        return Outcome.REFUSED, f"The mail server refused the message: {reply}."
    if isinstance(error, smtplib.SMTPException | OSError):
        # Cannot connect, cannot sign in, disconnected, timed out: nothing to do with
        # this message, so every message waits.
        return Outcome.UNREACHABLE, f"The mail server could not be reached: {error}."
    return Outcome.REFUSED, f"The message could not be sent: {error}."


def _oldest(messages: MessageQuerySet, size: int) -> list[Message]:
    """Up to ``size`` of ``messages`` no other worker holds, oldest due first, locked until
    the transaction ends, with their attachments."""
    return list(
        messages.select_for_update(skip_locked=True)
        .order_by("next_attempt_at", "pk")
        .prefetch_related("attachments")[:size]
    )


def _give_up_cut_off_twice(now: dt.datetime) -> int:
    """Fail the messages whose send was cut off a second time; how many."""
    twice = Message.objects.cut_off(now=now, lease=lease()).filter(possibly_twice=True)
    return twice.update(status=Status.FAILED, failed_at=now, reason=CUT_OFF_TWICE)


def _claim(now: dt.datetime) -> list[Message]:
    """Take up to ``CLAIM_SIZE`` messages due, marking them "sending": first any whose
    send was cut off (marked possibly sent twice), then waiting ones."""
    with transaction.atomic():
        # Two queries rather than one with OR, so each walks its own index.
        again = _oldest(Message.objects.cut_off(now=now, lease=lease()), CLAIM_SIZE)
        taken = again + _oldest(Message.objects.due(now=now), CLAIM_SIZE - len(again))
        Message.objects.filter(pk__in=[m.pk for m in taken]).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
        Message.objects.filter(pk__in=[m.pk for m in again]).update(possibly_twice=True)
    for message in taken:
        message.status, message.claimed_at = Status.SENDING, now
        message.attempts += 1
    for message in again:
        message.possibly_twice = True
    return taken


def _email(message: Message) -> mail.EmailMessage:
    email = mail.EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to_address],
    )
    for attachment in message.attachments.all():
        email.attach(attachment.file_name, bytes(attachment.content), attachment.content_type)
    return email


def _settle(message: Message, outcome: Outcome, reason: str, now: dt.datetime) -> None:
    """Record what came of ``message``'s send, unless another worker has taken it over."""
    mine = Message.objects.filter(pk=message.pk, status=Status.SENDING, claimed_at=now)
    if outcome is Outcome.SENT:
        mine.update(status=Status.SENT, sent_at=timezone.now(), reason="")
        return
    if outcome is Outcome.RETRY and now - message.posted_at >= GIVE_UP_AFTER:
        outcome = Outcome.REFUSED
        reason = f"{reason} It was tried for {GIVE_UP_AFTER.days} days, then given up."
    if outcome is Outcome.REFUSED:
        mine.update(status=Status.FAILED, failed_at=now, reason=reason)
        return
    later = now + wait_after(message.attempts)
    mine.update(status=Status.WAITING, next_attempt_at=later, reason=reason)
    if outcome is Outcome.UNREACHABLE:
        # Everything else due waits as long, so the server is not hammered meanwhile.
        Message.objects.filter(status=Status.WAITING, next_attempt_at__lt=later).update(
            next_attempt_at=later
        )


def _release(messages: list[Message], now: dt.datetime) -> None:
    """Put back messages claimed at ``now`` but not tried, as they were."""
    Message.objects.filter(
        pk__in=[m.pk for m in messages], status=Status.SENDING, claimed_at=now
    ).update(status=Status.WAITING, attempts=F("attempts") - 1)


def send_due() -> Round:
    """Send every message that is due, on one connection to the server.

    Messages are claimed ``CLAIM_SIZE`` at a time and each is marked sent as soon as the
    server accepts it. Stops early when the server cannot be reached; the messages wait
    for the next run.
    """
    done = Round(failed=_give_up_cut_off_twice(timezone.now()))
    mailer: BaseEmailBackend | None = None
    try:
        while batch := _claim(now := timezone.now()):
            for index, message in enumerate(batch):
                try:
                    if mailer is None:
                        mailer = mail.mailers.default
                        mailer.open()
                    sent = mailer.send_messages([_email(message)])
                    outcome, reason = (Outcome.SENT, "") if sent else (Outcome.REFUSED, "Not sent.")
                except Exception as error:
                    outcome, reason = verdict(error)
                    logger.warning("Message %s not sent: %s", message.pk, reason)
                if outcome is Outcome.UNREACHABLE:
                    _release(batch[index + 1 :], now)
                _settle(message, outcome, reason, now)
                if outcome is Outcome.SENT:
                    done.sent += 1
                elif outcome is Outcome.REFUSED:
                    done.failed += 1
                else:
                    done.retrying += 1
                if outcome is Outcome.UNREACHABLE:
                    return done
    finally:
        if mailer is not None:
            mailer.close()
    return done


def next_due() -> dt.datetime | None:
    """When the next message will be due: a waiting one's next try, or a send's lease."""
    waiting = Message.objects.filter(status=Status.WAITING).aggregate(at=Min("next_attempt_at"))
    sending = Message.objects.filter(status=Status.SENDING).aggregate(at=Min("claimed_at"))
    times = [waiting["at"], sending["at"] and sending["at"] + lease()]
    return min((t for t in times if t is not None), default=None)
