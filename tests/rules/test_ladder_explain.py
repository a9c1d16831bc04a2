"""The breach ladder in the rulebook where the five presets leave a branch unused.

Each test takes a preset's ladder and changes one thing a code could say differently
(a group with a convener and two impartial members, a step that follows two others, a
look-back on escalation, calendar days that roll), then reads the sentence that tells
it: its words and the rule ids it cites (BR-3 to BR-12, COI-4).
"""

from __future__ import annotations

from dataclasses import replace

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.ladder import Ladder, explain_ladder
from tests.rules.scenarios import policy


def _ladder(slug: str) -> Ladder:
    ladder = policy(slug).breach
    assert ladder is not None
    return ladder


def _said(ladder: Ladder, title: str) -> list[tuple[tuple[str, ...], str]]:
    (section,) = [s for s in explain_ladder(ladder) if s.title == title]
    return [(rule.ids, rule.text) for rule in section.rules]


def test_a_group_with_its_convener_a_double_seat_and_two_impartial_members_br_6() -> None:
    ladder = _ladder("vela")
    assert ladder.group is not None
    team, _, customer = ladder.group.seats
    group = replace(
        ladder.group,
        includes_convener=True,
        seats=(replace(team, count=2), customer),
        min_impartial=2,
    )
    assert _said(replace(ladder, group=group), "Investigating a breach")[2] == (
        ("BR-6", "COI-4"),
        "The level and the outcome are decided by the Investigating Group, with a seat one "
        "for the Customer Involvement Team, who convenes it, 2 for the Customer Involvement "
        "Team and one for another involved customer, with at least 2 impartial members.",
    )


def test_without_a_group_the_decider_suspends_and_a_named_role_where_the_code_says_br_9() -> None:
    ladder = _ladder("vela")
    assert ladder.group is not None and ladder.suspension is not None
    without_group = _said(replace(ladder, group=None), "Investigating a breach")
    assert without_group[-1] == (
        ("BR-9",),
        "The decider may suspend the member while the breach is dealt with, at any level.",
    )
    team = ladder.group.seats[0].role
    named = replace(ladder, suspension=replace(ladder.suspension, decided_by=(team,)))
    assert _said(named, "Investigating a breach")[-1] == (
        ("BR-9",),
        "The Customer Involvement Team may suspend the member while the breach is dealt "
        "with, at any level.",
    )


def test_an_informal_step_after_two_others_lists_both_and_cites_the_ladders_ids_br_3() -> None:
    """A step citing nothing of its own cites what the ladder's informal part cites; a
    level the ladder does not define reads as it is written."""
    ladder = _ladder("thirteen")
    informal, firm = ladder.informal
    both = ("informal_guidance", "firm_guidance")
    last = replace(firm, key="last_word", label="Last word", after=both, first=False, rules=())
    steps = (informal, replace(firm, after=both), replace(last, levels=("gross",)))
    said = _said(replace(ladder, informal=steps), "Before the formal process")
    firm_words = (
        "firm guidance at a joint discussion, such as mediation or training, with actions "
        "and review dates"
    )
    who = "the Chair of the Customer Involvement Framework or the Customer Involvement Team"
    assert said[1:] == [
        (
            ("BR-3",),
            f"{firm_words[0].upper()}{firm_words[1:]}: taken by {who}; it may come first or "
            f"after informal guidance or {firm_words}; confirmed to the member in writing; it "
            "stays on file for 12 months.",
        ),
        (
            ("BR-3",),
            f"Last word: taken by {who}, for a gross only; it follows informal guidance or "
            f"{firm_words}; confirmed to the member in writing; it stays on file for 12 months.",
        ),
    ]


def test_levels_citing_nothing_cite_the_ladders_and_escalation_may_look_back_br_8() -> None:
    ladder = _ladder("nexus")
    assert ladder.escalation is not None
    escalation = replace(ladder.escalation, to_level="serious", look_back=Duration(12, Unit.MONTHS))
    changed = replace(
        ladder,
        levels=tuple(replace(level, rules=()) for level in ladder.levels),
        escalation=escalation,
    )
    said = _said(changed, "Levels of breach")
    assert said[0] == (
        ("BR-7", "BR-8", "MTG-5", "MTG-7"),
        "Minor breach: a lapse a fellow member could raise privately with the member.",
    )
    assert said[-1] == (
        ("BR-8", "BR-10"),
        "A further minor breach found after an earlier one keeps its level, and these "
        "outcomes become open: formal warning that more breaches may end membership, with "
        "training offered, final warning, excluded from the panel for good and required to "
        "step down from the panel; only breaches "
        "found by the decider count, never guidance or warnings given informally, and only "
        "those found in the 12 months before.",
    )


def test_an_outcome_citing_nothing_cites_the_ladders_outcome_ids_br_10() -> None:
    ladder = _ladder("nexus")
    reminder = replace(ladder.outcomes[0], rules=())
    assert _said(replace(ladder, outcomes=(reminder,)), "Outcomes")[0][0] == (
        "BR-10",
        "BR-11",
        "CONF-1",
    )


def test_an_appeal_need_not_be_in_writing_br_12() -> None:
    ladder = _ladder("nexus")
    assert ladder.appeal is not None
    oral = replace(ladder, appeal=replace(ladder.appeal, in_writing=False))
    assert _said(oral, "Appeals")[0] == (
        ("BR-12",),
        "Appeals go to the Head of Customer and Community Involvement against an exclusion "
        "from the group.",
    )


def test_notices_cite_the_receipt_rules_and_the_appeals_where_none_are_given_br_12() -> None:
    """Interpretation 2: the receipt sentence cites what the receipt part cites, else the
    appeal's; the counting sentence cites BR-12 from the appeal's ids."""
    ladder = _ladder("nexus")
    cites = dict(ladder.rules)
    own = replace(
        ladder, rules=tuple({**cites, "receipt": ("BR-13",), "appeal": ("BR-12", "BR-2")}.items())
    )
    assert [ids for ids, _ in _said(own, "Notices and counting days")] == [
        ("BR-13",),
        ("BR-12",),
    ]
    borrowed = replace(
        ladder,
        rules=tuple((part, ids) for part, ids in cites.items() if part != "receipt"),
        roll_calendar_days=True,
    )
    assert _said(borrowed, "Notices and counting days") == [
        (
            ("BR-12",),
            "Written notice counts as received: by email the same day; by post 2 working days "
            "after it is sent; by hand the same day.",
        ),
        (
            ("BR-12",),
            "Deadlines count from the day after the event. A deadline in calendar days that "
            "falls on a weekend or bank holiday moves to the next working day.",
        ),
    ]


def test_a_code_naming_nobody_to_watch_over_it_says_so_br_13() -> None:
    ladder = _ladder("nexus")
    unwatched = replace(ladder, raising=replace(ladder.raising, monitored_by=()))
    assert _said(unwatched, "Raising a breach")[3] == (
        ("BR-1", "BR-2", "BR-13"),
        "Watching over how the code is applied and enforced falls to nobody named.",
    )
