"""Sending: after commit, each message once, retried while the server cannot take it,
failed with the server's reason when it refuses, and a cut-off send retried once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from panelkeeper.outbox import sending
from panelkeeper.outbox.models import Message, Status
from panelkeeper.outbox.posting import post
from panelkeeper.outbox.sending import CLAIM_SIZE, CUT_OFF_TWICE, send_due, wait_after
from panelkeeper.outbox.tasks import send_outbox
from tests.smtp_sink import Inbox, free_port, mailers_for
from tests.threads import at_once


def _post(n: int = 1, to: str = "kim@example.org") -> Message:
    post(key=f"test:{n}", to=to, subject=f"Message {n}", body="Body")
    return Message.objects.get(key=f"test:{n}")


def _come_due(message: Message) -> None:
    """Let the time of its next try pass."""
    Message.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())


def test_the_waits_double_from_a_minute_up_to_an_hour() -> None:
    assert [wait_after(n).total_seconds() / 60 for n in range(1, 9)] == [
        1,
        2,
        4,
        8,
        16,
        32,
        60,
        60,
    ]


def test_a_temporary_failure_is_retried_later_and_then_succeeds(
    db: None, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    inbox.data_replies.append("451 4.3.0 Try again later")
    message = _post()
    before = timezone.now()
    with override_settings(MAILERS=mailers_for(port)):
        assert send_due().as_dict() == {"sent": 0, "retrying": 1, "failed": 0}
        message.refresh_from_db()
        assert (message.status, message.attempts) == (Status.WAITING, 1)
        assert "Try again later (code 451)" in message.reason
        wait = message.next_attempt_at - before
        assert dt.timedelta(seconds=59) < wait <= dt.timedelta(seconds=61)
        assert send_due().as_dict() == {"sent": 0, "retrying": 0, "failed": 0}  # not yet due
        _come_due(message)
        assert send_due().sent == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.reason) == (Status.SENT, 2, "")
    assert len(inbox.received) == 1


def test_an_unreachable_server_holds_every_message_back_with_growing_waits(db: None) -> None:
    first, second = _post(1), _post(2)
    with override_settings(MAILERS=mailers_for(free_port())):  # nothing listens there
        assert send_due().as_dict() == {"sent": 0, "retrying": 1, "failed": 0}
        first.refresh_from_db()
        second.refresh_from_db()
        assert first.attempts == 1 and second.attempts == 0  # stopped after the first
        assert "could not be reached" in first.reason
        assert second.next_attempt_at == first.next_attempt_at > timezone.now()
        _come_due(first)
        Message.objects.filter(pk=second.pk).update(next_attempt_at=first.next_attempt_at)
        send_due()
    first.refresh_from_db()
    assert first.attempts == 2
    assert first.next_attempt_at - timezone.now() > dt.timedelta(seconds=100)  # two minutes
    assert mail.outbox == []


def test_a_refused_address_is_marked_failed_with_the_servers_reason(
    db: None, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    inbox.rcpt_replies.append("550 5.1.1 No such mailbox here")
    refused, fine = _post(1, "nobody@example.org"), _post(2)
    with override_settings(MAILERS=mailers_for(port)):
        assert send_due().as_dict() == {"sent": 1, "retrying": 0, "failed": 1}
    refused.refresh_from_db()
    assert refused.status == Status.FAILED and refused.failed_at is not None
    assert refused.reason == (
        "The mail server refused the address: 5.1.1 No such mailbox here (code 550)."
    )
    fine.refresh_from_db()
    assert fine.status == Status.SENT
    with override_settings(MAILERS=mailers_for(port)):
        assert send_due().as_dict() == {"sent": 0, "retrying": 0, "failed": 0}  # not again


def test_a_temporary_failure_that_lasts_three_days_is_given_up(
    db: None, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    inbox.rcpt_replies.append("452 4.2.2 Mailbox full")
    message = _post()
    Message.objects.filter(pk=message.pk).update(
        posted_at=timezone.now() - dt.timedelta(days=3, minutes=1)
    )
    with override_settings(MAILERS=mailers_for(port)):
        send_due()
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert "Mailbox full (code 452)" in message.reason and "given up" in message.reason


def _cut_off(message: Message, *, possibly_twice: bool = False) -> None:
    """As a worker killed mid-send leaves it: "sending", claimed before the lease."""
    Message.objects.filter(pk=message.pk).update(
        status=Status.SENDING,
        claimed_at=timezone.now() - dt.timedelta(minutes=16),
        attempts=1,
        possibly_twice=possibly_twice,
    )


def test_a_send_cut_off_is_retried_once_after_the_lease_and_marked_possibly_twice(
    db: None,
) -> None:
    message = _post()
    Message.objects.filter(pk=message.pk).update(
        status=Status.SENDING, claimed_at=timezone.now() - dt.timedelta(minutes=14), attempts=1
    )
    assert send_due().sent == 0  # still within the lease: another worker may be sending it
    _cut_off(message)
    assert send_due().sent == 1
    message.refresh_from_db()
    assert (message.status, message.possibly_twice, message.attempts) == (Status.SENT, True, 2)
    assert len(mail.outbox) == 1


def test_a_send_cut_off_twice_is_not_tried_again(db: None) -> None:
    message = _post()
    _cut_off(message, possibly_twice=True)
    assert send_due().sent == 0
    message.refresh_from_db()
    assert (message.status, message.reason) == (Status.FAILED, CUT_OFF_TWICE)
    assert mail.outbox == []


def test_a_worker_that_died_leaves_only_what_it_had_taken_to_be_sent_again(db: None) -> None:
    """It had taken CLAIM_SIZE messages: those are sent again, marked possibly twice;
    the rest were never taken and go once, unmarked."""
    for n in range(CLAIM_SIZE + 5):
        _post(n, to=f"person{n}@example.org")
    long_ago = timezone.now() - dt.timedelta(minutes=16)
    Message.objects.update(next_attempt_at=long_ago)
    taken = sending._claim(long_ago)  # and the worker died
    assert len(taken) == CLAIM_SIZE
    assert send_due().sent == CLAIM_SIZE + 5
    marked = Message.objects.filter(possibly_twice=True)
    assert sorted(marked.values_list("pk", flat=True)) == sorted(m.pk for m in taken)
    assert len(mail.outbox) == CLAIM_SIZE + 5


@override_settings(EMAIL_LEASE_MINUTES=30)
def test_the_lease_is_configurable(db: None) -> None:
    message = _post()
    _cut_off(message)  # 16 minutes ago: within a 30-minute lease
    assert send_due().sent == 0


def test_the_task_sends_and_queues_a_later_run_for_a_message_waiting_to_retry(
    db: None, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    inbox.data_replies.append("421 4.7.0 Too busy, come back later")
    _post(1)
    with override_settings(MAILERS=mailers_for(port)):
        assert send_outbox.call() == {"sent": 0, "retrying": 1, "failed": 0}
        assert send_outbox.call() == {"sent": 0, "retrying": 0, "failed": 0}
    [later] = DBTaskResult.objects.filter(task_path=send_outbox.module_path)
    assert later.run_after == Message.objects.get().next_attempt_at  # queued once only


@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_at_once_send_each_message_once() -> None:
    for n in range(30):
        _post(n, to=f"person{n}@example.org")
    counts, errors = at_once(lambda: send_due().sent)
    assert errors == []
    assert sum(counts) == 30
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(f"person{n}@example.org" for n in range(30))
    assert Message.objects.filter(status=Status.SENT).count() == 30
