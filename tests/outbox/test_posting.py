"""Posting: one message per key, saved with the change, woken after the commit."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import transaction

from panelkeeper.letters import issuing
from panelkeeper.lib.refusals import Refused
from panelkeeper.outbox.models import Message, Status
from panelkeeper.outbox.posting import post
from panelkeeper.outbox.tasks import wake_sender
from tests.delivery import deliver
from tests.factory import Factory


def _post(key: str = "test:1", to: str = "kim@example.org", **fields: Any) -> bool:
    return post(key=key, to=to, subject=fields.pop("subject", "Hello"), body="Body", **fields)


def test_posting_the_same_key_twice_posts_and_sends_once(db: None) -> None:
    assert _post() is True
    assert _post(subject="Another subject") is False
    [message] = Message.objects.all()
    assert (message.status, message.subject, message.attempts) == (Status.WAITING, "Hello", 0)
    [email] = deliver()
    assert (email.to, email.subject, email.body) == (["kim@example.org"], "Hello", "Body")
    assert deliver() == [email]  # a sent message is never sent again
    message.refresh_from_db()
    assert message.status == Status.SENT and message.sent_at is not None


def test_the_sender_is_woken_once_per_transaction_after_it_commits(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for n in range(3):
            _post(key=f"test:{n}")
    assert callbacks == [wake_sender]
    assert mail.outbox == []  # nothing leaves before the commit


def test_a_rolled_back_change_leaves_no_message(db: None) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        _post()
        raise RuntimeError("a later step failed")
    assert not Message.objects.exists()
    assert deliver() == []


def test_a_letter_whose_later_step_fails_sends_nothing(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telling the other parties fails after the member's letter is posted: the letter,
    its notice and its email are undone together."""
    factory.decided_case()

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise Refused("The reporter cannot be told")

    monkeypatch.setattr(issuing, "tell_others", refuse)
    with pytest.raises(Refused):
        factory.letter()
    assert not Message.objects.exists()
    assert deliver() == []


def test_a_letter_posts_its_pdf_with_the_organisation_and_recipient(factory: Factory) -> None:
    letter = factory.letter()
    message = Message.objects.get()
    assert message.key.startswith("letter-dispatch:")
    assert (message.organisation, message.to_name, message.to_address) == (
        factory.home,
        "Sam Subject",
        "sam@example.org",
    )
    [attachment] = message.attachments.all()
    assert attachment.file_name == letter.file_name
    assert bytes(attachment.content) == bytes(letter.pdf)
