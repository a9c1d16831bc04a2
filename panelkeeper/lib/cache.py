"""Housekeeping for Django's database cache.

The database cache deletes an expired row only when that key is read again or when
the table grows past its limit, so rows (sign-in throttle counters among them) could
otherwise linger long after they expire.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.utils import timezone


def purge_expired(alias: str = "default") -> int:
    """Delete the rows of a database cache that have expired; return how many."""
    cache = caches[alias]
    if not isinstance(cache, DatabaseCache):
        return 0
    table = settings.CACHES[alias]["LOCATION"]
    db = router.db_for_write(cache.cache_model_class)
    connection = connections[db]
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {connection.ops.quote_name(table)} WHERE expires < %s",
            [connection.ops.adapt_datetimefield_value(now)],
        )
        return int(cursor.rowcount)
