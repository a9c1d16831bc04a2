"""Each preset read, explained and checked exactly as reviewed (tests/rules/golden/).

The rulebook of every preset (every rule id of CLAUSES.md a preset implements, in the
words a member reads), the policy the loader builds from it (every figure, role and
switch: BR-5 deadlines, BR-7 levels, BR-10 outcomes, BR-12 windows, MEM-2 documents,
...), and the problem each kind of mistake in the file is reported as (every problem at
its dotted key, saying what to write). After a deliberate change, rewrite the files with
``.venv/bin/python -m tests.rules.golden`` and review the diff; see tests/rules/golden.py.
"""

from __future__ import annotations

import tomllib

import pytest

from panelkeeper.rules.policy.loader import load_policy
from panelkeeper.rules.policy.presets import PRESETS, load_preset, preset_text
from tests.rules.golden import FOLDER, READINGS, TABLES, plain, problems_text, to_toml


@pytest.mark.parametrize("pattern", list(READINGS))
@pytest.mark.parametrize("slug", PRESETS)
def test_the_preset_reads_as_reviewed(slug: str, pattern: str) -> None:
    expected = (FOLDER / pattern.format(slug)).read_text("utf-8")
    assert READINGS[pattern](slug) == expected


@pytest.mark.parametrize("table", TABLES)
def test_each_mistake_in_a_table_is_reported_as_reviewed(table: str) -> None:
    expected = (FOLDER / f"problems-{table}.txt").read_text("utf-8")
    assert problems_text(table) == expected


@pytest.mark.parametrize("slug", PRESETS)
def test_a_preset_written_out_again_loads_as_the_same_policy(slug: str) -> None:
    """The spoiled files are written the same way, so they start from the preset itself."""
    again = load_policy(to_toml(tomllib.loads(preset_text(slug))), source=f"{slug}.toml")
    assert plain(again) == plain(load_preset(slug))
