"""Signing in with a code sent by email, instead of a password."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.outbox.models import Message
from tests.accounts.signing import ENTER_CODE, REQUEST_CODE, code_in, last_email_to
from tests.factory import Factory


@pytest.fixture(autouse=True)
def empty_cache(db: None) -> None:
    cache.clear()


def test_the_sign_in_page_offers_a_code_by_email(client: Client, db: None) -> None:
    page = client.get(reverse("accounts:sign-in")).content.decode()
    assert REQUEST_CODE in page
    assert "Email me a sign-in code" in page


def test_a_member_signs_in_with_an_emailed_code(client: Client, factory: Factory) -> None:
    member = factory.member()
    response = client.post(REQUEST_CODE, {"email": member.email})
    assert response["Location"] == ENTER_CODE
    email = last_email_to(member.email)
    assert email.subject == "panelkeeper: Your panelkeeper sign-in code"
    assert "works once, for 15 minutes" in email.body
    response = client.post(ENTER_CODE, {"code": code_in(email)})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(member.pk)


def test_a_code_works_only_once(client: Client, officer: User) -> None:
    client.post(REQUEST_CODE, {"email": officer.email})
    code = code_in(last_email_to(officer.email))
    client.post(ENTER_CODE, {"code": code})
    assert client.session[SESSION_KEY] == str(officer.pk)
    client.post(reverse("accounts:sign-out"))
    again = client.post(ENTER_CODE, {"code": code})
    assert again.status_code == 302
    assert again["Location"] == REQUEST_CODE
    assert SESSION_KEY not in client.session


def test_a_code_sent_to_one_browser_does_not_work_in_another(client: Client, officer: User) -> None:
    client.post(REQUEST_CODE, {"email": officer.email})
    thief = Client()
    thief.post(ENTER_CODE, {"code": code_in(last_email_to(officer.email))})
    assert SESSION_KEY not in thief.session


def test_a_wrong_code_is_refused_and_three_send_the_person_back_to_the_start(
    client: Client, officer: User
) -> None:
    client.post(REQUEST_CODE, {"email": officer.email})
    first = client.post(ENTER_CODE, {"code": "WRONG1"})
    assert first.status_code == 200
    assert "There is a problem" in first.content.decode()
    client.post(ENTER_CODE, {"code": "WRONG2"})
    last = client.post(ENTER_CODE, {"code": "WRONG3"})
    assert last.status_code == 302
    right = code_in(last_email_to(officer.email))
    client.post(ENTER_CODE, {"code": right})
    assert SESSION_KEY not in client.session


def test_an_address_with_no_account_gets_the_same_answer_and_no_email(
    client: Client, db: None
) -> None:
    response = client.post(REQUEST_CODE, {"email": "nobody@example.org"})
    assert response["Location"] == ENTER_CODE
    assert not Message.objects.filter(to_address="nobody@example.org").exists()


def test_signing_in_by_code_is_audited_and_emailed(client: Client, officer: User) -> None:
    client.post(REQUEST_CODE, {"email": officer.email})
    client.post(ENTER_CODE, {"code": code_in(last_email_to(officer.email))})
    notice = last_email_to(officer.email)
    assert notice.subject == "You signed in to panelkeeper"
    assert reverse("accounts:sessions") in notice.body


def test_a_member_who_chose_emailed_codes_signs_in_with_one_and_cannot_reuse_it(
    client: Client, factory: Factory
) -> None:
    member = factory.member()
    member.set_unusable_password()
    member.save()
    client.post(REQUEST_CODE, {"email": member.email})
    code = code_in(last_email_to(member.email))
    client.post(ENTER_CODE, {"code": code})
    assert client.session[SESSION_KEY] == str(member.pk)
    client.post(reverse("accounts:sign-out"))
    client.post(ENTER_CODE, {"code": code})
    assert SESSION_KEY not in client.session
