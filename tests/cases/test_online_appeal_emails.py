"""The emails of a member's online appeal (BR-12): a receipt to whoever sent it and a notice
to the appeal officer, both posted to the outbox in the appeal's own transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.changes import appeals
from panelkeeper.cases.changes.appeals import lodge_own_appeal
from panelkeeper.cases.models import Case, CaseEvent
from panelkeeper.outbox.models import Message
from tests.delivery import Killed, cut_off_after, deliver
from tests.factory import Factory
from tests.letters.test_plain_words import EASE, reads_plainly

TODAY = dt.date(2026, 11, 25)
GROUNDS = "I was not at that meeting."


@pytest.fixture
def case(factory: Factory) -> Case:
    """A decided case whose member has been sent the outcome letter: open to appeal."""
    found = factory.decided_case()
    factory.letter(found)
    deliver()  # the outcome letter's own email
    mail.outbox.clear()
    return found


def test_the_sender_gets_a_receipt_and_the_appeal_officer_a_notice_br_12(
    factory: Factory, case: Case
) -> None:
    subject = factory.subject()
    client = Client()
    client.force_login(subject)
    url = reverse("cases:appeal_online", kwargs={"case": case.pk})
    assert client.post(url, {"grounds": GROUNDS}).status_code == 302
    case.refresh_from_db()
    officer = case.appeal_officer
    assert officer is not None
    sent = {message.to[0]: message for message in deliver()}
    assert set(sent) == {subject.email, officer.email}
    receipt = sent[subject.email]
    assert receipt.subject == f"We have your appeal about case {case.reference}"
    assert "It goes to the Group Director of Operations" in receipt.body
    notice = sent[officer.email]
    assert notice.subject == f"An appeal has been put to you: case {case.reference}"
    link = reverse("cases:my_case", kwargs={"case": case.pk})
    assert link in notice.body and link in receipt.body
    # The grounds are read signed in, never sent by email.
    assert all(GROUNDS not in message.body for message in sent.values())
    names = (subject.get_full_name(), officer.get_full_name(), str(case.organisation))
    for message in sent.values():
        assert reads_plainly(f"{message.subject}.\n\n{message.body}", names) >= EASE


@pytest.mark.parametrize("posts", [0, 1])
def test_a_failure_after_the_appeal_saves_neither_the_appeal_nor_any_email_br_12(
    factory: Factory, case: Case, posts: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = case.state
    cut_off_after(posts, monkeypatch, appeals)
    with pytest.raises(Killed):
        lodge_own_appeal(case=case, grounds=GROUNDS, actor=factory.subject(), today=TODAY)
    assert not CaseEvent.objects.filter(case=case, kind="appeal_lodged").exists()
    assert not AuditEntry.objects.filter(action="case.appeal_lodged").exists()
    assert not Message.objects.filter(key__startswith="appeal:").exists()
    case.refresh_from_db()
    assert (case.state, case.appeal_officer) == (state, None)


def test_an_appeal_sent_through_the_api_posts_the_same_emails_br_12(
    factory: Factory, case: Case
) -> None:
    client = Client()
    client.force_login(factory.subject())
    url = f"/api/v1/cases/mine/{case.pk}/appeal"
    response = client.post(url, {"grounds": GROUNDS}, content_type="application/json")
    assert response.status_code == 200
    keys = sorted(Message.objects.filter(key__startswith="appeal:").values_list("key", flat=True))
    event = CaseEvent.objects.get(case=case, kind="appeal_lodged")
    assert keys == [f"appeal:{event.pk}:officer", f"appeal:{event.pk}:receipt"]
