"""The API's plumbing, shared by every app's operations: the one refusal body, reading a
JSON body after the access policy has passed, and documenting it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Schema, Status
from ninja.errors import HttpError
from pydantic import ValidationError as PydanticValidationError

from panelkeeper.lib.refusals import Refused


class ProblemOut(Schema):
    detail: str
    field: str | None = None


class RefusalOut(Schema):
    """Every refusal the API gives: what to do, the rule it names, the field as sent."""

    detail: str
    rule: str | None = None
    field: str | None = None
    problems: list[ProblemOut] = []


REFUSED: dict[int, type[Schema]] = {422: RefusalOut}
"""The refusal an operation may answer, for its ``response=`` mapping: ``{201: X, **REFUSED}``.

An operation raises :class:`Refused` (or lets a domain function raise it); the API's one
exception handler (:mod:`panelkeeper.api`) answers 422 with :func:`refusal_out`."""


def refusal_out(refused: Refused) -> RefusalOut:
    """The body of the answer to a refused change."""
    return RefusalOut(
        detail=refused.message,
        rule=refused.rule,
        field=refused.field,
        problems=[ProblemOut(detail=p.message, field=p.field) for p in refused.problems],
    )


def refusal(refused: Refused, *, status: int = 422) -> Status[RefusalOut]:
    """The response to a refused change, where an operation answers with another status."""
    return Status(status, refusal_out(refused))


def read_body[S: Schema](request: HttpRequest, schema: type[S]) -> S:
    """The JSON body as ``schema``, read only after the access policy has passed."""
    try:
        return schema.model_validate_json(request.body or b"{}")
    except PydanticValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in e['loc']) or 'body'}: {e['msg']}"
            for e in error.errors()
        )
        raise HttpError(422, f"Send a JSON body like the example in the docs. {problems}") from None


def within_token[Q: QuerySet[Any]](request: HttpRequest, queryset: Q, *, via: str) -> Q:
    """``queryset`` as far as the caller may see it: a bearer token sees only the
    organisation it was made for, reached from each row by ``via``; a session sees all."""
    token = getattr(request, "api_token", None)
    return queryset if token is None else queryset.filter(**{via: token.organisation_id})


def body_doc(schema: type[Schema]) -> dict[str, Any]:
    """The OpenAPI description of a JSON body read by :func:`read_body`."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema.model_json_schema()}},
        }
    }
