"""Refusals of single steps on the ladder, each with the rule it names and its words.

BR-9 (suspension by level), BR-12 (the appeal's decision), read through the ladder only.
"""

from __future__ import annotations

import pytest

from panelkeeper.rules.ladder import Effect
from panelkeeper.rules.ladder.case import (
    AppealResult,
    Event,
    StepRefused,
    check_next_policy,
)
from panelkeeper.rules.policy.loader import Policy, load_policy
from panelkeeper.rules.policy.presets import preset_text
from tests.rules.scenarios import K, d, ev, policy, read
from tests.rules.test_ladder_case_vela import FIRST_MINOR, SECOND_MINOR

APPEALED = [*SECOND_MINOR, ev(K.APPEAL_LODGED, "2027-01-06")]


def _refusal(pol: Policy, events: list[Event], proposed: Event) -> tuple[str, str]:
    with pytest.raises(StepRefused) as refused:
        check_next_policy(
            pol, events, proposed, as_of=proposed.effective, earlier_cases=[FIRST_MINOR]
        )
    return refused.value.rule, refused.value.message


def _vela_with_a_gross_level() -> Policy:
    """Vela with a third level, gross, that its suspension table does not name."""
    text = preset_text("vela")
    old = "[breach.escalation]\n"
    gross = '[[breach.levels]]\nrules = ["BR-7"]\nkey = "gross"\nlabel = "Gross"\nmarks = "x"\n\n'
    assert text.count(old) == 1
    return load_policy(text.replace(old, gross + old), source="vela.toml")


def test_a_suspension_at_a_level_the_code_does_not_name_lists_those_it_does_br_9() -> None:
    assert _refusal(
        _vela_with_a_gross_level(),
        SECOND_MINOR[:3],
        ev(K.SUSPENDED, "2026-12-21", level="gross"),
    ) == (
        "BR-9",
        "This code allows suspension only for a breach judged minor, major; "
        "this one is judged gross.",
    )


def test_an_appeal_decision_must_say_upheld_overturned_or_varied_br_12() -> None:
    assert _refusal(policy("vela"), APPEALED, ev(K.APPEAL_DECIDED, "2027-01-07")) == (
        "BR-12",
        "Say whether the appeal is upheld, overturned or varied.",
    )


def test_an_appeal_varying_the_outcome_must_name_the_new_one_br_12() -> None:
    varied = ev(K.APPEAL_DECIDED, "2027-01-07", result=AppealResult.VARIED)
    assert _refusal(policy("vela"), APPEALED, varied) == (
        "BR-12",
        "Name the outcome the appeal substitutes.",
    )


@pytest.mark.parametrize(
    ("outcome", "effect", "label", "on_file"),
    [
        # One the code names keeps the code's label and effect.
        (
            "final_written_warning",
            None,
            "Final written warning, kept on record by Vela and the Panel",
            Effect.WARNING,
        ),
        # One it does not name is labelled from its key, with the effect given, if any.
        ("written_apology", Effect.WARNING, "Written apology", Effect.WARNING),
        ("written_apology", None, "Written apology", Effect.NONE),
    ],
)
def test_an_appeal_varying_the_outcome_ends_the_old_one_and_records_the_new_br_12(
    outcome: str, effect: Effect | None, label: str, on_file: Effect
) -> None:
    varied = ev(
        K.APPEAL_DECIDED, "2027-01-07", result=AppealResult.VARIED, outcome=outcome, effect=effect
    )
    view = read("vela", [*APPEALED, varied], "2027-01-08", before=[FIRST_MINOR])
    assert view.outcome is not None
    assert (view.outcome.key, view.outcome.label, view.outcome.effect) == (
        outcome,
        label,
        on_file,
    )
    entries = [
        (f.key, f.label, f.start, f.ends, f.ended_by) for f in view.file if f.case_id == "this"
    ]
    ended = (
        "asked_to_leave",
        "Asked to leave the Panel",
        d("2026-12-23"),
        d("2027-01-07"),
        "varied on appeal",
    )
    added = [(outcome, label, d("2027-01-07"), None, None)] if on_file.goes_on_file else []
    assert entries == [ended, *added]
