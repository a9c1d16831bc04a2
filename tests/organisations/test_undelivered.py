"""Emails not delivered: officers see what the server refused and why, correct the
address and send it again, from the page and from the API, refused alike."""

from __future__ import annotations

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.organisations.undelivered import resend_message
from panelkeeper.outbox.models import Message, Status
from panelkeeper.outbox.posting import post
from panelkeeper.outbox.sending import send_due
from tests.delivery import deliver
from tests.factory import Factory
from tests.organisations.conftest import audit_actions
from tests.organisations.test_api import BASE, bearer, post_json
from tests.smtp_sink import Inbox, mailers_for


def _list_url(factory: Factory) -> str:
    return reverse("organisations:messages", kwargs={"org": factory.home.slug})


def _resend_url(factory: Factory, message: Message) -> str:
    return reverse(
        "organisations:resend_message", kwargs={"org": factory.home.slug, "pk": message.pk}
    )


def test_an_address_the_server_refuses_shows_on_the_page_with_its_reason(
    factory: Factory, officer_client: Client, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    inbox.rcpt_replies.append("550 5.1.1 No such mailbox here")
    post(
        key="test:refused",
        to="mina@exmaple.org",
        name="Mina Member",
        subject="Meeting on Wednesday 25 November 2026",
        body="Dear Mina,",
        organisation=factory.home,
    )
    with override_settings(MAILERS=mailers_for(port)):
        send_due()
    text = " ".join(officer_client.get(_list_url(factory)).content.decode().split())
    assert "Meeting on Wednesday 25 November 2026" in text
    assert "Mina Member<br>mina@exmaple.org" in text
    assert "Not delivered" in text
    assert "The mail server refused the address: 5.1.1 No such mailbox here (code 550)." in text
    assert f"{timezone.localdate():%-d %B %Y} at " in text
    assert str(timezone.localdate()) not in text  # no ISO date
    assert "Send again" in text


def test_auditors_read_the_list_but_are_offered_no_change(
    factory: Factory, auditor_client: Client
) -> None:
    message = factory.undelivered_email()
    text = auditor_client.get(_list_url(factory)).content.decode()
    assert message.subject in text and "Send again" not in text


def test_another_organisations_emails_are_not_listed_and_answer_404(
    factory: Factory, officer_client: Client
) -> None:
    theirs = factory.undelivered_email(factory.other, subject="Their own business")
    assert "Their own business" not in officer_client.get(_list_url(factory)).content.decode()
    assert officer_client.get(_resend_url(factory, theirs)).status_code == 404


def test_an_email_sent_again_after_a_cut_off_send_is_listed_as_possibly_twice(
    factory: Factory, officer_client: Client
) -> None:
    factory.undelivered_email(
        status=Status.SENT, possibly_twice=True, sent_at=timezone.now(), reason=""
    )
    factory.undelivered_email(status=Status.SENT, sent_at=timezone.now(), reason="")  # fine
    text = " ".join(officer_client.get(_list_url(factory)).content.decode().split())
    assert "May have arrived twice" in text and "Mina Member may have two copies" in text
    assert "1 email" in text


def test_correcting_the_address_sends_it_again_and_is_audited(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    message = factory.undelivered_email(to="mina@exmaple.org")
    response = officer_client.get(_resend_url(factory, message))
    assert 'value="mina@exmaple.org"' in response.content.decode()
    response = officer_client.post(_resend_url(factory, message), {"to": " mina@example.org "})
    assert response.status_code == 302 and response["Location"] == _list_url(factory)
    message.refresh_from_db()
    assert (message.status, message.to_address, message.attempts, message.reason) == (
        Status.WAITING,
        "mina@example.org",
        0,
        "",
    )
    assert audit_actions(message) == ["outbox_message.sent_again"]
    shown = officer_client.get(_list_url(factory)).content.decode()
    assert f"“{message.subject}” will be sent again to mina@example.org" in shown
    assert "Every email has been delivered" in shown  # no longer listed
    [email] = deliver()
    assert email.to == ["mina@example.org"] and email.subject == message.subject


def test_a_bad_address_is_refused_with_what_to_do_and_nothing_changes(
    factory: Factory, officer_client: Client
) -> None:
    message = factory.undelivered_email()
    for typed, said in [
        ("", "Enter the email address to send it to"),
        ("mina at example", "Enter an email address in the correct format, like name@example.com"),
        ("m" * 250 + "@example.org", "Enter an email address of 254 characters or fewer"),
    ]:
        response = officer_client.post(_resend_url(factory, message), {"to": typed})
        assert response.status_code == 200
        assert said in response.content.decode()
    message.refresh_from_db()
    assert message.status == Status.FAILED and message.to_address == "wrong@example.org"
    assert audit_actions(message) == []


def test_an_email_not_refused_cannot_be_sent_again(
    factory: Factory, officer_client: Client
) -> None:
    message = factory.undelivered_email(status=Status.SENT, sent_at=timezone.now())
    response = officer_client.post(_resend_url(factory, message), {"to": "mina@example.org"})
    assert response.status_code == 200
    assert "Only an email the mail server refused can be sent again" in response.content.decode()
    assert Message.objects.get(pk=message.pk).status == Status.SENT


def test_the_list_runs_the_same_queries_for_3_emails_as_for_30(
    factory: Factory, officer_client: Client
) -> None:
    def queries_with(count: int) -> int:
        while Message.objects.count() < count:
            factory.undelivered_email()
        with CaptureQueriesContext(connection) as captured:
            assert officer_client.get(_list_url(factory)).status_code == 200
        return len(captured)

    assert queries_with(3) == queries_with(30)


# -- the API ---------------------------------------------------------------------------


def test_the_api_lists_the_emails_not_delivered_a_page_at_a_time(
    client: Client, factory: Factory, auditor: User
) -> None:
    message = factory.undelivered_email()
    factory.undelivered_email(factory.other)
    body = client.get(f"{BASE}/home/undelivered-emails", headers=bearer(factory, auditor)).json()
    assert (body["page"], body["pages"], body["count"]) == (1, 1, 1)
    [row] = body["messages"]
    assert (row["id"], row["status"], row["to_address"]) == (
        message.pk,
        "failed",
        message.to_address,
    )
    assert row["reason"] == message.reason and row["possibly_twice"] is False


def test_the_api_sends_again_and_refuses_as_the_page_does(
    client: Client, factory: Factory, officer: User
) -> None:
    message = factory.undelivered_email()
    url = f"{BASE}/home/undelivered-emails/{message.pk}/send-again"
    headers = bearer(factory, officer)
    refused = post_json(client, url, {"to": "mina at example"}, headers)
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert refused.json() == {  # type: ignore[attr-defined]
        "detail": "Enter an email address in the correct format, like name@example.com",
        "rule": "validation",
        "field": "to",
        "problems": [],
    }
    sent = post_json(client, url, {"to": "mina@example.org"}, headers)
    assert sent.status_code == 200  # type: ignore[attr-defined]
    assert sent.json()["status"] == "waiting"  # type: ignore[attr-defined]
    assert audit_actions(message) == ["outbox_message.sent_again"]
    again = post_json(client, url, {"to": "mina@example.org"}, headers)
    assert again.status_code == 422  # type: ignore[attr-defined]
    assert "Only an email the mail server refused" in again.json()["detail"]  # type: ignore[attr-defined]
    assert [m.to for m in deliver()] == [["mina@example.org"]]


def test_sending_again_counts_the_tries_afresh(factory: Factory, officer: User) -> None:
    message = factory.undelivered_email(attempts=7)
    resend_message(message=message, to="mina@example.org", actor=officer)
    message.refresh_from_db()
    assert message.attempts == 0 and message.failed_at is None
    assert message.next_attempt_at <= timezone.now()
