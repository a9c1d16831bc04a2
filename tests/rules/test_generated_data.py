"""The generated data files match the shared sources they were made from.

The coverage and no-copying tests read only the committed files, so they run anywhere;
where the shared codes are present, this checks the files are not stale.
"""

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODES = ROOT.parent / "shared" / "codes"
DATA = ROOT / "panelkeeper" / "rules" / "policy" / "data"

needs_sources = pytest.mark.skipif(
    not (CODES / "CLAUSES.md").exists(), reason="the shared codes are not beside the repository"
)


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_sources
def test_the_rule_table_matches_clauses_md() -> None:
    parsed = script("clauses_table").parse((CODES / "CLAUSES.md").read_text(encoding="utf-8"))
    committed = json.loads((DATA / "clauses.json").read_text(encoding="utf-8"))
    assert parsed == committed


@needs_sources
def test_the_phrase_hashes_match_the_five_codes() -> None:
    phrases = script("phrase_hashes")
    expected: set[str] = set()
    for path in sorted(CODES.glob("[0-9][0-9][0-9]_*.txt")):
        words = phrases.words(path.read_text(encoding="utf-8"))
        expected.update(phrases.run_hash(words[i : i + 8]) for i in range(len(words) - 7))
    committed = set((DATA / "phrase_hashes.txt").read_text(encoding="ascii").split())
    assert committed == expected


def test_the_table_has_every_rule_family_and_kind() -> None:
    table = json.loads((DATA / "clauses.json").read_text(encoding="utf-8"))
    assert {rule_id.split("-")[0] for rule_id in table} == {
        "MEM",
        "COI",
        "CONF",
        "GIFT",
        "MTG",
        "BR",
        "GOV",
    }
    assert table["MTG-2"]["applies"] == ["nexus"]
    assert table["MEM-2"]["applies"] == ["vela", "insight", "herefordshire", "thirteen"]


def test_the_checker_normalises_text_exactly_as_the_hashing_script_does() -> None:
    from tests.rules.copying import words

    sample = "Don\u2019t talk over others -- or BUTT in! (2nd time; 10 working-days)"
    assert words(sample) == script("phrase_hashes").words(sample)
