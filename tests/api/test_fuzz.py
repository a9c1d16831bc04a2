"""Schemathesis fuzzes every operation of the OpenAPI document, as an officer (API token),
a member (signed-in session, with its CSRF token) and an anonymous caller: no answer is a
server error, and every answer is as its operation documents it.

Examples come from the document itself, within the schema and outside it, and are sent
in-process to the WSGI application; the organisation in each path is the caller's own,
so the examples reach past the access policy. The examples per operation are few, so
the whole run takes minutes on a small machine: ``PANELKEEPER_FUZZ_EXAMPLES`` raises
them for a longer hunt. Marked ``once``: it tests the API, not the database, so it runs
on SQLite only (see ``tests/conftest.py``).
"""

from __future__ import annotations

import collections
import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from panelkeeper.wsgi import application
from tests.factory import Factory

pytestmark = pytest.mark.once

EXAMPLES = int(os.environ.get("PANELKEEPER_FUZZ_EXAMPLES", "8"))
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def in_process() -> Iterator[None]:
    """Requests share the test's database connection, as the test client's do: Django
    otherwise closes it at the end of each request, losing the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def credentials(factory: Factory, caller: str) -> tuple[dict[str, str], dict[str, str], str]:
    """The headers, cookies and own member id (for /my/ paths) of ``caller``."""
    factory.the_case  # noqa: B018  (a case, so its operations have something to find)
    member = factory.member_record
    if caller == "officer":
        token = factory.token(factory.officer()).plaintext
        return {"Authorization": f"Bearer {token}"}, {}, str(member.pk)
    if caller == "member":
        session = Client()
        session.force_login(factory.member())
        csrf = get_token(RequestFactory().get("/"))
        cookies = {"sessionid": session.cookies["sessionid"].value, "csrftoken": csrf}
        return {"X-CSRFToken": csrf}, cookies, str(member.pk)
    return {}, {}, str(member.pk)


def fuzz(
    operation: Any, headers: dict[str, str], cookies: dict[str, str], own: dict[str, str]
) -> list[int]:
    """Send ``EXAMPLES`` examples (in and outside the schema) to ``operation``; the
    statuses answered. A failed check raises, with the request to reproduce it."""
    fixed = {name: value for name, value in own.items() if f"{{{name}}}" in operation.path}
    strategies = [
        operation.as_strategy(mode, path_parameters=fixed)
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    ]
    statuses: list[int] = []

    @given(case=st.one_of(strategies))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def send(case: Any) -> None:
        response = case.call_and_validate(headers=headers, cookies=cookies, checks=CHECKS)
        statuses.append(response.status_code)

    send()
    return statuses


@pytest.mark.parametrize("caller", ["officer", "member", "anonymous"])
def test_no_operation_answers_a_server_error_or_outside_its_schema(
    factory: Factory, in_process: None, caller: str
) -> None:
    headers, cookies, member = credentials(factory, caller)
    own = {"org": "home", "member": member}
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    failures: list[str] = []
    answered: collections.Counter[int] = collections.Counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        try:
            answered.update(fuzz(operation, headers, cookies, own))
        except (Exception, BaseExceptionGroup) as failure:  # every operation is tried; all listed
            failures.append(f"{operation.method.upper()} {operation.path}\n{failure}")
    assert not failures, f"{len(failures)} operations failed:\n\n" + "\n\n".join(failures)
    # The caller really was who it says: a signed-in caller is answered, a stranger is not.
    succeeded = sum(count for status, count in answered.items() if status < 300)
    if caller == "anonymous":
        assert succeeded < answered.total() and answered[401] > 0
    else:
        assert succeeded > 0, answered
