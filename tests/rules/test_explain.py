"""The rulebook: every rule in plain English with its id, figures and role titles."""

import re

import pytest

from panelkeeper.rules.explain.rulebook import Rulebook, render_text, rulebook
from panelkeeper.rules.policy.loader import load_policy
from panelkeeper.rules.policy.presets import PRESETS, load_preset, preset_text

SNAKE_CASE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")


def _book(text: str) -> str:
    return render_text(rulebook(load_policy(text, source="copy.toml")))


def test_changing_a_figure_and_a_role_title_changes_the_sentence() -> None:
    """MTG-1 and COI-3 in insight: the rulebook follows the file, not a fixed text."""
    original = preset_text("insight")
    before = _book(original)
    old_figure = (
        "A member who cannot attend sends apologies with reasons at least 2 working days "
        "before the meeting."
    )
    old_role = (
        "A member who thinks a conflict has arisen or may arise tells the Customer "
        "Involvement Co-ordinator straight away."
    )
    assert old_figure in before and old_role in before
    edited = original.replace(
        'apologies_notice = "2 working days"', 'apologies_notice = "3 working days"'
    ).replace(
        'customer_involvement_coordinator = "Customer Involvement Co-ordinator"',
        'customer_involvement_coordinator = "Involvement Lead"',
    )
    after = _book(edited)
    assert "sends apologies with reasons at least 3 working days before the meeting." in after
    assert "may arise tells the Involvement Lead straight away." in after
    assert old_figure not in after and old_role not in after
    assert "Customer Involvement Co-ordinator" not in after


@pytest.mark.parametrize("slug", PRESETS)
def test_the_rulebook_shows_no_key_from_the_file(slug: str) -> None:
    text = render_text(rulebook(load_preset(slug)))
    assert SNAKE_CASE.findall(text) == []


@pytest.mark.parametrize("slug", PRESETS)
def test_every_rule_outside_the_introduction_names_its_rule_ids(slug: str) -> None:
    book = rulebook(load_preset(slug))
    unlabelled = [
        (section.title, rule.text)
        for section in book.sections[1:]
        for rule in section.rules
        if not rule.ids
    ]
    assert unlabelled == []


@pytest.mark.parametrize("slug", PRESETS)
def test_the_rulebook_lists_the_interpretations_the_preset_relies_on(slug: str) -> None:
    policy = load_preset(slug)
    book = rulebook(policy)
    assert [i.number for i in book.interpretations] == list(policy.interpretations)
    text = render_text(book)
    for number in policy.interpretations:
        assert f"Interpretation {number}:" in text


def test_conduct_standards_appear_with_their_citable_ids() -> None:
    """MTG-8: vela's appendix items are citable as vela.app.N."""
    book: Rulebook = rulebook(load_preset("vela"))
    refs = [rule.ref for section in book.sections for rule in section.rules if rule.ref]
    assert [r for r in refs if r.startswith("vela.app.")] == [f"vela.app.{n}" for n in range(1, 24)]
    assert "[vela.app.14, MTG-8]" in render_text(book)


def test_the_rulebook_includes_the_breach_sections_from_the_ladder() -> None:
    """BR-5: vela concludes a breach within 10 working days."""
    text = render_text(rulebook(load_preset("vela")))
    assert "10 working days" in text
    assert "Group Director of Operations" in text


def test_nexus_periods_read_as_calendar_days_and_its_review_as_three_years() -> None:
    """GOV-1 for nexus: a three-yearly review by Panel and Board."""
    text = render_text(rulebook(load_preset("nexus")))
    assert "The Panel and the Board review the code every 3 years" in text
    assert "Members are not asked to sign anything." in text


def test_a_minimal_file_without_a_ladder_still_has_a_rulebook() -> None:
    text = _book(
        '[code]\nslug = "mini"\norganisation = "Mini Homes"\nversion = "1"\n'
        '[groups]\npanel = "Tenants Panel"\n[calendar]\nregion = "WLS"\n'
        "closure_days = [2026-12-24]\n"
    )
    assert "This is the code of conduct of Mini Homes for the Tenants Panel, version 1." in text
    assert (
        "bank holidays in Wales; the organisation is also closed on Thursday 24 December 2026"
        in text
    )
    assert "Breach" not in text
