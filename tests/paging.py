"""Proving a paged list costs the same queries whatever its length (STYLE 17)."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_for(client: Client, url: str) -> int:
    """How many SQL queries answering a GET of ``url`` runs (it must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, response.content[:500]
    return len(captured)


def assert_same_queries_at_3_and_30(client: Client, url: str, add: Callable[[int], object]) -> None:
    """``url`` runs as many queries listing 3 rows as 30; ``add(n)`` adds n rows."""
    add(3)
    at_3 = queries_for(client, url)
    add(27)
    assert queries_for(client, url) == at_3
