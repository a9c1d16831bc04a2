"""The OpenAPI document names each schema once: two classes of one name would share one
component, and one operation would then be documented with the other's body."""

from __future__ import annotations

import collections

from ninja import Schema

import panelkeeper.api  # noqa: F401  (imports every app's operations and their schemas)


def _schemas(root: type[Schema]) -> list[type[Schema]]:
    found = []
    for sub in root.__subclasses__():
        found.append(sub)
        found.extend(_schemas(sub))
    return found


def test_no_two_schemas_of_the_api_share_a_name() -> None:
    ours = {s for s in _schemas(Schema) if s.__module__.startswith("panelkeeper.")}
    named = collections.defaultdict(set)
    for schema in ours:
        named[schema.__name__].add(f"{schema.__module__}.{schema.__qualname__}")
    assert {name: places for name, places in named.items() if len(places) > 1} == {}
