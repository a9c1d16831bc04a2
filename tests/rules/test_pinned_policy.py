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
from panelkeeper.rules.policy.sections import ChairBy, GiftsDeclared, GiftsDiscussed, OnConflict

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


_MINI = """
[code]
slug = "mini"
organisation = "Mini Homes"
version = "1"
[groups]
panel = "Tenants Panel"
[roles.staff]
cit = "Customer Involvement Team"
[documents]
rules = ["GOV-3"]
items = [{ key = "code", title = "Code" }]
[membership]
rules = ["MEM-5"]
[attendance]
rules = ["MTG-1"]
[attendance.consecutive_absences]
rules = ["MTG-2"]
limit = 1
decided_by = "cit"
[meetings]
rules = ["MTG-4"]
[interests]
rules = ["COI-1"]
decided_by = ["cit"]
[confidentiality]
rules = ["CONF-1"]
[gifts]
rules = ["GIFT-1"]
declare_to = ["cit"]
"""


def test_a_part_that_says_nothing_more_than_its_rules_takes_the_quiet_defaults() -> None:
    """Where a code is silent, nothing is switched on that it did not ask for: documents
    are neither signed nor citable, members are not said to be volunteers, absences count
    with apologies, the chair is a standing one, conflicts mean withdrawal (COI-2) and
    gifts go to the next meeting (GIFT-2), received gifts only and no register."""
    policy = load_policy(_MINI, source="mini.toml")
    assert policy.documents is not None and policy.membership is not None
    assert policy.attendance is not None and policy.meetings is not None
    assert policy.interests is not None and policy.confidentiality is not None
    assert policy.gifts is not None
    document = policy.documents.items[0]
    assert (document.sign, document.breach_may_cite) == (False, False)
    documents = policy.documents
    assert (documents.breach_covers_spirit, documents.breach_covers_co_regulation) == (
        False,
        False,
    )
    membership = policy.membership
    assert (membership.rewards_and_expenses, membership.voluntary) == (False, False)
    absences = policy.attendance.consecutive_absences
    assert absences is not None
    assert (absences.limit, absences.count_with_apologies) == (1, True)
    assert (policy.meetings.chair_by, policy.meetings.keep_to_agenda) == (ChairBy.STANDING, False)
    assert policy.interests.on_conflict is OnConflict.WITHDRAW
    assert policy.confidentiality.protect_identities is False
    gifts = policy.gifts
    assert (gifts.declare, gifts.discuss, gifts.register) == (
        GiftsDeclared.RECEIVED,
        GiftsDiscussed.NEXT_MEETING,
        False,
    )


def test_two_documents_with_one_key_and_a_limit_of_no_absences_are_refused() -> None:
    text = _MINI.replace(
        'items = [{ key = "code", title = "Code" }]',
        'items = [{ key = "code", title = "Code" }, { key = "code", title = "Again" }]',
    ).replace("limit = 1", "limit = 0")
    assert [(p.key, p.message) for p in check_policy(text, source="mini.toml")] == [
        ("documents.items[1].key", '"code" is used by an earlier document; give each its own key.'),
        ("attendance.consecutive_absences.limit", "Write a whole number of at least 1, not 0."),
    ]
    twice = load_policy(
        _MINI.replace(
            'items = [{ key = "code", title = "Code" }]',
            'items = [{ key = "code", title = "Code" }, { key = "rules", title = "Rules" }]',
        ),
        source="mini.toml",
    )
    assert twice.documents is not None
    assert [d.key for d in twice.documents.items] == ["code", "rules"]


def test_a_slug_or_group_key_that_is_not_lower_case_is_refused_saying_how_to_write_it() -> None:
    text = SMALLEST.replace('slug = "demo"', 'slug = "Demo Homes"').replace(
        'panel = "Scrutiny Panel"', 'Panel = "Scrutiny Panel"'
    )
    assert [(p.key, p.message) for p in check_policy(text, source="demo.toml")] == [
        ("code.slug", 'Write lower-case letters, digits and hyphens, not "Demo Homes".'),
        ("groups.Panel", "Write a key in lower case with underscores, such as panel."),
    ]


@pytest.mark.parametrize(
    ("extra", "key", "message"),
    [
        (
            "",
            "code.version",
            'Write text in quotes, such as "2026-1", not a list.',
        ),
        (
            '[governance]\nrules = ["GOV-1"]\napproved_on = "yesterday"\n',
            "governance.approved_on",
            "Write a date without quotes, such as 2026-12-24, not text.",
        ),
        (
            '[calendar]\nregion = "ENG"\nclosure_days = "2026-12-24"\n',
            "calendar.closure_days",
            "Write a list of dates, such as [2026-12-24, 2026-12-31], not text.",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_in_plain_words(
    extra: str, key: str, message: str
) -> None:
    text = SMALLEST if extra else SMALLEST.replace('version = "1"', "version = [1]")
    assert [(p.key, p.message) for p in check_policy(text + extra, source="d")] == [(key, message)]


@pytest.mark.parametrize(("value", "kind"), [("2026-01-01", "a date"), ("{ a = 1 }", "a table")])
def test_a_date_or_a_table_where_text_belongs_is_named_as_such(value: str, kind: str) -> None:
    text = SMALLEST.replace('version = "1"', f"version = {value}")
    assert [p.message for p in check_policy(text, source="d")] == [
        f'Write text in quotes, such as "2026-1", not {kind}.'
    ]
