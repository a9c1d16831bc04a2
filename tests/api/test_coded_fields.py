"""Every field with a fixed set of values is an enum in the OpenAPI document; one whose
values come from the organisation's code names its list of the vocabulary operation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from panelkeeper.api import api

CODED = {
    "about",
    "channel",
    "chair_basis",
    "contact_by",
    "customer_type",
    "decision",
    "direction",
    "effect",
    "giver_kind",
    "grounds",
    "kind",
    "level",
    "method",
    "outcome",
    "presence",
    "raised_by",
    "recipient",
    "region",
    "reporter_kind",
    "result",
    "role",
    "role_key",
    "sender",
    "setting",
    "state",
    "status",
    "step",
    "vote",
}
"""Names of fields that hold a code, wherever they appear."""

WORDS = {
    ("FollowUpOut", "status"): "the status in words, as the reporter's page shows it",
    ("FoundCaseOut", "state"): "the state in words, as the search results show it",
    ("SeatOut", "role"): "the title of the seat's role; its key is role_key",
    ("PublicInterest", "kind"): "the published register, in words for the public",
    ("PublicGift", "direction"): "the published register, in words for the public",
    ("PublicGift", "giver_kind"): "the published register, in words for the public",
    ("PublicGift", "status"): "the published register, in words for the public",
    ("PublicGift", "outcome"): "the published register, in words for the public",
    ("POST /api/v1/cases/mine/{case}/appeal", "grounds"): "the member's own words",
}
"""Coded names that hold words for people to read, not a value to send back."""


def properties(name: str, schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for field, value in schema.get("properties", {}).items():
        yield name, field, value


def every_schema() -> Iterator[tuple[str, dict[str, Any]]]:
    document = api.get_openapi_schema()
    yield from document["components"]["schemas"].items()
    for path, operations in document["paths"].items():
        for method, op in operations.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            schema = body.get("schema", {})
            yield f"{method.upper()} {path}", schema
            yield from schema.get("$defs", {}).items()


def coded(value: dict[str, Any]) -> bool:
    """An enum, a reference to one, or a field naming its list of the vocabulary."""
    if "x-vocabulary" in value or "enum" in value or "const" in value or "$ref" in value:
        return True
    if value.get("type") == "array":
        return coded(value.get("items", {}))
    choices = value.get("anyOf", []) + value.get("allOf", [])
    real = [c for c in choices if c.get("type") != "null"]
    return bool(real) and all(coded(c) for c in real)


def test_every_coded_field_is_an_enum_or_names_its_vocabulary() -> None:
    plain = sorted(
        f"{name}.{field}"
        for name, schema in every_schema()
        for _, field, value in properties(name, schema)
        if field in CODED and (name, field) not in WORDS and not coded(value)
    )
    assert plain == []


def test_no_two_answers_share_a_name_in_the_openapi_document() -> None:
    """A schema's name is its key in the document: two of one name would describe one
    operation's answer with the other's fields (the member attendance seats did)."""

    def subclasses(cls: type[BaseModel]) -> Iterator[type[BaseModel]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    named = set(api.get_openapi_schema()["components"]["schemas"])
    seen: dict[str, set[str]] = {}
    for cls in subclasses(BaseModel):
        if cls.__module__.startswith("panelkeeper.") and cls.__name__ in named:
            seen.setdefault(cls.__name__, set()).add(f"{cls.__module__}.{cls.__qualname__}")
    assert {name: where for name, where in seen.items() if len(where) > 1} == {}
