"""No client address or user agent is stored in any table, whatever sign-in does."""

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from tests.accounts.signing import (
    ENTER_CODE,
    REQUEST_CODE,
    code_in,
    last_email_to,
    link_in,
    password_sign_in,
)
from tests.factory import PASSWORD

ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.23"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) PanelkeeperTestBrowser/97.3"
TEXT_FIELDS = {"CharField", "TextField", "GenericIPAddressField", "JSONField", "EmailField"}


@pytest.fixture(autouse=True)
def empty_cache(db: None) -> None:
    cache.clear()


def everything_sign_in_does(client: Client, user: User) -> None:
    """Fail, step up, sign in by password and by code, reset a password, end sessions."""
    for _ in range(6):
        password_sign_in(client, user.email, "wrong")
    password_sign_in(client, user.email, PASSWORD)
    client.post(ENTER_CODE, {"code": code_in(last_email_to(user.email))})
    client.post(reverse("accounts:end_sessions"))
    client.post(reverse("accounts:sign-out"))
    client.post(REQUEST_CODE, {"email": user.email})
    client.post(ENTER_CODE, {"code": code_in(last_email_to(user.email))})
    client.post(reverse("accounts:sign-out"))
    client.post(reverse("account_reset_password"), {"email": user.email})
    form = client.get(link_in(last_email_to(user.email)), follow=True)
    new = "another kestrel password 2027"
    client.post(form.redirect_chain[-1][0], {"password1": new, "password2": new})
    password_sign_in(client, user.email, new)


def stored_text() -> list[tuple[str, str]]:
    """(where, text) for every text value of every model's table and the cache."""
    found = []
    for model in apps.get_models():
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if field.get_internal_type() in TEXT_FIELDS
        ]
        for row in model._default_manager.values_list(*fields) if fields else []:
            found += [(model._meta.label, str(value)) for value in row]
    # Session data is stored encoded: read it as Django does.
    found += [("session", str(session.get_decoded())) for session in Session.objects.all()]
    table = connection.ops.quote_name(settings.CACHES["default"]["LOCATION"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, value FROM {table}")
        found += [("cache", f"{key} {value}") for key, value in cursor.fetchall()]
    return found


def test_no_table_holds_the_address_or_the_user_agent(officer: User) -> None:
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    everything_sign_in_does(client, officer)
    stored = stored_text()
    assert len(stored) > 50, "sign-in should have written entries, emails and sessions"
    for where, text in stored:
        assert ADDRESS not in text, where
        assert AGENT not in text and "PanelkeeperTestBrowser" not in text, where


def test_behind_a_proxy_the_forwarded_address_is_stored_nowhere(
    officer: User, settings: object
) -> None:
    settings.BEHIND_PROXY = True  # type: ignore[attr-defined]
    client = Client(HTTP_X_FORWARDED_FOR=f"10.1.1.1, {FORWARDED}", HTTP_USER_AGENT=AGENT)
    everything_sign_in_does(client, officer)
    for where, text in stored_text():
        assert FORWARDED not in text, where
