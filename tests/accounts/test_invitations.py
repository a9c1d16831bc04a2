"""Invitations: sent through the outbox, single use, expiring, refused with what to do."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.invitations import (
    InvitationRefused,
    accept,
    invite,
    open_invitation,
    resend,
    withdraw,
)
from panelkeeper.accounts.models import Grant, Invitation, User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.outbox.models import Message
from tests.delivery import deliver
from tests.factory import PASSWORD, Factory


def _token(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[1]


def test_an_invitation_is_an_outbox_message_posted_with_it(factory: Factory) -> None:
    sent = factory.invitation(email="Jo@Kestrel.Example")
    invitation = sent.invitation
    assert invitation.email == "jo@kestrel.example"
    assert invitation.expires_at - invitation.created_at == pytest.approx(
        dt.timedelta(days=7), abs=dt.timedelta(seconds=5)
    )
    message = Message.objects.get(key=f"invitation:{invitation.pk}:1")
    assert message.to_address == "jo@kestrel.example"
    assert sent.link in message.body
    assert AuditEntry.objects.filter(action="invitation.created", object_id=invitation.pk).exists()
    [email] = deliver()
    assert sent.link in email.body


def test_only_a_hash_of_the_token_is_stored(factory: Factory) -> None:
    sent = factory.invitation()
    token = _token(sent.link)
    assert token not in sent.invitation.token_hash
    assert not Invitation.objects.filter(token_hash=token).exists()
    assert open_invitation(token) == sent.invitation


def test_a_malformed_address_or_a_second_waiting_invitation_is_refused(factory: Factory) -> None:
    with pytest.raises(Refused, match="correct format"):
        invite(email="not an email", role="officer", organisation=factory.home, actor=None)
    factory.invitation(email="jo@example.org")
    with pytest.raises(Refused, match="already has an invitation waiting"):
        factory.invitation(email="jo@example.org", role="auditor")
    with pytest.raises(Refused, match="officer or auditor"):
        invite(email="x@example.org", role="administrator", organisation=factory.home, actor=None)
    assert Invitation.objects.count() == 1


def test_accepting_gives_the_role_once(factory: Factory) -> None:
    sent = factory.invitation(email="jo@example.org", role="auditor")
    user = factory.user(email="jo@example.org")
    accept(token=_token(sent.link), user=user)
    assert Grant.objects.filter(user=user, organisation=factory.home, role="auditor").exists()
    with pytest.raises(InvitationRefused, match="already been used"):
        accept(token=_token(sent.link), user=user)
    assert AuditEntry.objects.filter(action="invitation.accepted").count() == 1
    assert AuditEntry.objects.filter(action="grant.created").count() == 1


def test_someone_else_cannot_accept_it(factory: Factory) -> None:
    sent = factory.invitation(email="jo@example.org")
    with pytest.raises(Refused, match="signed in as"):
        accept(token=_token(sent.link), user=factory.user(email="sam@example.org"))
    assert not Grant.objects.filter(user__email="sam@example.org").exists()


def test_resending_makes_a_new_link_and_the_old_one_stops_working(factory: Factory) -> None:
    sent = factory.invitation()
    again = resend(invitation=sent.invitation, actor=None)
    assert again.link != sent.link
    with pytest.raises(InvitationRefused, match="not valid"):
        open_invitation(_token(sent.link))
    assert open_invitation(_token(again.link)).sent == 2
    assert Message.objects.filter(key=f"invitation:{sent.invitation.pk}:2").exists()


def _refusal_page(client: Client, link: str) -> tuple[int, str]:
    response = client.get(reverse("accounts:invitation", kwargs={"token": _token(link)}))
    return response.status_code, response.content.decode()


def test_an_expired_invitation_is_refused_with_what_to_do(factory: Factory) -> None:
    sent = factory.invitation()
    Invitation.objects.filter(pk=sent.invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    status, page = _refusal_page(Client(), sent.link)
    assert status == 410
    assert "This invitation expired on" in page
    assert "Ask an officer of Home Housing to send you a new one." in page


def test_a_withdrawn_invitation_is_refused_with_what_to_do(factory: Factory) -> None:
    sent = factory.invitation()
    withdraw(invitation=sent.invitation, actor=factory.officer())
    status, page = _refusal_page(Client(), sent.link)
    assert status == 410
    assert "This invitation was withdrawn. Ask an officer of Home Housing" in page


def test_a_used_invitation_is_refused_with_what_to_do(factory: Factory) -> None:
    sent = factory.invitation(email="jo@example.org")
    accept(token=_token(sent.link), user=factory.user(email="jo@example.org"))
    status, page = _refusal_page(Client(), sent.link)
    assert status == 410
    assert "already been used. Sign in with jo@example.org" in page


def test_an_unknown_link_is_refused(factory: Factory) -> None:
    status, page = _refusal_page(Client(), "/invitations/nothing-here/")
    assert status == 404
    assert "not valid" in page


def test_a_newcomer_sets_a_name_and_password_and_is_signed_in(factory: Factory) -> None:
    sent = factory.invitation(email="jo@example.org")
    url = reverse("accounts:invitation", kwargs={"token": _token(sent.link)})
    client = Client()
    assert "Create a password" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "first_name": "Jo",
            "last_name": "Bird",
            "password": "kestrel-panel-2026",
            "password_again": "kestrel-panel-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="jo@example.org")
    assert user.get_full_name() == "Jo Bird"
    assert user.check_password("kestrel-panel-2026")
    assert Grant.objects.filter(user=user, organisation=factory.home, role="officer").exists()
    home = client.get(reverse("today:today", kwargs={"org": "home"}))
    assert home.status_code == 200
    # Accepting signs them in, and that sign-in is audited and emailed like any other.
    assert AuditEntry.objects.filter(action="user.signed_in", object_id=str(user.pk)).exists()
    assert Message.objects.filter(
        to_address="jo@example.org", subject="You signed in to panelkeeper"
    ).exists()


def test_a_weak_password_is_refused_and_nothing_is_saved(factory: Factory) -> None:
    sent = factory.invitation(email="jo@example.org")
    url = reverse("accounts:invitation", kwargs={"token": _token(sent.link)})
    response = Client().post(
        url,
        {"first_name": "Jo", "last_name": "Bird", "password": "123", "password_again": "123"},
    )
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert not User.objects.filter(email="jo@example.org").exists()
    assert Invitation.objects.get(pk=sent.invitation.pk).accepted_at is None


def test_someone_with_an_account_signs_in_then_accepts(factory: Factory) -> None:
    user = factory.user(email="jo@example.org")
    sent = factory.invitation(email="jo@example.org")
    url = reverse("accounts:invitation", kwargs={"token": _token(sent.link)})
    client = Client()
    page = client.get(url).content.decode()
    assert "Sign in to accept" in page
    assert client.post(url).status_code == 200  # not signed in: nothing happens
    assert not Grant.objects.filter(user=user).exists()
    assert client.login(username="jo@example.org", password=PASSWORD)
    assert client.post(url).status_code == 302
    assert Grant.objects.filter(user=user, organisation=factory.home).exists()
