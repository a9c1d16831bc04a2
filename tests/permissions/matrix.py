"""The persona matrix: for every page and API operation, what each persona gets.

Plain data, one ``Row`` per URL name (or API path) and method. Each engineer appends
rows for their own pages here (with str_replace, never rewriting others' rows).
``test_matrix.py`` fails when a URL pattern or API operation has no row, when a row
names something that no longer exists, and when any persona gets another answer.

Personas: ``anonymous``; ``officer`` and ``auditor`` of the organisation ``home``;
``outsider``, the officer of another organisation. Expected answers are status codes,
or ``SIGN_IN`` for a redirect to the sign-in page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.factory import Factory

SIGN_IN = "sign-in"
PERSONAS = ("anonymous", "officer", "auditor", "outsider")

Expected = int | str


def no_kwargs(factory: Factory) -> dict[str, Any]:
    return {}


def home_org(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug}


@dataclass(frozen=True)
class Row:
    """``target`` is a URL name ("accounts:sign-in") or an API path ("/api/v1/me")."""

    target: str
    method: str
    expect: dict[str, Expected]
    kwargs: Callable[[Factory], dict[str, Any]] = no_kwargs
    data: Callable[[Factory], dict[str, Any]] | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_api(self) -> bool:
        return self.target.startswith("/api/")


def everyone(status: Expected) -> dict[str, Expected]:
    return dict.fromkeys(PERSONAS, status)


ROWS: list[Row] = [
    # accounts (platform)
    Row("accounts:sign-in", "GET", everyone(200)),
    Row("accounts:sign-out", "POST", everyone(302)),
    Row("accounts:sign-out", "GET", everyone(405), note="signing out is POST only"),
    # API (platform)
    Row("api:openapi-json", "GET", everyone(200)),
    Row("api:openapi-view", "GET", everyone(200)),
    Row("api:api-root", "GET", everyone(404), note="ninja's bare root only names the docs"),
    Row(
        "/api/v1/me",
        "GET",
        {"anonymous": 401, "officer": 200, "auditor": 200, "outsider": 200},
    ),
]
