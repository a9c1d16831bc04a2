"""Aggregates of several querysets, each apart from the others, in one query.

A page that counts many lists (the retention schedule counts each part of each kind of
record) would otherwise run one query per list, each costing Django more to build and
send than the database takes to answer. :func:`aggregated_apart` aggregates each
queryset in a ``SELECT`` of its own, numbered, and sends them together in one
``UNION ALL``: one round trip, one row for each queryset.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import Aggregate, IntegerField, QuerySet, Value

SOURCE = "source_number"
"""The column that numbers each queryset's row of aggregates."""


def aggregated_apart(
    querysets: Sequence[QuerySet[Any]], aggregates: Callable[[int], dict[str, Aggregate]]
) -> list[dict[str, Any]]:
    """For each of ``querysets``, what ``.aggregate(**aggregates(i))`` gives, in one query.

    Each aggregate is computed in its queryset's own ``SELECT``: one that reads an
    annotation made by a subquery runs that subquery for each reference to it, where
    ``.aggregate`` alone would read the annotation once from a subquery of its own. A
    queryset that can match nothing gives each aggregate's empty value (0 for a count,
    None for a minimum)."""
    each = [aggregates(i) for i in range(len(querysets))]
    numbered = [
        # Ordering is cleared last, before the query is compiled and grouped: an ordering
        # the queryset came with never reaches its GROUP BY.
        qs.values(**{SOURCE: Value(i, output_field=IntegerField())}).annotate(**named).order_by()
        for i, (qs, named) in enumerate(zip(querysets, each, strict=True))
    ]
    found = (
        {row.pop(SOURCE): row for row in numbered[0].union(*numbered[1:], all=True).order_by()}
        if numbered
        else {}
    )
    return [
        found.get(i) or {name: a.empty_result_set_value for name, a in named.items()}
        for i, named in enumerate(each)
    ]
