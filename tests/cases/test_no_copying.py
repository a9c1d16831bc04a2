"""The cases app's code and pages copy no run of eight words from the five codes."""

from pathlib import Path

import pytest

from tests.rules.copying import copied_runs

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    [*ROOT.joinpath("panelkeeper/cases").glob("*.py"), *ROOT.joinpath("templates/cases").glob("*")]
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_file_copies_no_sentence_from_the_source_codes(path: Path) -> None:
    assert copied_runs(path.read_text("utf-8")) == []
