"""No run of eight words from the five source codes in our templates or demo output."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.rules.copying import copied_runs

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "organisations"


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.html")), ids=lambda p: p.name)
def test_no_template_copies_a_source_code(template: Path) -> None:
    assert copied_runs(template.read_text(encoding="utf-8")) == []


@override_settings(DEMO=True, DEBUG=True)
def test_the_demo_output_copies_no_source_code(db: None) -> None:
    out = StringIO()
    call_command("demo", stdout=out)
    assert copied_runs(out.getvalue()) == []
