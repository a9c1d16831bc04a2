"""Reading many rows a batch at a time, for jobs over many people."""

from __future__ import annotations

from collections.abc import Iterator

from django.db import models


def in_batches[M: models.Model](queryset: models.QuerySet[M], size: int) -> Iterator[list[M]]:
    """``queryset``'s rows, ``size`` at a time, in primary key order.

    Each batch is read only when the one before has been handled, starting after the
    last key handled, so rows added or removed meanwhile neither repeat nor shift others.
    """
    after = None
    while True:
        page = queryset.order_by("pk")
        if after is not None:
            page = page.filter(pk__gt=after)
        batch = list(page[:size])
        if not batch:
            return
        yield batch
        after = batch[-1].pk
