"""Rate limits on the public concern pages, kept the way sign-in throttling keeps them.

The mechanism is the platform's (:mod:`panelkeeper.accounts.throttle`): the client is
known only by an HMAC of its address under the project's secret, the count lives only
in Django's database cache in a fixed window that closes within the hour, and expired
rows are purged as counts are made. No address, and no unkeyed derivative of one, is
written anywhere else. Limits are per client and per organisation.
"""

from __future__ import annotations

import time
from enum import StrEnum

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from panelkeeper.accounts.throttle import WINDOW_MINUTES, WINDOW_SECONDS, client_address
from panelkeeper.lib.cache import purge_expired


class Limit(StrEnum):
    """What is counted; each has its own allowance per window."""

    SUBMIT = "submit"
    """Concerns sent by one client."""
    CODE = "code"
    """Receipt codes tried that matched nothing."""
    MESSAGE = "message"
    """Messages sent by reporters following a concern up."""


ALLOWANCE = {Limit.SUBMIT: 5, Limit.CODE: 5, Limit.MESSAGE: 20}
__all__ = ["ALLOWANCE", "WINDOW_MINUTES", "Limit", "count", "is_blocked"]


def _key(limit: Limit, request: HttpRequest, organisation_slug: str) -> str:
    client = f"{organisation_slug}:{client_address(request)}"
    digest = salted_hmac(f"panelkeeper.concerns.{limit}", client, algorithm="sha256").hexdigest()
    return f"concerns:{limit}:{digest}"


def is_blocked(limit: Limit, request: HttpRequest, organisation_slug: str) -> bool:
    """True when this client has used its allowance for ``limit`` in the current window."""
    entry = cache.get(_key(limit, request, organisation_slug))
    return entry is not None and entry["count"] >= ALLOWANCE[limit]


def count(limit: Limit, request: HttpRequest, organisation_slug: str) -> None:
    """Count one use of ``limit`` by this client."""
    purge_expired()
    now = time.time()
    key = _key(limit, request, organisation_slug)
    entry = cache.get(key)
    if entry is None or entry["until"] <= now:
        entry = {"count": 0, "until": now + WINDOW_SECONDS}
    entry["count"] += 1
    cache.set(key, entry, timeout=max(1, int(entry["until"] - now)))
