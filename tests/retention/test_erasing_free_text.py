"""Erasing a member takes their name out of what others wrote in the organisation (case
descriptions, concerns and their notes, emails), and the emails sent to them lose their
address and attachments; another organisation's text is not touched, and an email still
to be sent stops the erasure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.changes.steps import withdraw_case
from panelkeeper.concerns.models import Message
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation
from panelkeeper.outbox.models import Attachment, Status
from panelkeeper.outbox.models import Message as Email
from panelkeeper.outbox.posting import post
from panelkeeper.retention.erasure import erase_member
from panelkeeper.retention.free_text import ERASED_ADDRESS
from tests.factory import Factory
from tests.retention.clock import clock_at
from tests.retention.records import end_membership

D = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(dt.date(2026, 12, 10)):
        yield


def _sent(
    factory: Factory, to: str, body: str, *, organisation: Organisation | None = None
) -> Email:
    key = f"test:{to}:{body[:10]}"
    post(
        key=key,
        to=to,
        name="Wendy Gone",
        subject="Your letter",
        body=body,
        organisation=organisation or factory.home,
        attachments=[("letter.pdf", b"%PDF-1.7 letter", "application/pdf")],
    )
    Email.objects.filter(key=key).update(status=Status.SENT, sent_at=timezone.now())
    return Email.objects.get(key=key)


def test_an_erased_member_leaves_what_others_wrote_and_the_emails_sent_to_them(
    factory: Factory, officer: User
) -> None:
    gone = factory.panel_member(full_name="Wendy Gone", email="wendy@example.org")
    case = factory.breach_case(
        factory.member_record, description="Took wendy  gone's papers home after the meeting."
    )
    withdraw_case(case=case, reason="Raised in error.", actor=officer, effective=D, today=D)
    concern = factory.concern(
        preset="vela", what_happened="Wendy Gone shouted.", about_whom="Wendy Gone"
    )
    Message.objects.create(
        concern=concern,
        sender="officer",
        officer=officer,
        body="Spoke to Wendy Gone about it.",
        sent_on=D,
        recorded_at=timezone.now(),
    )
    to_her = _sent(factory, "Wendy@Example.org", "Dear Wendy Gone, your letter is attached.")
    about_her = _sent(factory, "pat@example.org", "Wendy Gone will chair on Tuesday.")
    elsewhere_org = factory.other
    elsewhere = _sent(
        factory, "sam@example.org", "Wendy Gone will chair.", organisation=elsewhere_org
    )

    erase_member(member=end_membership(gone, officer), organisation=factory.home, actor=officer)

    case.refresh_from_db()
    concern.refresh_from_db()
    assert case.description == "Took [name erased]'s papers home after the meeting."
    assert (concern.what_happened, concern.about_whom) == (
        "[name erased] shouted.",
        "[name erased]",
    )
    assert Message.objects.get(concern=concern).body == "Spoke to [name erased] about it."
    to_her.refresh_from_db()
    assert (to_her.to_address, to_her.to_name) == (ERASED_ADDRESS, "")
    assert to_her.body == "Dear [name erased], your letter is attached."
    assert not Attachment.objects.filter(message=to_her).exists()
    about_her.refresh_from_db()
    assert about_her.to_address == "pat@example.org"
    assert about_her.body == "[name erased] will chair on Tuesday."
    assert Attachment.objects.filter(message=about_her).exists()
    elsewhere.refresh_from_db()
    assert elsewhere.body == "Wendy Gone will chair."
    audited = AuditEntry.objects.filter(action="member.erased").values_list(
        "object_type", flat=True
    )
    assert {"cases.Case", "concerns.Concern", "concerns.Message"} <= set(audited)


def test_an_email_to_them_still_to_be_sent_stops_the_erasure(
    factory: Factory, officer: User
) -> None:
    gone = end_membership(
        factory.panel_member(full_name="Wendy Gone", email="w@example.org"), officer
    )
    post(key="waiting", to="w@example.org", subject="Hello", body="Hi", organisation=factory.home)
    with pytest.raises(Refused, match="still waiting to be sent"):
        erase_member(member=gone, organisation=factory.home, actor=officer)
    gone.refresh_from_db()
    assert gone.full_name == "Wendy Gone"
