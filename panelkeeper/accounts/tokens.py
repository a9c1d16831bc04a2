"""API tokens: made once, stored as a hash, found by prefix, revocable.

A token reads ``pk_<prefix>_<secret>``. The prefix (8 hex characters) is stored as is
so a token can be listed and revoked; the whole token is stored only as its SHA-256
hash. The secret carries 256 random bits, so a fast hash is enough: nobody can guess
their way back to it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.accounts.models import ApiToken, Grant, User

if TYPE_CHECKING:
    # For the annotation only: organisations sits above accounts.
    from panelkeeper.organisations.models import Organisation

_SCHEME = "pk"
# Writing last_used on every request would turn each API read into a write.
_LAST_USED_RESOLUTION = timedelta(minutes=5)


class TokenError(Exception):
    """A token cannot be made or revoked; the message says why, for the console."""


@dataclass(frozen=True)
class NewToken:
    """A token just made: ``plaintext`` exists only here and is never stored."""

    token: ApiToken
    plaintext: str


def _hash(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def create_token(*, user: User, organisation: Organisation, name: str) -> NewToken:
    """Make a token for a user who holds a grant on the organisation."""
    if not Grant.objects.filter(user=user, organisation=organisation).exists():
        raise TokenError(f"{user.email} holds no grant at {organisation.slug}.")
    with transaction.atomic():
        while True:
            prefix = secrets.token_hex(4)
            if not ApiToken.objects.filter(prefix=prefix).exists():
                break
        plaintext = f"{_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
        token = ApiToken.objects.create(
            user=user,
            organisation=organisation,
            name=name,
            prefix=prefix,
            secret_hash=_hash(plaintext),
        )
    return NewToken(token=token, plaintext=plaintext)


def revoke_token(*, prefix: str) -> ApiToken:
    """Revoke the token with this prefix; revoking twice keeps the first time."""
    try:
        token = ApiToken.objects.get(prefix=prefix)
    except ApiToken.DoesNotExist:
        raise TokenError(f"No token has the prefix {prefix!r}.") from None
    if token.revoked is None:
        token.revoked = timezone.now()
        token.save(update_fields=["revoked"])
    return token


def authenticate_token(plaintext: str) -> ApiToken | None:
    """The active token this text is, or None; marks when it was last used."""
    scheme, _, rest = plaintext.partition("_")
    prefix, _, secret = rest.partition("_")
    if scheme != _SCHEME or not prefix or not secret:
        return None
    token = (
        ApiToken.objects.active()
        .select_related("user", "organisation")
        .filter(prefix=prefix, user__is_active=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, _hash(plaintext)):
        return None
    now = timezone.now()
    if token.last_used is None or now - token.last_used > _LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
    return token
