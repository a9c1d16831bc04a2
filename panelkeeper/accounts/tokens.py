"""API tokens: made once, stored as a hash, found by prefix, expiring, revocable, audited.

A token reads ``pk_<prefix>_<secret>``. The prefix (8 hex characters) is stored as is
so a token can be listed and revoked; the whole token is stored only as its SHA-256
hash. The secret carries 256 random bits, so a fast hash is enough: nobody can guess
their way back to it.

Every token has a last day (90 days from its making unless chosen otherwise, never
less than a day nor more than a year ahead); from the day after, it is refused exactly
as a wrong token is. Making and revoking a token each write an audit entry naming the
token's row (its prefix is on it), never its secret.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from panelkeeper.accounts.models import ApiToken, Grant, User
from panelkeeper.audit.log import create_recorded, save_values
from panelkeeper.lib.refusals import Refused
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    # For the annotation only: organisations sits above accounts.
    from panelkeeper.organisations.models import Organisation

_SCHEME = "pk"
# Writing last_used on every request would turn each API read into a write.
_LAST_USED_RESOLUTION = timedelta(minutes=5)

DEFAULT_LIFETIME = timedelta(days=90)
SHORTEST_LIFETIME = timedelta(days=1)
LONGEST_LIFETIME = timedelta(days=365)
NAME_LENGTH = 100


class TokenError(Refused):
    """A token cannot be made or revoked; the message says why (the console catches it)."""


@dataclass(frozen=True)
class NewToken:
    """A token just made: ``plaintext`` exists only here and is never stored."""

    token: ApiToken
    plaintext: str


def _hash(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def default_expiry(today: datetime.date) -> datetime.date:
    """The last day of a token made on ``today`` when its maker chooses none."""
    return today + DEFAULT_LIFETIME


def _checked_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise TokenError("Enter a name that says what the token is for", field="name")
    if len(name) > NAME_LENGTH:
        raise TokenError(f"The name must be {NAME_LENGTH} characters or fewer", field="name")
    return name


def _checked_expiry(expires_on: datetime.date, today: datetime.date) -> datetime.date:
    earliest, latest = today + SHORTEST_LIFETIME, today + LONGEST_LIFETIME
    if expires_on < earliest:
        raise TokenError(
            f"The last day must be {day_month_year(earliest)} or later", field="expires_on"
        )
    if expires_on > latest:
        raise TokenError(
            f"The last day must be no more than a year away: {day_month_year(latest)} or earlier",
            field="expires_on",
        )
    return expires_on


def create_token(
    *,
    user: User,
    organisation: Organisation,
    name: str,
    actor: User | None,
    expires_on: datetime.date | None = None,
) -> NewToken:
    """Make a token for a user who holds a grant on the organisation, lasting until the
    end of ``expires_on`` (90 days ahead when None). ``actor`` is who made it: the user
    themself on a page or through the API, None from the console."""
    today = timezone.localdate()
    name = _checked_name(name)
    expires_on = _checked_expiry(expires_on or default_expiry(today), today)
    if not Grant.objects.filter(user=user, organisation=organisation).exists():
        raise TokenError(f"{user.email} holds no grant at {organisation.slug}.")
    with transaction.atomic():
        while True:
            prefix = secrets.token_hex(4)
            if not ApiToken.objects.filter(prefix=prefix).exists():
                break
        plaintext = f"{_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
        token = create_recorded(
            ApiToken,
            actor=actor,
            organisation=organisation,
            action="api_token.created",
            logged={"user": user, "name": name, "prefix": prefix, "expires_on": expires_on},
            secret_hash=_hash(plaintext),
        )
    return NewToken(token=token, plaintext=plaintext)


def revoke_token(*, prefix: str, actor: User | None = None) -> ApiToken:
    """Revoke the token with this prefix; revoking twice keeps the first time (and its
    one audit entry). ``actor`` is who revoked it; None from the console."""
    with transaction.atomic():
        token = (
            ApiToken.objects.select_for_update(of=("self",))
            .select_related("user", "organisation")
            .filter(prefix=prefix)
            .first()
        )
        if token is None:
            raise TokenError(f"No token has the prefix {prefix!r}.", field="prefix")
        if token.revoked is None:
            save_values(
                token,
                {"revoked": timezone.now()},
                action="api_token.revoked",
                actor=actor,
                organisation=token.organisation,
            )
    return token


def tokens_seen_by(
    *, user: User, organisation: Organisation, roles: frozenset[str]
) -> QuerySet[ApiToken]:
    """The organisation's tokens ``user`` may see and revoke, newest first.

    An officer sees every staff token of the organisation, to revoke one a colleague
    can no longer be asked about; anyone else (an auditor) only their own. A token is a
    credential: an auditor's oversight is the audit log's entries for each token made
    and revoked, not the power to stop a colleague's integration.
    """
    tokens = ApiToken.objects.filter(organisation=organisation).select_related("user")
    if Grant.Role.OFFICER not in roles:
        tokens = tokens.filter(user=user)
    return tokens.order_by("-created", "-pk")


def authenticate_token(plaintext: str) -> ApiToken | None:
    """The working token this text is, or None; marks when it was last used.

    An expired or revoked token is None, exactly like a wrong one, so a caller learns
    nothing about which tokens once existed.
    """
    scheme, _, rest = plaintext.partition("_")
    prefix, _, secret = rest.partition("_")
    if scheme != _SCHEME or not prefix or not secret:
        return None
    token = (
        ApiToken.objects.active(today=timezone.localdate())
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
