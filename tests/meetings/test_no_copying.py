"""No run of eight words from the five source codes in the meetings' templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.copying import copied_runs

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "meetings"


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.html")), ids=lambda p: p.name)
def test_no_template_copies_a_source_code(template: Path) -> None:
    assert copied_runs(template.read_text(encoding="utf-8")) == []
