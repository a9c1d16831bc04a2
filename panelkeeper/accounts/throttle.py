"""Failed sign-ins slow an attacker down without locking the real person out.

Nothing here refuses the right credentials because of someone else's wrong guesses:

- Each client is known by a keyed hash of its IP address (HMAC with the project's secret),
  never the address itself: :func:`client_hash` is what allauth sees as the client's
  address (the adapter's ``get_client_ip``), so its per-client limits
  (``ACCOUNT_RATE_LIMITS`` in settings, each expiring within the hour) keep no address.
- Failures for one email address are counted, in a window that closes within the hour.
  Once :data:`STEP_UP_AFTER` have failed, the right password alone no longer signs in:
  the person is also asked for their second factor, or sent a code by email
  (:meth:`panelkeeper.accounts.adapter.AccountAdapter.is_login_by_code_required`).
  Signing in by an emailed code never counts against the address.

Counts live only in Django's database cache (shared by every web process), keyed by a
keyed hash of the address; expired rows go with the daily cache purge.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from panelkeeper.lib.cache import purge_expired

WINDOW_SECONDS = 15 * 60
WINDOW_MINUTES = WINDOW_SECONDS // 60
STEP_UP_AFTER = 5

assert WINDOW_SECONDS <= 3600, "rate-limit entries must expire within the hour"


def client_address(request: HttpRequest) -> str:
    """The client's IP address: the proxy's last X-Forwarded-For entry when behind one."""
    if settings.BEHIND_PROXY:
        forwarded: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return str(request.META.get("REMOTE_ADDR", ""))


def _digest(kind: str, value: str) -> str:
    return salted_hmac(f"panelkeeper.sign-in.{kind}", value, algorithm="sha256").hexdigest()


def client_hash(request: HttpRequest) -> str:
    """A keyed hash standing for the client's address: the same client gives the same
    hash, and the address cannot be read back from it."""
    return _digest("client", client_address(request))


def _email_key(email: str) -> str:
    return f"sign-in:email:{_digest('email', email.strip().lower())}"


def record_failure(email: str) -> None:
    """Count one failed sign-in against ``email``, in a window fixed when it opens."""
    purge_expired()
    now = time.time()
    key = _email_key(email)
    entry = cache.get(key)
    if entry is None or entry["until"] <= now:
        entry = {"count": 0, "until": now + WINDOW_SECONDS}
    entry["count"] += 1
    cache.set(key, entry, timeout=max(1, int(entry["until"] - now)))


def recent_failures(email: str) -> int:
    """How many sign-ins with ``email`` have failed in the current window."""
    entry = cache.get(_email_key(email))
    if entry is None or entry["until"] <= time.time():
        return 0
    return int(entry["count"])


def needs_step_up(email: str) -> bool:
    """Whether the password alone is no longer enough for ``email`` this window."""
    return recent_failures(email) >= STEP_UP_AFTER


def clear_email(email: str) -> None:
    """Forget the failures for ``email`` once its owner has signed in."""
    cache.delete(_email_key(email))
