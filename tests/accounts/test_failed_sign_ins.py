"""Failed sign-ins slow an attacker down without locking the real person out."""

import time

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils.dateparse import parse_datetime

from panelkeeper.accounts import throttle
from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.outbox.models import Message
from tests.accounts.signing import (
    ENTER_CODE,
    REQUEST_CODE,
    SECOND_FACTOR,
    SIGN_IN,
    app_code,
    code_in,
    last_email_to,
    password_sign_in,
    with_app,
)
from tests.factory import PASSWORD

ATTACKER = "203.0.113.77"


@pytest.fixture(autouse=True)
def empty_cache(db: None) -> None:
    cache.clear()


def eleven_wrong_passwords(email: str) -> None:
    attacker = Client()
    for _ in range(11):
        password_sign_in(attacker, email, "wrong", REMOTE_ADDR=ATTACKER)


def test_after_eleven_wrong_passwords_the_right_one_asks_for_an_emailed_code(
    client: Client, officer: User
) -> None:
    eleven_wrong_passwords(officer.email)
    assert password_sign_in(client, officer.email, PASSWORD) == ENTER_CODE
    assert SESSION_KEY not in client.session
    code = code_in(last_email_to(officer.email))
    response = client.post(ENTER_CODE, {"code": code})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_after_eleven_wrong_passwords_the_second_factor_signs_in(
    client: Client, officer: User
) -> None:
    with_app(officer)
    eleven_wrong_passwords(officer.email)
    assert password_sign_in(client, officer.email, PASSWORD) == SECOND_FACTOR
    client.post(SECOND_FACTOR, {"code": app_code()})
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_after_eleven_wrong_passwords_an_emailed_code_alone_signs_in(
    client: Client, officer: User
) -> None:
    eleven_wrong_passwords(officer.email)
    assert client.post(REQUEST_CODE, {"email": officer.email})["Location"] == ENTER_CODE
    client.post(ENTER_CODE, {"code": code_in(last_email_to(officer.email))})
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_a_few_wrong_passwords_do_not_change_how_the_right_one_signs_in(
    client: Client, officer: User
) -> None:
    for _ in range(throttle.STEP_UP_AFTER - 1):
        password_sign_in(Client(), officer.email, "wrong")
    assert password_sign_in(client, officer.email, PASSWORD) == "/"
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_the_right_password_alone_is_enough_again_once_the_owner_has_signed_in(
    client: Client, officer: User
) -> None:
    eleven_wrong_passwords(officer.email)
    password_sign_in(client, officer.email, PASSWORD)
    client.post(ENTER_CODE, {"code": code_in(last_email_to(officer.email))})
    assert throttle.recent_failures(officer.email) == 0


def test_a_wrong_password_after_the_step_up_is_still_refused(client: Client, officer: User) -> None:
    eleven_wrong_passwords(officer.email)
    page = client.post(SIGN_IN, {"email": officer.email, "password": "wrong"})
    assert "Enter a correct email address and password" in page.content.decode()
    assert SESSION_KEY not in client.session


def test_failed_sign_ins_are_audited_without_emailing_the_person(
    client: Client, officer: User
) -> None:
    password_sign_in(client, officer.email, "wrong")
    assert AuditEntry.objects.filter(
        action="user.sign_in_failed", object_id=str(officer.pk)
    ).exists()
    assert not Message.objects.filter(to_address=officer.email).exists()


def test_a_client_guessing_many_addresses_is_slowed_and_another_client_is_not(
    officer: User,
) -> None:
    guesser = Client()
    for n in range(20):
        password_sign_in(guesser, f"guess{n}@example.org", "wrong", REMOTE_ADDR=ATTACKER)
    page = guesser.post(
        SIGN_IN, {"email": officer.email, "password": PASSWORD}, REMOTE_ADDR=ATTACKER
    )
    assert "Too many tries from this device" in page.content.decode()
    assert SESSION_KEY not in guesser.session
    other = Client()
    password_sign_in(other, officer.email, PASSWORD, REMOTE_ADDR="198.51.100.1")
    assert other.session[SESSION_KEY] == str(officer.pk)


def test_every_counter_expires_within_the_hour(client: Client, officer: User) -> None:
    password_sign_in(client, officer.email, "wrong", REMOTE_ADDR=ATTACKER)
    client.post(REQUEST_CODE, {"email": officer.email}, REMOTE_ADDR=ATTACKER)
    table = settings.CACHES["default"]["LOCATION"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, expires FROM {connection.ops.quote_name(table)}")
        rows = cursor.fetchall()
    assert len(rows) >= 3  # the address's failures, the client's, the code request's
    for key, expires in rows:
        if isinstance(expires, str):  # SQLite hands back text
            expires = parse_datetime(expires)
        assert expires.timestamp() - time.time() <= 3600, key


def test_behind_a_proxy_the_client_is_the_last_forwarded_address(
    rf: pytest.FixtureRequest, settings: pytest.FixtureRequest
) -> None:
    settings.BEHIND_PROXY = True  # type: ignore[attr-defined]
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")  # type: ignore[attr-defined]
    assert throttle.client_address(request) == "203.0.113.9"
    forwarded = throttle.client_hash(request)
    settings.BEHIND_PROXY = False  # type: ignore[attr-defined]
    assert throttle.client_address(request) == "10.0.0.1"
    assert throttle.client_hash(request) != forwarded
    assert "10.0.0.1" not in throttle.client_hash(request)
