"""Copies of emails sent go a year after they were sent (or given up on); one still to
be sent stays, and so does one to a member on hold or a letter about a held case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.outbox.models import Attachment, Message, Status
from panelkeeper.outbox.posting import post
from panelkeeper.retention.holds import place_hold
from panelkeeper.retention.purge import due_records, purge
from tests.factory import Factory
from tests.retention.clock import clock_at

SENT_ON = dt.date(2026, 11, 25)
A_YEAR_ON = dt.date(2027, 11, 25)


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(SENT_ON):
        yield


def _email(factory: Factory, to: str, subject: str, status: str = Status.SENT) -> Message:
    key = f"test:{to}:{subject}"
    post(
        key=key,
        to=to,
        subject=subject,
        body="Hello",
        organisation=factory.home,
        attachments=[("letter.pdf", b"%PDF-1.7", "application/pdf")],
    )
    moment = {"sent_at": timezone.now()} if status == Status.SENT else {"failed_at": timezone.now()}
    if status != Status.WAITING:
        Message.objects.filter(key=key).update(status=status, **moment)
    return Message.objects.get(key=key)


def _listed(factory: Factory, on: dt.date) -> list[str]:
    return [due.label for due in due_records(factory.home, today=on) if due.kind.key == "emails"]


def test_emails_sent_or_given_up_on_go_a_year_on_and_one_waiting_stays(
    factory: Factory, officer: User
) -> None:
    sent = _email(factory, "pat@example.org", "Your letter")
    failed = _email(factory, "wrong@example.org", "Meeting on Tuesday", Status.FAILED)
    waiting = _email(factory, "sam@example.org", "Still to go", Status.WAITING)
    elsewhere = Message.objects.create(
        key="other-org",
        organisation=factory.other,
        to_address="pat@example.org",
        subject="Theirs",
        body="Hello",
        status=Status.SENT,
        posted_at=timezone.now(),
        next_attempt_at=timezone.now(),
        sent_at=timezone.now(),
    )
    assert _listed(factory, A_YEAR_ON - dt.timedelta(days=1)) == []
    assert _listed(factory, A_YEAR_ON) == [
        "Email to pat@example.org: Your letter",
        "Email to wrong@example.org: Meeting on Tuesday",
    ]
    with clock_at(A_YEAR_ON):
        purge(factory.home, today=A_YEAR_ON)
    assert set(Message.objects.values_list("pk", flat=True)) == {waiting.pk, elsewhere.pk}
    assert not Attachment.objects.filter(message__in=[sent.pk, failed.pk]).exists()


def test_an_email_to_a_member_on_hold_stays(factory: Factory, officer: User) -> None:
    held = factory.panel_member(full_name="Hal Held", email="hal@example.org")
    _email(factory, "Hal@Example.org", "About your gift")
    _email(factory, "pat@example.org", "Your letter")
    place_hold(organisation=factory.home, reason="A claim", actor=officer, member=held)
    assert _listed(factory, A_YEAR_ON) == ["Email to pat@example.org: Your letter"]
