"""The registers' templates and messages describe the rules in our own words."""

from pathlib import Path

import pytest

from tests.rules.copying import copied_runs

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [*(ROOT / "templates/registers").glob("*.*"), *(ROOT / "panelkeeper/registers").glob("*.py")]
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_file_copies_no_sentence_from_the_source_codes(path: Path) -> None:
    assert copied_runs(path.read_text(encoding="utf-8")) == []
