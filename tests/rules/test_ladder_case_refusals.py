"""Bad input to a case on the ladder is an error naming the rule it breaks.

BR-4, BR-6, BR-10, Interpretation 8, and the effective-date rules of DESIGN "Dates".
"""

import pytest

from panelkeeper.rules.ladder import Effect
from panelkeeper.rules.ladder.case import State, StepRefused
from tests.rules.scenarios import K, d, ev, propose, read

OPENED = [
    ev(K.RAISED, "2027-01-04"),
    ev(K.MEMBER_INFORMED, "2027-01-05"),
]


def test_a_step_out_of_order_is_refused_naming_the_rule_br_10() -> None:
    with pytest.raises(StepRefused) as refused:
        propose(
            "vela",
            OPENED,
            ev(K.OUTCOME_RECORDED, "2027-01-06", outcome="asked_to_leave"),
            "2027-01-06",
        )
    assert refused.value.rule == "BR-10"
    assert "investigating" in refused.value.message


def test_the_level_waits_for_the_investigating_group_br_6() -> None:
    with pytest.raises(StepRefused) as refused:
        propose("vela", OPENED, ev(K.LEVEL_DETERMINED, "2027-01-06", level="minor"), "2027-01-06")
    assert refused.value.rule == "BR-6"


def test_a_case_must_be_raised_before_anything_else_br_4() -> None:
    with pytest.raises(StepRefused) as refused:
        propose("vela", [], ev(K.MEMBER_INFORMED, "2027-01-05"), "2027-01-05")
    assert refused.value.rule == "BR-4"


FOUND_MINOR = [
    *OPENED,
    ev(K.GROUP_CONVENED, "2027-01-06"),
    ev(K.LEVEL_DETERMINED, "2027-01-07", level="minor"),
]


def test_an_outcome_not_on_offer_needs_a_recorded_reason_interpretation_8() -> None:
    with pytest.raises(StepRefused) as refused:
        propose(
            "vela",
            FOUND_MINOR,
            ev(K.OUTCOME_RECORDED, "2027-01-07", outcome="mediation"),
            "2027-01-07",
        )
    assert refused.value.rule == "Interpretation 8"
    with pytest.raises(StepRefused):
        propose(
            "vela",
            FOUND_MINOR,
            ev(K.OUTCOME_RECORDED, "2027-01-07", outcome="asked_to_leave", reason="  "),
            "2027-01-07",
        )
    view = propose(
        "vela",
        FOUND_MINOR,
        ev(
            K.OUTCOME_RECORDED,
            "2027-01-07",
            outcome="mediation",
            reason="Both members asked for it",
            effect=Effect.TRAINING,
        ),
        "2027-01-07",
    )
    assert view.state is State.DECIDED
    assert view.outcome is not None
    assert (view.outcome.key, view.outcome.offered, view.outcome.reason) == (
        "mediation",
        False,
        "Both members asked for it",
    )
    assert [f.effect for f in view.file] == [Effect.TRAINING]


def test_a_date_before_the_case_began_is_refused() -> None:
    with pytest.raises(StepRefused) as refused:
        propose("vela", OPENED, ev(K.GROUP_CONVENED, "2027-01-01"), "2027-01-06")
    assert refused.value.rule.startswith("effective dates")
    assert "4 January 2027" in refused.value.message


def test_an_effective_date_after_as_of_is_refused() -> None:
    with pytest.raises(StepRefused) as refused:
        propose("vela", OPENED, ev(K.GROUP_CONVENED, "2027-01-08"), "2027-01-06")
    assert refused.value.rule.startswith("effective dates")


def test_an_event_recorded_before_it_took_effect_is_refused_when_read() -> None:
    with pytest.raises(StepRefused):
        read("vela", [ev(K.RAISED, "2027-01-04", recorded="2027-01-03")], "2027-01-05")


def test_a_stored_history_that_breaks_the_ladder_is_refused_when_read_br_3() -> None:
    with pytest.raises(StepRefused) as refused:
        read(
            "vela",
            [ev(K.RAISED, "2027-01-04"), ev(K.INFORMAL_STEP, "2027-01-05", step="private_word")],
            "2027-01-06",
        )
    assert refused.value.rule == "BR-3"


def test_a_late_appeal_decision_needs_a_reason_interpretation_3() -> None:
    from panelkeeper.rules.ladder import Channel

    events = [
        *FOUND_MINOR,
        ev(K.OUTCOME_RECORDED, "2027-01-07", outcome="final_written_warning"),
        ev(K.NOTICE_SENT, "2027-01-07", channel=Channel.EMAIL),
        ev(K.APPEAL_LODGED, "2027-02-01"),
    ]
    with pytest.raises(StepRefused) as refused:
        propose(
            "vela", events, ev(K.LATE_APPEAL_DECIDED, "2027-02-02", accepted=True), "2027-02-02"
        )
    assert refused.value.rule == "Interpretation 3"
    assert read("vela", events, "2027-02-01").appeal_window is not None
    assert d("2027-01-21") == read("vela", events, "2027-02-01").appeal_window.closes  # type: ignore[union-attr]
