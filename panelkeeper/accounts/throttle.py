"""Sign-in throttling: too many failures for one email address or one client → wait.

Counts live only in Django's database cache (shared by every web process), each in a
fixed window that closes within the hour. The client is known by a keyed hash of its
IP address (HMAC with the project's secret), never the address itself, and that hash
is never written to any table but the cache's, where it expires with its window.
Expired rows are deleted whenever a failure is counted and by the daily cache purge.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from panelkeeper.lib.cache import purge_expired

WINDOW_SECONDS = 15 * 60
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_CLIENT = 20
WINDOW_MINUTES = WINDOW_SECONDS // 60

assert WINDOW_SECONDS <= 3600, "rate-limit entries must expire within the hour"


@dataclass(frozen=True)
class _Counter:
    key: str
    limit: int


def client_address(request: HttpRequest) -> str:
    """The client's IP address: the proxy's last X-Forwarded-For entry when behind one."""
    if settings.BEHIND_PROXY:
        forwarded: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return str(request.META.get("REMOTE_ADDR", ""))


def _keyed(kind: str, value: str) -> str:
    digest = salted_hmac(f"panelkeeper.sign-in.{kind}", value, algorithm="sha256").hexdigest()
    return f"sign-in:{kind}:{digest}"


def _counters(request: HttpRequest, email: str) -> tuple[_Counter, _Counter]:
    return (
        _Counter(_keyed("email", email.strip().lower()), MAX_FAILURES_PER_EMAIL),
        _Counter(_keyed("client", client_address(request)), MAX_FAILURES_PER_CLIENT),
    )


def is_blocked(request: HttpRequest, email: str) -> bool:
    """True when the email address or the client has used up its failures this window."""
    for counter in _counters(request, email):
        entry = cache.get(counter.key)
        if entry is not None and entry["count"] >= counter.limit:
            return True
    return False


def record_failure(request: HttpRequest, email: str) -> None:
    """Count one failed sign-in against the email address and the client."""
    purge_expired()
    now = time.time()
    for counter in _counters(request, email):
        entry = cache.get(counter.key)
        if entry is None or entry["until"] <= now:
            entry = {"count": 0, "until": now + WINDOW_SECONDS}
        entry["count"] += 1
        # The window's end is fixed when it opens; re-saving keeps that expiry.
        cache.set(counter.key, entry, timeout=max(1, int(entry["until"] - now)))


def clear_email(email: str) -> None:
    """Forget the failures for an email address once its owner signs in."""
    cache.delete(_keyed("email", email.strip().lower()))
