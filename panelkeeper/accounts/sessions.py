"""Where a person is signed in: one :class:`SignInSession` per browser session.

A session is known only by a keyed hash of its session key, so the table can show and
end sessions without holding anything that would let someone take one over, and holds
no IP address or user agent. Ending a session marks it; the middleware signs that
browser out at its next request (:func:`check`), whatever the session store.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from panelkeeper.accounts.models import SignInSession, User
from panelkeeper.accounts.notices import notify

# Last active is rewritten at most this often, so most requests only read.
TOUCH_EVERY = datetime.timedelta(minutes=5)


def key_hash(session_key: str) -> str:
    return salted_hmac("panelkeeper.session", session_key, algorithm="sha256").hexdigest()


def _current_hash(request: HttpRequest) -> str | None:
    """The hash of the session making ``request``; None for an API token's request,
    which no session makes."""
    if getattr(request, "api_token", None) is not None:
        return None
    key = request.session.session_key
    return key_hash(key) if key else None


def started(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    """Record the session a sign-in just made (``user_logged_in``'s receiver).

    A receiver rather than a call in each sign-in path, because Django's ``login()`` is
    called from several (allauth's pages, accepting an invitation, the test client) and
    each must be listed. It writes no audit entry: the sign-in itself is audited by the
    allauth adapter.
    """
    key = request.session.session_key if request is not None else None
    if key:
        now = timezone.now()
        SignInSession.objects.get_or_create(
            key_hash=key_hash(key), defaults={"user": user, "started_at": now, "last_active": now}
        )


def check(request: HttpRequest) -> None:
    """Keep the signed-in request's session row: make it for a session signed in before
    sessions were listed, sign the browser out when the session was ended elsewhere,
    note when it was last active."""
    user = request.user
    current = _current_hash(request)
    if not user.is_authenticated or current is None:
        return
    now = timezone.now()
    # Every signed-in request asks this: the three values it needs, found by the unique
    # hash alone (not in the table's listing order, which would join the users to sort).
    found = (
        SignInSession.objects.filter(key_hash=current)
        .order_by()
        .values_list("user_id", "ended_at", "last_active")
        .first()
    )
    if found is None:
        SignInSession.objects.get_or_create(
            key_hash=current, defaults={"user": user, "started_at": now, "last_active": now}
        )
        return
    user_id, ended_at, last_active = found
    if ended_at is not None or user_id != user.pk:
        logout(request)
    elif now - last_active >= TOUCH_EVERY:
        SignInSession.objects.filter(key_hash=current).update(last_active=now)


def end_current(request: HttpRequest) -> None:
    """Mark this browser's session ended, as it signs out."""
    current = _current_hash(request)
    if current is not None:
        SignInSession.objects.filter(key_hash=current, ended_at__isnull=True).update(
            ended_at=timezone.now()
        )


@dataclass(frozen=True)
class Listed:
    """A session as the person sees it: ``ref`` names it without revealing its hash."""

    ref: int
    started_at: datetime.datetime
    last_active: datetime.datetime
    this_one: bool


def listing(request: HttpRequest, user: User) -> list[Listed]:
    """``user``'s current sessions, the one making ``request`` first."""
    current = _current_hash(request)
    rows = SignInSession.objects.current(now=timezone.now()).filter(user=user)
    listed = [
        Listed(row.pk, row.started_at, row.last_active, row.key_hash == current) for row in rows
    ]
    return sorted(listed, key=lambda entry: not entry.this_one)


def end_others(request: HttpRequest, user: User) -> int:
    """Sign ``user`` out everywhere but this browser; audited and emailed. Returns how
    many sessions were ended (nothing is recorded or sent when there were none)."""
    current = _current_hash(request)
    now = timezone.now()
    with transaction.atomic():
        others = SignInSession.objects.current(now=now).filter(user=user)
        if current is not None:
            others = others.exclude(key_hash=current)
        ended = others.update(ended_at=now)
        if ended:
            notify(user, "sessions_ended")
    return ended
