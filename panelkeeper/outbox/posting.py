"""Posting a message: the one way the application sends an email."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import router, transaction
from django.utils import timezone

from panelkeeper.outbox.models import Attachment, Message
from panelkeeper.outbox.tasks import wake_sender

if TYPE_CHECKING:
    from panelkeeper.organisations.models import Organisation

# (file name, content, content type), as EmailMessage.attach takes them.
type File = tuple[str, bytes, str]


def post(
    *,
    key: str,
    to: str,
    subject: str,
    body: str,
    name: str = "",
    organisation: Organisation | None = None,
    attachments: Sequence[File] = (),
) -> bool:
    """Put an email to ``to`` (``name``) in the outbox; True if posted now.

    Call it inside the transaction that makes the change the email is about: the
    message is saved with the change and sent only after it commits. ``key`` says what
    the message is and is unique: posting a key already posted does nothing and
    returns False, whatever the other arguments say.
    """
    if not key or not to:
        raise ValueError("A message needs a key and an address to go to.")
    now = timezone.now()
    with transaction.atomic():
        message, created = Message.objects.get_or_create(
            key=key,
            defaults={
                "organisation": organisation,
                "to_name": name[:200],
                "to_address": to,
                "subject": subject[:300],
                "body": body,
                "posted_at": now,
                "next_attempt_at": now,
            },
        )
        if created:
            Attachment.objects.bulk_create(
                Attachment(message=message, file_name=file_name, content_type=kind, content=data)
                for file_name, data, kind in attachments
            )
            send_after_commit()
    return created


def send_after_commit() -> None:
    """Wake the sender once the current transaction commits (at once outside one).

    One wake-up per transaction is enough, as the sender sends every message that is
    due: a job posting thousands of messages in one batch enqueues one task.
    """
    connection = transaction.get_connection(router.db_for_write(Message))
    if any(callback is wake_sender for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(wake_sender, robust=True)
