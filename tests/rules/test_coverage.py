"""Every rule a code states is cited by its preset, or listed as not modelled with a reason.

The table of which rule applies to which organisation is panelkeeper/rules/policy/data/
clauses.json, generated from CLAUSES.md by scripts/clauses_table.py. A preset cites a
rule in a ``rules`` list of the section carrying its parameters; it may cite a rule its
code is silent on ("—") only under ``adopted``.
"""

import tomllib
from collections.abc import Iterator

import pytest

from panelkeeper.rules.policy.clauses import ORGANISATIONS, clauses
from panelkeeper.rules.policy.presets import PRESETS, preset_text


def _tables(node: object, path: str = "") -> Iterator[tuple[str, dict[str, object]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _tables(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _tables(item, f"{path}[{index}]")


def _citations(slug: str) -> tuple[dict[str, list[str]], dict[str, list[str]], set[str]]:
    """(rule id -> tables stating it, rule id -> tables adopting it, not modelled ids)."""
    data = tomllib.loads(preset_text(slug))
    stated: dict[str, list[str]] = {}
    adopted: dict[str, list[str]] = {}
    for path, table in _tables(data):
        for rule_id in table.get("rules", []):
            stated.setdefault(rule_id, []).append(path)
        for rule_id in table.get("adopted", []):
            adopted.setdefault(rule_id, []).append(path)
    not_modelled = {entry["rule"] for entry in data.get("not_modelled", [])}
    return stated, adopted, not_modelled


def test_the_presets_are_the_five_organisations_of_the_table() -> None:
    assert PRESETS == ORGANISATIONS


@pytest.mark.parametrize("slug", PRESETS)
def test_every_rule_the_code_states_is_cited_or_listed_as_not_modelled(slug: str) -> None:
    stated, _, not_modelled = _citations(slug)
    missing = [
        rule_id
        for rule_id, clause in clauses().items()
        if clause.applies_to(slug) and rule_id not in stated and rule_id not in not_modelled
    ]
    assert missing == []


@pytest.mark.parametrize("slug", PRESETS)
def test_a_rule_the_code_is_silent_on_is_claimed_only_as_adopted(slug: str) -> None:
    stated, adopted, not_modelled = _citations(slug)
    table = clauses()
    claimed_silent = {r: paths for r, paths in stated.items() if not table[r].applies_to(slug)}
    assert claimed_silent == {}
    adopted_but_stated = [r for r in adopted if table[r].applies_to(slug)]
    assert adopted_but_stated == []
    assert [r for r in not_modelled if not table[r].applies_to(slug)] == []


@pytest.mark.parametrize("slug", PRESETS)
def test_every_citing_table_carries_parameters_beside_its_rule_ids(slug: str) -> None:
    data = tomllib.loads(preset_text(slug))
    bare = [
        path
        for path, table in _tables(data)
        if "rules" in table and not set(table) - {"rules", "adopted"}
    ]
    assert bare == []


@pytest.mark.parametrize("slug", PRESETS)
def test_every_rule_id_cited_is_a_row_of_the_table(slug: str) -> None:
    stated, adopted, not_modelled = _citations(slug)
    unknown = (set(stated) | set(adopted) | not_modelled) - set(clauses())
    assert unknown == set()
