"""Sending a refused message again, to an address an officer corrected."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from panelkeeper.outbox.models import Message, Status
from panelkeeper.outbox.posting import send_after_commit


def send_again(message: Message, *, to: str) -> None:
    """Put the refused ``message`` back in the queue, addressed to ``to``.

    Call it from a domain function that has checked the address and the message's
    state, inside its transaction (with the row locked): the message is sent as a new
    one once that commits, its tries counted afresh.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("send_again() must run inside the transaction that decides it.")
    message.to_address = to
    message.status = Status.WAITING
    message.attempts = 0
    message.next_attempt_at = message.posted_at = timezone.now()
    message.claimed_at = message.failed_at = None
    message.reason = ""
    message.possibly_twice = False
    message.save(
        update_fields=[
            "to_address",
            "status",
            "attempts",
            "next_attempt_at",
            "posted_at",
            "claimed_at",
            "failed_at",
            "reason",
            "possibly_twice",
        ]
    )
    send_after_commit()
