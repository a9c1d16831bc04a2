"""The lists of the retention pages and API: what is due to go, page by page, and legal
holds, both as the page and the API filter them."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Any

from django.db.models import Count, QuerySet

from panelkeeper.lib.apart import aggregated_apart
from panelkeeper.lib.lazy_rows import LazyRows
from panelkeeper.organisations.models import Organisation
from panelkeeper.retention.forms import HoldState
from panelkeeper.retention.models import LegalHold
from panelkeeper.retention.purge import DueRecord, DueSource, due_sources

PAGE_SIZE = 50
"""Records on a page of the due list or the legal holds, in the pages and the API."""


class DueRows(LazyRows[DueRecord]):
    """Every record due to go, in the dry run's order, read only a page at a time: each
    source is counted in the database, and a slice reads only the sources it spans."""

    def __init__(self, sources: list[DueSource]) -> None:
        self.sources = sources

    @cached_property
    def sizes(self) -> list[int]:
        """How many records each source holds: the querysets counted in one query."""
        querysets = [s.rows for s in self.sources if isinstance(s.rows, QuerySet)]
        counted = iter(aggregated_apart(querysets, lambda _: {"size": Count("pk")}))
        return [
            next(counted)["size"] if isinstance(s.rows, QuerySet) else len(s.rows)
            for s in self.sources
        ]

    def count_rows(self) -> int:
        return sum(self.sizes)

    def read(self, start: int, stop: int) -> list[DueRecord]:
        found: list[DueRecord] = []
        offset = 0
        for source, size in zip(self.sources, self.sizes, strict=True):
            lo, hi = max(start - offset, 0), min(stop - offset, size)
            if lo < hi:
                found += [source.as_due(row) for row in source.rows[lo:hi]]
            offset += size
        return found


def due_chosen(organisation: Organisation, *, today: dt.date, kind: str | None) -> DueRows:
    """What the next purge would take on ``today`` (of one ``kind``, when given)."""
    return DueRows(due_sources(organisation, today=today, kind=kind))


def holds_chosen(organisation: Organisation | int, chosen: dict[str, Any]) -> QuerySet[LegalHold]:
    """The organisation's legal holds a ``HoldFilterForm`` chose, newest first."""
    holds = LegalHold.objects.filter(organisation=organisation)
    if chosen.get("state") == HoldState.IN_FORCE:
        holds = holds.in_force()
    elif chosen.get("state") == HoldState.LIFTED:
        holds = holds.filter(lifted_at__isnull=False)
    return holds.order_by("-placed_at", "-id")
