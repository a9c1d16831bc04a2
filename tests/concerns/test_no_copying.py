"""The concern pages and their messages describe the rules in our own words (BR-1, BR-2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.copying import copied_runs

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [*ROOT.glob("templates/concerns/*.html"), *ROOT.glob("panelkeeper/concerns/*.py")],
    key=str,
)


def test_there_are_files_to_check() -> None:
    assert len(FILES) > 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_file_copies_no_run_of_the_source_codes(path: Path) -> None:
    assert copied_runs(path.read_text("utf-8")) == []
