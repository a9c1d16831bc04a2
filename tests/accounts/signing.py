"""Helpers for the sign-in tests: signing in through the pages, reading the codes and
links the outbox holds, and an authenticator app's current code."""

from __future__ import annotations

import re
import time

from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.outbox.models import Message
from tests.factory import PASSWORD

SIGN_IN = reverse("accounts:sign-in")
REQUEST_CODE = reverse("account_request_login_code")
ENTER_CODE = reverse("account_confirm_login_code")
SECOND_FACTOR = reverse("mfa_authenticate")
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def password_sign_in(client: Client, email: str, password: str, **extra: str) -> str:
    """Post the sign-in form; the address the answer sends the browser to ("" if none)."""
    response = client.post(SIGN_IN, {"email": email, "password": password}, **extra)  # type: ignore[arg-type]
    return str(response.get("Location", ""))


def last_email_to(address: str) -> Message:
    message = Message.objects.filter(to_address=address).order_by("-id").first()
    assert message is not None, f"no email to {address}"
    return message


def code_in(message: Message) -> str:
    """The sign-in code in an email: the line holding only the code."""
    found = re.search(r"^([A-Z0-9-]{6,})$", message.body, re.MULTILINE)
    assert found is not None, message.body
    return found.group(1)


def link_in(message: Message) -> str:
    found = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert found is not None, message.body
    return found.group(1)


def with_app(user: User) -> User:
    """``user`` with an authenticator app set up (the secret :data:`SECRET`)."""
    TOTP.activate(user, SECRET)
    return user


def app_code(secret: str = SECRET) -> str:
    """The code an authenticator app set up with ``secret`` shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def confirmed(user: User) -> Client:
    """``user`` signed in through the pages (and their app, if they have one), then
    confirming their password, as changing a second factor asks."""
    client = Client()
    if password_sign_in(client, user.email, PASSWORD) == SECOND_FACTOR:
        client.post(SECOND_FACTOR, {"code": app_code()})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client
