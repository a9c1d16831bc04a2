"""No run of eight or more consecutive words from the five source codes in the product.

The presets and the rulebook describe each rule in our own words (DESIGN "A code of
conduct as data"); only hashes of the sources' eight-word runs are kept.
"""

import pytest

from panelkeeper.rules.explain.rulebook import render_text, rulebook
from panelkeeper.rules.policy.presets import PRESETS, load_preset, preset_text
from tests.rules.copying import copied_runs, source_hashes


def test_the_hashes_of_the_sources_are_present() -> None:
    assert len(source_hashes()) > 5000


def test_a_copied_sentence_is_caught_whatever_its_case_and_punctuation() -> None:
    # A sentence from the sources, re-cased and re-punctuated (it must still be caught).
    text = "KEEP mobile phones on silent -- or switch them off when attending meetings!"
    assert copied_runs(text)
    assert copied_runs("Keep your phone quiet in meetings unless the group agrees.") == []


@pytest.mark.parametrize("slug", PRESETS)
def test_the_preset_copies_no_sentence_from_the_source_codes(slug: str) -> None:
    assert copied_runs(preset_text(slug)) == []


@pytest.mark.parametrize("slug", PRESETS)
def test_the_rulebook_copies_no_sentence_from_the_source_codes(slug: str) -> None:
    assert copied_runs(render_text(rulebook(load_preset(slug)))) == []
