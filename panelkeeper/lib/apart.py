"""Aggregates of several querysets, each apart from the others, in one query.

A page that counts many lists (the retention schedule counts each part of each kind of
record) would otherwise run one query per list, each costing Django more to build and
send than the database takes to answer. :func:`aggregated_apart` reads the rows of every
queryset, numbered by queryset, in one ``UNION ALL`` and aggregates each queryset's rows
over it, so the database reads each row once and answers in one round trip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import Aggregate, IntegerField, Q, QuerySet, Value

SOURCE = "source_number"
"""The column that numbers each row's queryset; an aggregate may count it (never null)."""

type Aggregates = Callable[[int, Q], dict[str, Aggregate]]
"""The aggregates of queryset ``i``, each filtered on the ``Q`` given, which keeps its rows."""


def aggregated_apart(
    querysets: Sequence[QuerySet[Any]], columns: Sequence[str], aggregates: Aggregates
) -> list[dict[str, Any]]:
    """For each of ``querysets``, what ``.aggregate(**aggregates(i, ...))`` gives, in one
    query: their ``columns`` (fields or annotations, of the same types in each) in a
    ``UNION ALL``, each row numbered by its queryset, every aggregate of queryset ``i``
    filtered on ``Q`` that keeps only its rows. A queryset with no rows gives each
    aggregate's empty value (0 for a count, None for a minimum)."""
    if not querysets:
        return []
    numbered = [
        qs.order_by()
        .annotate(**{SOURCE: Value(i, output_field=IntegerField())})
        .values(SOURCE, *columns)
        for i, qs in enumerate(querysets)
    ]
    each = [aggregates(i, Q(**{SOURCE: i})) for i in range(len(querysets))]
    wanted = {
        f"{name}_{i}": aggregate
        for i, named in enumerate(each)
        for name, aggregate in named.items()
    }
    found = numbered[0].union(*numbered[1:], all=True).order_by().aggregate(**wanted)
    return [{name: found[f"{name}_{i}"] for name in named} for i, named in enumerate(each)]
