"""Proving a paged list costs the same queries whatever its length (STYLE 17)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def as_page_form(query: dict[str, str]) -> dict[str, str]:
    """An API list's ``query`` as the page's filter form sends it: each day (``since``,
    ``until``) in its three boxes."""
    form: dict[str, str] = {}
    for name, value in query.items():
        if name in ("since", "until"):
            day = dt.date.fromisoformat(value)
            form |= {f"{name}_day": str(day.day), f"{name}_month": str(day.month)}
            form[f"{name}_year"] = str(day.year)
        else:
            form[name] = value
    return form


def queries_for(client: Client, url: str, **get: Any) -> int:
    """How many SQL queries answering a GET of ``url`` runs (it must answer 200); ``get``
    is passed on (``headers`` for the API)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **get)
        assert response.status_code == 200, response.content[:500]
    return len(captured)


def assert_same_queries_at_3_and_30(client: Client, url: str, add: Callable[[int], object]) -> None:
    """``url`` runs as many queries listing 3 rows as 30; ``add(n)`` adds n rows."""
    add(3)
    at_3 = queries_for(client, url)
    add(27)
    assert queries_for(client, url) == at_3
