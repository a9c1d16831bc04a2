"""The breach ladder schema: loading, refusing mistakes, explaining, and the five presets.

BR-1 to BR-13, COI-4 and Interpretations 1 to 4, 8 to 10 in ``CLAUSES.md``.
"""

from __future__ import annotations

import re
import tomllib

import pytest

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.explain.rulebook import render_text, rulebook
from panelkeeper.rules.ladder import (
    Anchor,
    AppealScope,
    Channel,
    Effect,
    EscalationMode,
    Ladder,
    Requirement,
    explain_ladder,
    parse_breach,
)
from panelkeeper.rules.ladder.model import Raising
from panelkeeper.rules.policy.problems import Problems, Table
from panelkeeper.rules.policy.roles import parse_roles
from tests.rules.scenarios import policy

ROLES = """
[roles.staff]
cim = "Customer Involvement Manager"
director = "Director of Experience"
"""

GOOD = """
[breach]
rules = ["BR-4"]
investigated_by = ["cim"]

[breach.raising]
rules = ["BR-1", "BR-2", "BR-13"]
route_to = ["cim"]
monitored_by = ["cim"]

[[breach.levels]]
rules = ["BR-7"]
key = "minor"
label = "Minor breach"
marks = "small things"

[[breach.levels]]
rules = ["BR-7"]
key = "major"
label = "Major breach"
marks = "big things"

[breach.escalation]
rules = ["BR-8"]
mode = "relevel"
from = "minor"
to = "major"

[[breach.outcomes]]
rules = ["BR-10"]
key = "warning"
label = "Written warning"
levels = ["minor"]
effect = "warning"
keep = "6 months"

[breach.appeal]
rules = ["BR-12"]
to = "director"
window = { within = "10 working days", from = "notice_received" }
"""


def _load(text: str) -> tuple[Ladder | None, Problems]:
    data = tomllib.loads(ROLES + text)
    problems = Problems("test.toml")
    roles = parse_roles(Table(data["roles"], "roles", problems))
    ladder = parse_breach(Table(data["breach"], "breach", problems), roles)
    return ladder, problems


def test_a_well_formed_ladder_loads_with_its_figures_br_7_br_8_br_12() -> None:
    ladder, problems = _load(GOOD)
    assert not problems, list(problems)
    assert ladder is not None
    assert [lv.key for lv in ladder.levels] == ["minor", "major"]
    assert ladder.escalation is not None
    assert (ladder.escalation.mode, ladder.escalation.to_level) == (EscalationMode.RELEVEL, "major")
    assert ladder.outcomes[0].keep == Duration(6, Unit.MONTHS)
    assert ladder.appeal is not None and ladder.appeal.window is not None
    assert ladder.appeal.window.within == Duration(10, Unit.WORKING_DAYS)
    # Interpretation 2 defaults when the file says nothing about receipt.
    assert ladder.receipt(Channel.POST) == Duration(2, Unit.WORKING_DAYS)
    assert ladder.receipt(Channel.EMAIL) == Duration(0, Unit.DAYS)
    hash(ladder)
    assert ladder.cites("appeal") == ("BR-12",)


def test_every_mistake_is_reported_at_its_dotted_key_at_once() -> None:
    text = (
        GOOD.replace('to = "major"', 'to = "grave"')
        .replace('levels = ["minor"]\neffect', 'levels = ["small"]\neffect')
        .replace('to = "director"', 'to = "chief"')
        .replace('keep = "6 months"', 'keep = "6 moons"')
        .replace('effect = "warning"', 'effect = "telling off"')
        .replace('rules = ["BR-4"]', 'rules = ["BR-99"]\ncolour = "red"')
        .replace(
            'investigated_by = ["cim"]', 'investigated_by = ["cim"]\noutcome_also_to = ["press"]'
        )
    )
    _, problems = _load(text)
    keys = sorted(p.key for p in problems)
    assert keys == [
        "breach.appeal.to",
        "breach.colour",
        "breach.escalation.to",
        "breach.outcome_also_to[0]",
        "breach.outcomes[0].effect",
        "breach.outcomes[0].keep",
        "breach.outcomes[0].levels[0]",
        "breach.rules[0]",
    ], [str(p) for p in problems]
    by_key = {p.key: p.message for p in problems}
    assert '"grave" is not a level' in by_key["breach.escalation.to"]
    assert "Customer Involvement Manager" in by_key["breach.appeal.to"]


def test_a_window_must_run_from_receipt_of_notice_interpretation_2() -> None:
    _, problems = _load(GOOD.replace('from = "notice_received"', 'from = "decision_made"'))
    assert [p.key for p in problems] == ["breach.appeal.window.from"]


def test_the_explanation_uses_titles_and_figures_never_keys() -> None:
    ladder, _ = _load(GOOD)
    assert ladder is not None
    text = "\n".join(rule.text for section in explain_ladder(ladder) for rule in section.rules)
    assert "Director of Experience" in text
    assert "10 working days" in text
    assert "Written warning" in text and "6 months" in text
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)


_INFORMAL = """
[[breach.informal]]
rules = ["BR-3"]
key = "word"
label = "A word"
taken_by = ["cim"]
"""
_GROUP = '\n[breach.group]\nrules = ["BR-6"]\n'


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            GOOD + '\n[[breach.levels]]\nrules = ["BR-7"]\nkey = "no_breach"\nlabel = "None"\n'
            'marks = "nothing"\n',
            [
                (
                    "breach.levels[2].key",
                    '"no_breach" is kept for a finding of no breach; choose another.',
                )
            ],
        ),
        (
            GOOD + _INFORMAL + 'effect = "suspension"\n',
            [("breach.informal[0].effect", "An informal step cannot suspend or end membership.")],
        ),
        (
            GOOD + _INFORMAL + 'effect = "membership_ended"\n',
            [("breach.informal[0].effect", "An informal step cannot suspend or end membership.")],
        ),
        (
            GOOD + _INFORMAL + 'keep = "6 months"\n',
            [("breach.informal[0].keep", "Only a step that puts something on file can keep it.")],
        ),
        (
            GOOD.replace('keep = "6 months"', 'keep = "6 months"\nrequires_at = ["minor"]'),
            [("breach.outcomes[0].requires_at", "Say what is required in requires first.")],
        ),
        (
            GOOD.replace('effect = "warning"\nkeep', 'effect = "membership_ended"\nkeep'),
            [
                (
                    "breach.outcomes[0].keep",
                    "Only a warning or guidance stays on file for a period.",
                )
            ],
        ),
        (
            GOOD.replace('from = "notice_received"', 'from = "decision_made"'),
            [
                (
                    "breach.appeal.window.from",
                    'An appeal window runs from "notice_received" (BR-12).',
                )
            ],
        ),
        (
            GOOD + _GROUP + 'includes_convener = true\nseats = [{ role = "cim" }]\n',
            [("breach.group.includes_convener", "Name the convener in convened_by first.")],
        ),
        (
            GOOD + _GROUP + 'seats = [{ role = "cim", count = 0 }]\nmin_impartial = -1\n',
            [
                ("breach.group.seats[0].count", "Write a whole number of at least 1, not 0."),
                ("breach.group.min_impartial", "Write a whole number of at least 0, not -1."),
            ],
        ),
    ],
)
def test_each_impossible_setting_is_refused_at_its_key_saying_why_br_3_to_br_12(
    text: str, problems: list[tuple[str, str]]
) -> None:
    _, found = _load(text)
    assert [(p.key, p.message) for p in found] == problems


def test_a_ladder_with_an_empty_list_of_levels_is_refused_br_7() -> None:
    text = GOOD.replace('investigated_by = ["cim"]', 'investigated_by = ["cim"]\nlevels = []')
    for key, label, marks in (("minor", "Minor", "small"), ("major", "Major", "big")):
        level = (
            f'[[breach.levels]]\nrules = ["BR-7"]\nkey = "{key}"\nlabel = "{label} breach"\n'
            f'marks = "{marks} things"\n'
        )
        assert level in text
        text = text.replace(level, "")
    _, found = _load(text)
    assert ("breach.levels", "Define at least one level of breach (BR-7).") in [
        (p.key, p.message) for p in found
    ]


def test_a_group_says_only_what_differs_from_the_defaults_br_6() -> None:
    """Unnamed it is "the investigating group"; a seat is one person; nobody need be
    impartial; conflicts are barred and the group must be convened."""
    text = GOOD + _GROUP + 'seats = [{ role = "cim" }, { role = "director", count = 1 }]\n'
    ladder, problems = _load(text + "min_impartial = 0\n")
    assert not problems, list(problems)
    assert ladder is not None and ladder.group is not None
    group = ladder.group
    assert group.label == "the investigating group"
    assert [(s.role.key, s.count) for s in group.seats] == [("cim", 1), ("director", 1)]
    assert (group.min_impartial, group.no_conflicts, group.required) == (0, True, True)
    assert (group.includes_convener, group.convened_by, group.may_include) == (False, None, ())


def test_an_appeal_defaults_to_outcomes_in_writing_with_late_ones_for_an_officer_br_12() -> None:
    ladder, _ = _load(GOOD)
    assert ladder is not None and ladder.appeal is not None
    appeal = ladder.appeal
    assert (appeal.against, appeal.in_writing, appeal.late_needs_officer) == (
        AppealScope.OUTCOMES,
        True,
        True,
    )


def test_a_step_or_outcome_missing_a_setting_is_left_out_not_half_read() -> None:
    informal, problems = _load(GOOD + _INFORMAL.replace('label = "A word"\n', ""))
    assert [p.key for p in problems] == ["breach.informal[0].label"]
    assert informal is not None and informal.informal == ()
    outcomes, problems = _load(GOOD.replace('effect = "warning"\n', ""))
    assert next(p.key for p in problems) == "breach.outcomes[0].effect"
    assert outcomes is not None and outcomes.outcomes == ()
    escalation, problems = _load(GOOD.replace('mode = "relevel"\n', ""))
    assert [p.key for p in problems] == ["breach.escalation.mode"]
    assert escalation is not None and escalation.escalation is None


def test_receipt_suspension_and_raising_read_what_the_file_says_br_9_br_12() -> None:
    ladder, _ = _load(
        GOOD
        + '\n[breach.receipt]\nrules = ["BR-12"]\npost = "3 working days"\n'
        + '\n[breach.suspension]\nrules = ["BR-9"]\ndecided_by = ["cim"]\nlevels = ["major"]\n'
    )
    assert ladder is not None and ladder.suspension is not None
    assert ladder.receipt(Channel.POST) == Duration(3, Unit.WORKING_DAYS)
    assert ladder.receipt(Channel.EMAIL) == Duration(0, Unit.DAYS)
    assert [r.key for r in ladder.suspension.decided_by] == ["cim"]
    raising = GOOD.split("[breach.raising]")[1].split("[[breach.levels]]")[0]
    unraised, problems = _load(GOOD.replace("[breach.raising]" + raising, ""))
    assert [p.key for p in problems] == ["breach.raising"]
    assert unraised is not None
    assert unraised.raising == Raising((), False, False, (), (), (), False)


# -- the five presets: fidelity to the codes ----------------------------------


def test_vela_concludes_within_10_working_days_of_informing_the_member_br_5() -> None:
    ladder = policy("vela").breach
    assert ladder is not None and ladder.conclude is not None
    assert ladder.conclude.within == Duration(10, Unit.WORKING_DAYS)
    assert ladder.conclude.start is Anchor.MEMBER_INFORMED
    assert not ladder.conclude.target


def test_insight_never_suspends_for_a_minor_breach_and_aims_at_10_working_days_br_9() -> None:
    ladder = policy("insight").breach
    assert ladder is not None and ladder.suspension is not None and ladder.conclude is not None
    assert ladder.suspension.levels == ("major",)
    assert ladder.conclude.target
    assert ladder.appeal is not None and ladder.appeal.decide is not None
    assert ladder.appeal.decide.within == Duration(10, Unit.WORKING_DAYS)


def test_nexus_appeals_only_exclusions_within_7_days_considered_and_decided_in_7_more() -> None:
    ladder = policy("nexus").breach
    assert ladder is not None and ladder.appeal is not None
    appeal = ladder.appeal
    assert appeal.against is AppealScope.EXCLUSIONS
    assert appeal.window is not None and appeal.consider is not None and appeal.decide is not None
    assert (appeal.window.within, appeal.window.start) == (
        Duration(7, Unit.DAYS),
        Anchor.NOTICE_RECEIVED,
    )
    assert (appeal.consider.within, appeal.consider.start) == (
        Duration(7, Unit.DAYS),
        Anchor.APPEAL_RECEIVED,
    )
    assert (appeal.decide.within, appeal.decide.start) == (
        Duration(7, Unit.DAYS),
        Anchor.APPEAL_CONSIDERED,
    )
    assert not ladder.appealable(Effect.WARNING)
    assert ladder.appealable(Effect.MEMBERSHIP_ENDED) and ladder.appealable(Effect.STEPPING_DOWN)
    assert ladder.complaints_route
    assert ladder.confidentiality_outcome == "step_down"
    assert not ladder.roll_calendar_days


def test_herefordshire_sets_no_appeal_window_and_the_vice_chair_stands_in_interpretation_10() -> (
    None
):
    ladder = policy("herefordshire").breach
    assert ladder is not None and ladder.appeal is not None
    assert ladder.appeal.window is None
    assert ladder.chair_stand_in is not None and ladder.chair_stand_in.key == "vice_chair"
    warning = ladder.step("verbal_warning")
    assert warning is not None and warning.together and warning.closes
    assert [r.key for r in warning.taken_by] == ["customer_involvement_manager", "chair"]
    suspension = ladder.outcome("suspension")
    assert suspension is not None
    assert (suspension.requires, suspension.requires_at) == (
        Requirement.WARNING_ON_FILE,
        ("minor",),
    )
    assert ladder.conclude is not None and ladder.notice is not None
    assert (ladder.conclude.within, ladder.notice.within) == (
        Duration(10, Unit.DAYS),
        Duration(3, Unit.DAYS),
    )


def test_thirteen_keeps_firm_guidance_12_months_and_needs_the_convener_and_one_impartial() -> None:
    ladder = policy("thirteen").breach
    assert ladder is not None
    firm = ladder.step("firm_guidance")
    assert firm is not None and firm.keep == Duration(12, Unit.MONTHS)
    assert firm.effect is Effect.GUIDANCE
    assert ladder.group is not None
    assert ladder.group.includes_convener and ladder.group.min_impartial == 1
    assert ladder.raising.anonymous
    assert ladder.escalation is not None
    assert (ladder.escalation.mode, ladder.escalation.to_level) == (
        EscalationMode.OPEN_OUTCOMES,
        "major",
    )


@pytest.mark.parametrize("slug", ["vela", "insight", "nexus", "herefordshire", "thirteen"])
def test_every_breach_table_cites_its_rule_ids(slug: str) -> None:
    ladder = policy(slug).breach
    assert ladder is not None
    for part in ("breach", "raising", "levels", "outcomes", "appeal"):
        assert ladder.cites(part), part
    assert all(re.match(r"^[A-Z]+-\d+$", rule) for _, ids in ladder.rules for rule in ids)


def test_changing_a_figure_and_a_title_changes_the_rulebook_sentence() -> None:
    from panelkeeper.rules.policy.loader import load_policy
    from panelkeeper.rules.policy.presets import preset_text

    text = preset_text("vela")
    old = render_text(rulebook(load_policy(text, source="vela.toml")))
    changed = text.replace(
        'window = { within = "10 working days", from = "notice_received" }',
        'window = { within = "15 working days", from = "notice_received" }',
    ).replace(
        'group_director_of_operations = "Group Director of Operations"',
        'group_director_of_operations = "Director of Customer Appeals"',
    )
    new = render_text(rulebook(load_policy(changed, source="vela.toml")))
    assert "within 15 working days of the day the member receives written notice" in new
    assert "within 10 working days of the day the member receives written notice" in old
    assert "Director of Customer Appeals" in new and "Group Director of Operations" not in new
