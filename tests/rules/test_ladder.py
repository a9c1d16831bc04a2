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
