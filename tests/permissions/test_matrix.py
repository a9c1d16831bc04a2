"""Every page and API operation declares who may use it, and keeps to it.

Confidentiality by design (DESIGN.md): anonymous → sign in (API: 401 JSON); another
organisation → 404; own organisation without the role → 403.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import AccessPolicy, policy_of
from panelkeeper.api import api
from tests.factory import Factory
from tests.permissions.matrix import PERSONAS, ROWS, SIGN_IN, Row

API_NAMESPACE = api.urls_namespace


def url_patterns(
    patterns: list[Any] | None = None, namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    """(qualified name, pattern) for every URL pattern, however deeply included."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry.url_patterns, inner)
        else:
            yield f"{namespace}{entry.name or ''}", entry


def api_operations() -> Iterator[tuple[str, str, Any]]:
    """(path under /api/, method, view function) for every API operation."""
    for bound in api._get_bound_routers():
        for path, path_view in bound.path_operations.items():
            for operation in path_view.operations:
                full = "/api/" + f"{bound.prefix}{path}".strip("/").replace("//", "/")
                for method in operation.methods:
                    yield full, method, operation.view_func


def page_patterns() -> list[tuple[str, URLPattern]]:
    """Every URL pattern except the API operations' (their policies sit on operations)."""
    return [
        (name, pattern)
        for name, pattern in url_patterns()
        if getattr(pattern.callback, "__module__", "") != "ninja.operation"
    ]


def test_every_url_pattern_declares_an_access_policy() -> None:
    missing = [
        f"{name or '(unnamed)'} {pattern.pattern}"
        for name, pattern in page_patterns()
        if policy_of(pattern.callback) is None
    ]
    assert missing == [], "Decorate these views with public, signed_in or staff(...)"


def test_every_url_pattern_has_a_name() -> None:
    unnamed = [
        str(pattern.pattern) for name, pattern in page_patterns() if name.endswith(":") or not name
    ]
    assert unnamed == [], "Name every URL pattern so the matrix can refer to it"


def test_every_api_operation_declares_an_access_policy() -> None:
    missing = [
        f"{method} {path}" for path, method, view in api_operations() if policy_of(view) is None
    ]
    assert missing == [], (
        "Decorate these operations with api_public, api_signed_in or api_staff(...)"
    )


def test_every_page_and_operation_has_a_row_and_every_row_a_target() -> None:
    rows_for = {(row.target, row.method) for row in ROWS}
    targets = {row.target for row in ROWS}
    pages = {name for name, _ in page_patterns()}
    operations = {(path, method) for path, method, _ in api_operations()}
    without_row = sorted(name for name in pages if name not in targets)
    without_row += sorted(f"{m} {p}" for p, m in operations if (p, m) not in rows_for)
    assert without_row == [], "Add rows for these to tests/permissions/matrix.py"
    stale = sorted(
        f"{row.method} {row.target}"
        for row in ROWS
        if (row.is_api and (row.target, row.method) not in operations)
        or (not row.is_api and row.target not in pages)
    )
    assert stale == [], "These rows name pages or operations that no longer exist"


def test_every_row_covers_every_persona() -> None:
    incomplete = [f"{row.method} {row.target}" for row in ROWS if set(row.expect) != set(PERSONAS)]
    assert incomplete == []


def _policy_for(row: Row) -> AccessPolicy | None:
    if row.is_api:
        views = [
            view
            for path, method, view in api_operations()
            if (path, method) == (row.target, row.method)
        ]
        return policy_of(views[0]) if views else None
    patterns = [pattern for name, pattern in page_patterns() if name == row.target]
    return policy_of(patterns[0].callback) if patterns else None


def test_staff_rows_keep_to_the_ladder() -> None:
    """Staff pages: anonymous → sign in (API 401), the outsider → 404, whatever else."""
    wrong = []
    for row in ROWS:
        policy = _policy_for(row)
        if policy is None or policy.name != "staff" or row.expect.get("officer") == 405:
            continue
        if row.expect["anonymous"] != (401 if row.is_api else SIGN_IN):
            wrong.append(f"{row.method} {row.target}: anonymous")
        if row.expect["outsider"] != 404:
            wrong.append(f"{row.method} {row.target}: outsider")
    assert wrong == []


def _client_for(persona: str, factory: Factory) -> tuple[Client, User | None]:
    client = Client()
    if persona == "anonymous":
        return client, None
    user: User = getattr(factory, persona)()
    client.force_login(user)
    return client, user


def _answer(
    row: Row, persona: str, factory: Factory, url: str, data: dict[str, Any] | None
) -> str | None:
    """What is wrong with ``persona``'s answer to ``row``, or None when it is as expected."""
    client, _ = _client_for(persona, factory)
    # A GET's data is its query string (Client.generic would send it as a body).
    if row.method == "GET":
        response = client.get(url, data)
    elif row.method == "POST" and row.is_api:
        # An empty JSON object: past the access policy, the body's missing fields are refused.
        response = client.post(url, json.dumps(data or {}), content_type="application/json")
    elif row.method == "POST":
        response = client.post(url, data or {})
    else:
        response = client.generic(row.method, url)
    expected = row.expect[persona]
    got = response.status_code
    if expected == SIGN_IN:
        if got != 302 or not response["Location"].startswith(reverse("accounts:sign-in")):
            return f"{persona}: expected the sign-in page, got {got}"
        return None
    if got != expected:
        return f"{persona}: expected {expected}, got {got}"
    if (
        row.is_api
        and got in (401, 403, 404)
        and not response["Content-Type"].startswith("application/json")
    ):
        return f"{persona}: a refusal from the API must be JSON"
    return None


@pytest.mark.parametrize(
    "row", [pytest.param(row, id=f"{row.method} {row.target}") for row in ROWS]
)
def test_every_persona_gets_the_expected_answer(row: Row, factory: Factory) -> None:
    """Each persona asks in a savepoint rolled back afterwards, so what one persona's
    request changes (a form saved, a letter sent) never shapes the next one's answer;
    the row's records are made once, before the first persona asks."""
    for persona in PERSONAS:
        if persona != "anonymous":
            getattr(factory, persona)()
    kwargs = row.kwargs(factory)
    url = row.target.format(**kwargs) if row.is_api else reverse(row.target, kwargs=kwargs)
    data = row.data(factory) if row.data else None
    wrong = []
    for persona in PERSONAS:
        with transaction.atomic():
            problem = _answer(row, persona, factory, url, data)
            transaction.set_rollback(True)
        if problem is not None:
            wrong.append(problem)
    assert wrong == [], f"{row.method} {row.target}: " + "; ".join(wrong)
