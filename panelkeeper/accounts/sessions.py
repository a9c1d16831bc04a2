"""Where a person is signed in: one :class:`SignInSession` per browser session.

A session is known only by a keyed hash of its session key, so the table can show and
end sessions without holding anything that would let someone take one over, and holds
no IP address or user agent. Ending a session marks it; the middleware signs that
browser out at its next request (:func:`check`), whatever the session store.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, logout
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from panelkeeper.accounts.models import SignInSession, User
from panelkeeper.accounts.notices import notify
from panelkeeper.accounts.session_store import TOUCH_EVERY, SignIn, key_hash


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


def user_of(request: HttpRequest) -> User | AnonymousUser:
    """Who is signed in on ``request``'s session: :func:`django.contrib.auth.get_user`,
    taking the user read with the session where it can.

    The session's sign-in row names a user, read in the session's own query
    (:class:`~panelkeeper.accounts.session_store.SessionStore`). Where that is the
    session's user, and its backend reads users as Django's ``ModelBackend`` does, the
    checks ``get_user`` makes are made on it here: an inactive user, or a session from
    before the password last changed (or signed with a key no longer kept), is signed
    out. Any other session is left to ``get_user`` itself.
    """
    session = request.session
    user_id = session.get(SESSION_KEY)  # reads the session, with its sign-in row
    listed = getattr(session, "listed_user", None)
    backend_path = session.get(BACKEND_SESSION_KEY)
    if (
        not isinstance(listed, User)
        or user_id != str(listed.pk)
        or backend_path not in settings.AUTHENTICATION_BACKENDS
    ):
        return auth.get_user(request)
    backend = auth.load_backend(backend_path)
    if not isinstance(backend, ModelBackend) or type(backend).get_user is not ModelBackend.get_user:
        return auth.get_user(request)
    if not backend.user_can_authenticate(listed):
        return AnonymousUser()
    session_hash = session.get(HASH_SESSION_KEY)
    auth_hash = listed.get_session_auth_hash()
    if session_hash and constant_time_compare(session_hash, auth_hash):
        return listed
    if session_hash and any(
        constant_time_compare(session_hash, fallback)
        for fallback in listed.get_session_auth_fallback_hash()
    ):
        session.cycle_key()
        session[HASH_SESSION_KEY] = auth_hash
        return listed
    session.flush()
    return AnonymousUser()


def check(request: HttpRequest) -> None:
    """Keep the signed-in request's session row: make it for a session signed in before
    sessions were listed, sign the browser out when the session was ended elsewhere,
    note when it was last active."""
    user = request.user
    current = _current_hash(request)
    if not user.is_authenticated or current is None:
        return
    found = _sign_in(request, current)
    if found.user_id is None:
        now = timezone.now()
        SignInSession.objects.get_or_create(
            key_hash=current, defaults={"user": user, "started_at": now, "last_active": now}
        )
    elif found.ended or found.user_id != user.pk:
        logout(request)
    elif found.stale:
        SignInSession.objects.filter(key_hash=current).update(last_active=timezone.now())


def _sign_in(request: HttpRequest, current: str) -> SignIn:
    """The sign-in row of the session whose key hashes to ``current``: as read with the
    session (:class:`~panelkeeper.accounts.session_store.SessionStore`), or read now
    where it was not."""
    read = getattr(request.session, "sign_in", None)
    if isinstance(read, SignIn) and read.key_hash == current:
        return read
    # By the unique hash alone (not in the table's listing order, which would join the
    # users to sort).
    found = (
        SignInSession.objects.filter(key_hash=current)
        .order_by()
        .values_list("user_id", "ended_at", "last_active")
        .first()
    )
    if found is None:
        return SignIn(current, None, ended=False, stale=False)
    user_id, ended_at, last_active = found
    stale = timezone.now() - last_active >= TOUCH_EVERY
    return SignIn(current, user_id, ended=ended_at is not None, stale=stale)


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
