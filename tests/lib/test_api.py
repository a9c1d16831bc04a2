"""An API operation declared for its audience in one decorator: its policy, its answers,
its body and its summary, as the OpenAPI document shows them."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, cast

import pytest
from django.db import connection
from django.http import HttpRequest
from django.test.utils import CaptureQueriesContext
from ninja import NinjaAPI, Router, Schema, Status
from ninja.errors import HttpError
from ninja.testing import TestClient

from panelkeeper.accounts.permissions import AccessPolicy, policy_of
from panelkeeper.lib.api import (
    ERRORS_ANYONE,
    ERRORS_SIGNED_IN,
    Audience,
    Out,
    PageQuery,
    paged,
    read_body,
)
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member
from tests.factory import Factory

_names = itertools.count()


class ThingIn(Schema):
    name: str


class ThingOut(Out):
    name: str


CLOSED = AccessPolicy("closed")


def closed[V: Callable[..., Any]](operation: V) -> V:
    """A policy that lets a caller in only with ``?key=open``."""

    @functools.wraps(operation)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.GET.get("key") != "open":
            raise HttpError(403, "Closed.")
        return operation(request, *args, **kwargs)

    guarded.access_policy = CLOSED  # type: ignore[attr-defined]  # as the policies declare
    return cast(V, guarded)


def documented(router: Router) -> dict[str, Any]:
    api = NinjaAPI(urls_namespace=f"audience-test-{next(_names)}")
    api.add_router("", router)
    paths: dict[str, Any] = api.get_openapi_schema(path_prefix="")["paths"]
    return paths


def test_a_change_documents_its_body_its_status_and_its_errors() -> None:
    router = Router()

    @Audience(closed).post(router, "/things", ThingOut, status=201, body=ThingIn)
    def add_thing(request: HttpRequest) -> Status[ThingOut]:
        """Add a thing.

        The name is kept as sent."""
        return Status(201, ThingOut(name=read_body(request, ThingIn).name))

    operation = documented(router)["/things"]["post"]
    assert set(operation["responses"]) == {201, 401, 403, 404, 422} == {201, *ERRORS_SIGNED_IN}
    for code in ERRORS_SIGNED_IN:
        error = operation["responses"][code]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/RefusalOut"}
    assert operation["summary"] == "Add a thing"
    assert operation["description"] == "The name is kept as sent."
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["name"]["type"] == "string"


def test_an_operation_for_anyone_documents_no_sign_in_errors() -> None:
    router = Router()

    @Audience(closed).get(router, "/things", list[ThingOut])
    def things(request: HttpRequest) -> list[ThingOut]:
        """Every thing."""
        return []

    @Audience(closed, auth=None).get(router, "/things/{name}", ThingOut)
    def thing(request: HttpRequest, name: str) -> ThingOut:
        """One thing,
        by its name."""
        return ThingOut(name=name)

    paths = documented(router)
    assert set(paths["/things"]["get"]["responses"]) == {200, *ERRORS_SIGNED_IN}
    assert "description" not in paths["/things"]["get"]
    assert set(paths["/things/{name}"]["get"]["responses"]) == {200, 404, 422}
    assert set(ERRORS_ANYONE) == {404, 422}
    assert paths["/things/{name}"]["get"]["summary"] == "One thing, by its name"


def test_a_summary_built_from_data_leaves_the_docstring_as_the_description() -> None:
    router = Router()
    kinds = ["small", "large"]

    @Audience(closed).put(router, "/kinds", None, summary="Set one of: " + ", ".join(kinds))
    def set_kind(request: HttpRequest) -> None:
        """Set a kind."""

    operation = documented(router)["/kinds"]["put"]
    assert operation["summary"] == "Set one of: small, large"
    assert operation["description"] == "Set a kind."


def test_the_audience_policy_guards_the_operation_and_is_declared_on_it() -> None:
    router = Router()

    @Audience(closed).post(router, "/things", ThingOut, status=201, body=ThingIn)
    def add_thing(request: HttpRequest) -> Status[ThingOut]:
        """Add a thing."""
        return Status(201, ThingOut(name=read_body(request, ThingIn).name))

    assert policy_of(add_thing) == CLOSED
    client = TestClient(router)
    refused = client.post("/things", json={"name": "lamp"})
    assert refused.status_code == 403
    added = client.post("/things?key=open", json={"name": "lamp"})
    assert added.status_code == 201
    assert added.json() == {"name": "lamp"}
    # The body is read after the policy: a bad body from a caller kept out is still 403.
    assert client.post("/things", json={"colour": "red"}).status_code == 403
    with pytest.raises(Refused) as refused_body:  # the API's handler answers it with 422
        client.post("/things?key=open", json={"colour": "red"})
    assert refused_body.value.field == "name"


def test_a_list_is_paged_with_its_counts_and_past_the_end_gives_the_last_page() -> None:
    rows = [1, 2, 3, 4, 5, 6, 7]
    assert paged(rows, PageQuery(page=2), size=3) == (
        [4, 5, 6],
        {"page": 2, "pages": 3, "count": 7},
    )
    assert paged(rows, PageQuery(page=9), size=3) == ([7], {"page": 3, "pages": 3, "count": 7})
    assert paged([], PageQuery(), size=3) == ([], {"page": 1, "pages": 1, "count": 0})


def test_a_list_read_through_a_join_is_counted_without_the_join(factory: Factory) -> None:
    factory.many_members(7)
    members = Member.objects.order_by("full_name")
    with CaptureQueriesContext(connection) as captured:
        rows, counts = paged(
            members.values_list("full_name", "group__name"),
            PageQuery(page=3),
            size=3,
            counted=members,
        )
    assert rows == [("Member 00006", "Customer Scrutiny Panel")]
    assert counts == {"page": 3, "pages": 3, "count": 7}
    counting = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"]]
    assert len(counting) == 1 and "JOIN" not in counting[0]


class RowOut(Out):
    name: str
    due: dt.date | None = None


class RowsOut(Out):
    rows: list[RowOut]


def test_an_answer_reads_a_rows_attributes_and_is_taken_as_built_inside_another() -> None:
    read = RowOut.model_validate(SimpleNamespace(name="Sam", due=dt.date(2026, 1, 5), other=1))
    assert read == RowOut(name="Sam", due=dt.date(2026, 1, 5))
    assert RowOut.model_validate(SimpleNamespace(name="Ali")).due is None
    built = RowOut(name="Sam")
    assert RowsOut(rows=[built]).rows[0] is built  # not read again, field by field
