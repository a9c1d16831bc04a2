"""Sign-in is throttled per email address and per client, without storing addresses."""

import time

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts import throttle
from panelkeeper.accounts.models import User
from tests.factory import PASSWORD

SIGN_IN = reverse("accounts:sign-in")
ADDRESS = "203.0.113.77"


@pytest.fixture(autouse=True)
def empty_cache(db: None) -> None:
    cache.clear()


def fail(client: Client, email: str, times: int) -> None:
    for _ in range(times):
        client.post(SIGN_IN, {"email": email, "password": "wrong"}, REMOTE_ADDR=ADDRESS)


def test_too_many_failures_for_an_email_ask_the_person_to_wait(
    client: Client, officer: User
) -> None:
    fail(client, officer.email, throttle.MAX_FAILURES_PER_EMAIL)
    response = client.post(
        SIGN_IN, {"email": officer.email, "password": PASSWORD}, REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 429
    assert SESSION_KEY not in client.session
    assert f"Wait {throttle.WINDOW_MINUTES} minutes" in response.content.decode()


def test_one_failure_short_of_the_limit_still_lets_the_right_password_in(
    client: Client, officer: User
) -> None:
    fail(client, officer.email, throttle.MAX_FAILURES_PER_EMAIL - 1)
    client.post(SIGN_IN, {"email": officer.email, "password": PASSWORD}, REMOTE_ADDR=ADDRESS)
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_a_client_trying_many_addresses_is_throttled(client: Client, officer: User) -> None:
    for n in range(throttle.MAX_FAILURES_PER_CLIENT):
        fail(client, f"guess{n}@example.org", 1)
    response = client.post(
        SIGN_IN, {"email": officer.email, "password": PASSWORD}, REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 429


def test_another_client_is_not_throttled_by_someone_elses_guesses(
    client: Client, officer: User
) -> None:
    for n in range(throttle.MAX_FAILURES_PER_CLIENT):
        fail(client, f"guess{n}@example.org", 1)
    client.post(SIGN_IN, {"email": officer.email, "password": PASSWORD}, REMOTE_ADDR="198.51.100.1")
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_the_ip_address_is_stored_nowhere_not_even_in_the_cache(
    client: Client, officer: User
) -> None:
    fail(client, officer.email, 3)
    table = settings.CACHES["default"]["LOCATION"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, value FROM {connection.ops.quote_name(table)}")
        rows = cursor.fetchall()
    assert rows, "the throttle should have counted the failures"
    for key, value in rows:
        assert ADDRESS not in key and ADDRESS not in str(value)
        assert officer.email not in key
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.get_internal_type() in {"CharField", "TextField", "GenericIPAddressField"}:
                assert not model._default_manager.filter(
                    **{f"{field.name}__contains": ADDRESS}
                ).exists(), f"{model._meta.label}.{field.name}"


def test_counters_expire_within_the_hour(client: Client, officer: User) -> None:
    fail(client, officer.email, 1)
    table = settings.CACHES["default"]["LOCATION"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT expires FROM {connection.ops.quote_name(table)}")
        expiries = [row[0] for row in cursor.fetchall()]
    assert len(expiries) == 2  # one for the email address, one for the client
    for expires in expiries:
        if isinstance(expires, str):  # SQLite hands back text
            from django.utils.dateparse import parse_datetime

            expires = parse_datetime(expires)
        assert expires.timestamp() - time.time() <= 3600


def test_a_successful_sign_in_clears_the_count_for_that_email(
    client: Client, officer: User
) -> None:
    fail(client, officer.email, throttle.MAX_FAILURES_PER_EMAIL - 1)
    client.post(SIGN_IN, {"email": officer.email, "password": PASSWORD}, REMOTE_ADDR=ADDRESS)
    client.logout()
    fail(client, officer.email, throttle.MAX_FAILURES_PER_EMAIL - 1)
    client.post(SIGN_IN, {"email": officer.email, "password": PASSWORD}, REMOTE_ADDR=ADDRESS)
    assert client.session[SESSION_KEY] == str(officer.pk)


def test_behind_a_proxy_the_client_is_the_last_forwarded_address(
    rf: pytest.FixtureRequest, settings: pytest.FixtureRequest
) -> None:
    settings.BEHIND_PROXY = True  # type: ignore[attr-defined]
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")  # type: ignore[attr-defined]
    assert throttle.client_address(request) == "203.0.113.9"
    settings.BEHIND_PROXY = False  # type: ignore[attr-defined]
    assert throttle.client_address(request) == "10.0.0.1"
