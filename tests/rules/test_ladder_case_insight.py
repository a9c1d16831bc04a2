"""insight's breach ladder, case by case: BR-4, BR-5, BR-8, BR-9, BR-10, BR-12.

Dates cross Easter 2027 (Good Friday 26 Mar, Easter Monday 29 Mar) and Christmas 2026.
"""

import pytest

from panelkeeper.rules.ladder import Channel, Effect
from panelkeeper.rules.ladder.case import AppealResult, State, StepRefused
from tests.rules.scenarios import K, d, dues, earlier, ev, propose, read

FIRST_MINOR = earlier(
    "I-7",
    ev(K.RAISED, "2027-01-11"),
    ev(K.MEMBER_INFORMED, "2027-01-12"),
    ev(K.GROUP_CONVENED, "2027-01-14"),
    ev(K.LEVEL_DETERMINED, "2027-01-20", level="minor"),
    ev(K.OUTCOME_RECORDED, "2027-01-20", outcome="training_and_support"),
)

OVER_EASTER = [
    ev(K.RAISED, "2027-03-22"),
    ev(K.MEMBER_INFORMED, "2027-03-23"),
    ev(K.GROUP_CONVENED, "2027-03-24"),
    ev(K.SUSPENDED, "2027-03-25", level="major"),
    ev(K.LEVEL_DETERMINED, "2027-04-06", level="minor"),
    ev(K.OUTCOME_RECORDED, "2027-04-06", outcome="asked_to_leave"),
    ev(K.NOTICE_SENT, "2027-04-06", channel=Channel.EMAIL),
    ev(K.APPEAL_LODGED, "2027-04-12"),
]


def test_a_second_minor_finding_is_relevelled_major_and_the_target_runs_over_easter_br_5_br_8() -> (
    None
):
    view = read("insight", OVER_EASTER[:5], "2027-04-06", before=[FIRST_MINOR])
    assert (view.level, view.escalated_by) == ("major", "I-7")
    assert [o.key for o in view.outcomes_on_offer] == ["asked_to_leave"]
    (conclude,) = view.deadlines
    # A target of 10 working days from Tue 23 Mar, skipping Good Friday and Easter Monday.
    assert (conclude.key, conclude.due, conclude.target) == ("conclude", d("2027-04-08"), True)


def test_the_appeal_decision_is_due_10_working_days_after_the_appeal_br_12() -> None:
    view = read("insight", OVER_EASTER, "2027-04-27", before=[FIRST_MINOR])
    assert view.state is State.APPEALED
    assert view.appeal is not None and not view.appeal.late
    assert view.appeal_window is not None
    assert (view.appeal_window.received, view.appeal_window.closes) == (
        d("2027-04-06"),
        d("2027-04-20"),
    )
    assert dues(view) == {
        "conclude": (d("2027-04-08"), "met"),
        "appeal_decide": (d("2027-04-26"), "overdue"),
    }
    decided = read(
        "insight",
        [*OVER_EASTER, ev(K.APPEAL_DECIDED, "2027-04-23", result=AppealResult.UPHELD)],
        "2027-04-27",
        before=[FIRST_MINOR],
    )
    assert dues(decided)["appeal_decide"] == (d("2027-04-26"), "met")
    assert decided.state is State.CLOSED


def test_insight_never_suspends_for_a_minor_breach_br_9() -> None:
    with pytest.raises(StepRefused) as refused:
        propose(
            "insight",
            OVER_EASTER[:3],
            ev(K.SUSPENDED, "2027-03-25", level="minor"),
            "2027-03-25",
        )
    assert refused.value.rule == "BR-9"
    # Once the level is found minor, no suspension either, whatever the event says.
    with pytest.raises(StepRefused):
        propose(
            "insight",
            [*OVER_EASTER[:3], ev(K.LEVEL_DETERMINED, "2027-03-26", level="minor")],
            ev(K.SUSPENDED, "2027-03-29", level="major"),
            "2027-03-29",
            before=[],
        )


def test_a_suspension_runs_from_its_start_until_lifted_early_br_9() -> None:
    events = [*OVER_EASTER[:4], ev(K.SUSPENSION_LIFTED, "2027-04-01")]
    during = read("insight", events[:4], "2027-03-31")
    assert [(f.effect, f.start, f.ends, f.in_force) for f in during.file] == [
        (Effect.SUSPENSION, d("2027-03-25"), None, True)
    ]
    lifted = read("insight", events, "2027-04-01")
    assert [(f.ends, f.ended_by, f.in_force) for f in lifted.file] == [
        (d("2027-04-01"), "lifted", False)
    ]
    assert dues(lifted) == {"conclude": (d("2027-04-08"), "due")}


WARNING_OVER_CHRISTMAS = [
    ev(K.RAISED, "2026-12-07"),
    ev(K.MEMBER_INFORMED, "2026-12-08"),
    ev(K.GROUP_CONVENED, "2026-12-10"),
    ev(K.LEVEL_DETERMINED, "2026-12-17", level="minor"),
    ev(K.OUTCOME_RECORDED, "2026-12-17", outcome="final_written_warning"),
    # Posted Fri 18 Dec: deemed received Tue 22 Dec; the window closes Fri 8 Jan 2027.
    ev(K.NOTICE_SENT, "2026-12-18", channel=Channel.POST),
    ev(K.APPEAL_LODGED, "2027-01-11"),
]


@pytest.mark.parametrize("accepted", [True, False])
def test_a_late_appeal_waits_for_an_officer_who_accepts_or_refuses_it_interpretation_3(
    accepted: bool,
) -> None:
    lodged = read("insight", WARNING_OVER_CHRISTMAS, "2027-01-11")
    assert lodged.appeal is not None
    assert (lodged.appeal.late, lodged.appeal.window_closed) == (True, d("2027-01-08"))
    # BR-5: 10 working days from Tue 8 Dec, met on 17 Dec; no appeal clock yet.
    assert dues(lodged) == {"conclude": (d("2026-12-22"), "met")}
    events = [
        *WARNING_OVER_CHRISTMAS,
        ev(K.LATE_APPEAL_DECIDED, "2027-01-12", accepted=accepted, reason="Letter went astray"),
    ]
    view = read("insight", events, "2027-01-13")
    if accepted:
        assert view.state is State.APPEALED
        # 10 working days from the acceptance on Tue 12 Jan.
        assert dues(view) == {
            "conclude": (d("2026-12-22"), "met"),
            "appeal_decide": (d("2027-01-26"), "due"),
        }
    else:
        assert view.state is State.CLOSED
        assert dues(view) == {"conclude": (d("2026-12-22"), "met")}


def test_an_as_of_read_does_not_see_a_finding_recorded_later() -> None:
    events = [
        *OVER_EASTER[:3],
        ev(K.LEVEL_DETERMINED, "2027-03-30", recorded="2027-04-02", level="major"),
    ]
    assert read("insight", events, "2027-04-01").level is None
    assert read("insight", events, "2027-04-02").level == "major"
