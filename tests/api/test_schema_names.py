"""The OpenAPI document names each schema once: two classes of one name would share one
component, and one operation would then be documented with the other's body."""

from __future__ import annotations

import collections

import pytest
from ninja.openapi.schema import OpenAPISchema
from pydantic import BaseModel

import panelkeeper.api


def _schemas(root: type[BaseModel]) -> list[type[BaseModel]]:
    found = []
    for sub in root.__subclasses__():
        found.append(sub)
        found.extend(_schemas(sub))
    return found


def test_no_two_schemas_of_the_api_share_a_name() -> None:
    """Request bodies and queries (ninja's ``Schema``) and answers (``lib.api.Out``) alike."""
    ours = {s for s in _schemas(BaseModel) if s.__module__.startswith("panelkeeper.")}
    named = collections.defaultdict(set)
    for schema in ours:
        named[schema.__name__].add(f"{schema.__module__}.{schema.__qualname__}")
    assert {name: places for name, places in named.items() if len(places) > 1} == {}


def test_no_two_components_of_the_openapi_document_share_a_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Enums too: each operation's schemas are made apart and their definitions merged by
    name, so two enums of one class name (``Expense.State``, a token's ``State``) would
    leave one documented with the other's values. Two enums of one name and the same values
    (the channels of a notice in the rules and in letters) may differ in their description."""
    defined: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    merge = OpenAPISchema.add_schema_definitions

    def recording(self: OpenAPISchema, definitions: dict[str, dict[str, object]]) -> None:
        for name, definition in definitions.items():
            definition = {k: v for k, v in definition.items() if k != "description"}
            if definition not in defined[name]:
                defined[name].append(definition)
        merge(self, definitions)

    monkeypatch.setattr(OpenAPISchema, "add_schema_definitions", recording)
    panelkeeper.api.api.get_openapi_schema()
    assert defined, "the document defined no component"
    assert {name: found for name, found in defined.items() if len(found) > 1} == {}
