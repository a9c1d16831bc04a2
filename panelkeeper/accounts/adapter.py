"""django-allauth, held to panelkeeper's rules.

allauth does the sign-in, the emailed sign-in codes, password reset and second factors;
these adapters decide what it may not decide for us:

- no sign-up: people come in by invitation only;
- the client's address is only ever a keyed hash (``get_client_ip``), and the user agent
  is never read, so neither reaches a table, an email or the cache;
- every email goes through the outbox, keyed so each is sent once;
- every sign-in, failed sign-in and security change is an audit entry, and the person
  is emailed about sign-ins and security changes (:mod:`panelkeeper.accounts.notices`);
- no lockout: after several failed passwords for an address the right password must be
  followed by a second factor or an emailed code (:mod:`panelkeeper.accounts.throttle`),
  as it must for someone seated on a case's investigating group as a member.
"""

from __future__ import annotations

import hashlib
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.models import Login
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse

from panelkeeper.accounts import sealing, throttle
from panelkeeper.accounts.models import User
from panelkeeper.accounts.notices import NOTICES, notify
from panelkeeper.accounts.permissions import decides_as_member
from panelkeeper.outbox.posting import post

WRONG_DETAILS = "Enter a correct email address and password"

# What allauth's notification emails are about, as (notice, fields of the user touched).
_NOTIFICATIONS = {
    "password_changed": ["password"],
    "password_set": ["password"],
    "password_reset": ["password"],
}


# An authenticator app, a passkey or a security key (recovery codes only back one up).
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def has_second_factor(user: Any) -> bool:
    """Whether ``user`` has an authenticator app, a passkey or a security key."""
    return bool(
        user.is_authenticated
        and Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()
    )


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth has no types
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": WRONG_DETAILS,
        "too_many_login_attempts": "Too many tries from this device. Wait 15 minutes, "
        "or ask for a sign-in code by email",
        "rate_limited": "Too many tries. Wait a minute, then try again",
        "invalid_code": "The code is not right. Check the email and enter the code again",
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """No sign-up: people come in by an invitation to an organisation or a case."""
        return False

    def get_client_ip(self, request: HttpRequest) -> str:
        """A keyed hash of the address, never the address (for allauth's rate limits)."""
        return throttle.client_hash(request)

    def get_http_user_agent(self, request: HttpRequest) -> str:
        """Never read: no table or email of ours holds a user agent."""
        return ""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Render allauth's email (from our templates) and post it to the outbox.

        Every message allauth sends carries a fresh secret (a sign-in code, a reset
        link), so a hash of what it says is a key unique to it and stable if posted twice.
        """
        message = self.render_mail(template_prefix, email, {"email": email, **context})
        body = str(message.body)
        digest = hashlib.sha256(f"{template_prefix}\n{email}\n{body}".encode()).hexdigest()
        post(
            key=f"account-email:{digest}",
            to=email,
            subject=str(message.subject),
            body=body,
        )

    def send_notification_mail(
        self,
        template_prefix: str,
        user: Any,
        context: dict[str, Any] | None = None,
        email: str | None = None,
    ) -> None:
        """A security change: audited and emailed in our words (no address, no device)."""
        what = template_prefix.rsplit("/", 1)[-1]
        if what in NOTICES:
            notify(user, what, fields=_NOTIFICATIONS.get(what, []))

    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().post_login(request, user, **kwargs)
        throttle.clear_email(user.email)
        notify(user, "signed_in", fields=["last_login"])
        return response

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        """Count the failure against the address and audit it for an existing account."""
        email = str(credentials.get("email") or "")
        throttle.record_failure(email)
        user = User.objects.filter(email__iexact=email).first() if email else None
        if user is not None:
            notify(user, "sign_in_failed")

    def is_login_by_code_required(self, login: Login) -> bool:
        """An emailed code as well as the password, when the password alone is not enough.

        After several failed passwords for the address (or for a member seated on an
        investigating group) the code is asked for, unless the person has a second
        factor of their own, which allauth asks for next in any case.
        """
        if super().is_login_by_code_required(login):
            return True
        user = login.user
        records = get_authentication_records(self.request, user)
        signed_in_by_code = bool(records) and records[-1]["method"] == "code"
        if user is None or signed_in_by_code or has_second_factor(user):
            return False
        return throttle.needs_step_up(login.email or user.email) or decides_as_member(user)


class MFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]  # allauth has no types
    def get_totp_issuer(self) -> str:
        return "panelkeeper"

    def encrypt(self, text: str) -> str:
        """Second-factor secrets are sealed before they are stored (:mod:`.sealing`)."""
        return sealing.seal(text)

    def decrypt(self, encrypted_text: str) -> str:
        return sealing.unseal(encrypted_text)
