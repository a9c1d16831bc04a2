"""Parts of the code-of-conduct file schema that no other test pinned (issue 17).

``[behaviours]`` (MEM-2, MEM-6, COI-4 switches, on unless a file turns one off) and
``[[not_modelled]]`` (a rule of CLAUSES.md the organisation handles outside the product).
"""

from __future__ import annotations

import pytest

from panelkeeper.rules.policy.loader import (
    Behaviours,
    NotModelled,
    check_policy,
    load_policy,
)

SMALLEST = """
code = { slug = "demo", organisation = "Demo Homes", version = "1" }
groups = { panel = "Scrutiny Panel" }
"""


def _problems(extra: str) -> dict[str, str]:
    return {p.key: p.message for p in check_policy(SMALLEST + extra, source="demo.toml")}


def test_without_a_behaviours_table_every_switch_is_on() -> None:
    behaviours = load_policy(SMALLEST, source="demo.toml").behaviours
    assert (
        behaviours.eligibility_needs_signatures,
        behaviours.resign_new_versions,
        behaviours.conflict_check_every_seat,
    ) == (True, True, True)
    assert behaviours.cites.all == ()


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("eligibility_needs_signatures", "MEM-2"),
        ("resign_new_versions", "MEM-6"),
        ("conflict_check_every_seat", "COI-4"),
    ],
)
def test_a_behaviours_table_naming_one_switch_leaves_the_others_on(name: str, rule: str) -> None:
    text = SMALLEST + f'\n[behaviours]\nrules = ["{rule}"]\n{name} = false\n'
    behaviours = load_policy(text, source="demo.toml").behaviours
    expected = {
        "eligibility_needs_signatures": True,
        "resign_new_versions": True,
        "conflict_check_every_seat": True,
        name: False,
    }
    assert behaviours == Behaviours(behaviours.cites, **expected)
    assert behaviours.cites.all == (rule,)


def test_a_switch_turned_on_must_cite_its_rule() -> None:
    problems = _problems("\n[behaviours]\nresign_new_versions = true\n")
    assert list(problems) == ["behaviours.resign_new_versions"]
    assert "MEM-6" in problems["behaviours.resign_new_versions"]
    # Cited under "adopted" is as good as under "rules"; left at its default, nothing to cite.
    assert _problems('\n[behaviours]\nadopted = ["MEM-6"]\nresign_new_versions = true\n') == {}
    assert _problems('\n[behaviours]\nrules = ["MEM-2"]\n') == {}


def test_a_switch_that_is_not_true_or_false_is_a_problem() -> None:
    problems = _problems('\n[behaviours]\nrules = ["COI-4"]\nconflict_check_every_seat = "yes"\n')
    assert list(problems) == ["behaviours.conflict_check_every_seat"]


def test_a_valid_not_modelled_entry_is_accepted() -> None:
    text = SMALLEST + (
        '\n[[not_modelled]]\nrule = "MEM-1"\nreason = "Recorded on paper."\n'
        '\n[[not_modelled]]\nrule = "GOV-2"\nreason = "Assessed by the Board."\n'
    )
    assert check_policy(text, source="demo.toml") == ()
    assert load_policy(text, source="demo.toml").not_modelled == (
        NotModelled("MEM-1", "Recorded on paper."),
        NotModelled("GOV-2", "Assessed by the Board."),
    )


def test_a_not_modelled_entry_needs_a_known_rule_and_a_reason() -> None:
    unknown = _problems('\n[[not_modelled]]\nrule = "MEM-99"\nreason = "Kept on paper."\n')
    assert list(unknown) == ["not_modelled[0].rule"]
    assert '"MEM-99" is not a rule id' in unknown["not_modelled[0].rule"]
    no_reason = _problems('\n[[not_modelled]]\nrule = "MEM-1"\n')
    assert list(no_reason) == ["not_modelled[0].reason"]
    stray = _problems('\n[[not_modelled]]\nrule = "MEM-1"\nreason = "Paper."\nwhy = "x"\n')
    assert list(stray) == ["not_modelled[0].why"]
