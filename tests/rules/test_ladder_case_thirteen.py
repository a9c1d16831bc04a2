"""Thirteen's breach ladder, case by case: BR-1, BR-3, BR-6, BR-8, BR-10, BR-12.

Informal guidance, then firm guidance kept on file for 12 months, then the formal
process (which an officer may enter directly); two minor findings open the major
outcomes without re-levelling (Interpretation 5).
"""

import pytest

from panelkeeper.rules.ladder import Channel, Effect, Raiser
from panelkeeper.rules.ladder.case import State, StepRefused
from tests.rules.scenarios import K, d, earlier, ev, propose, read

GUIDANCE = [
    ev(K.RAISED, "2026-12-01", level="minor"),
    ev(K.INFORMAL_STEP, "2026-12-01", step="informal_guidance"),
    ev(K.INFORMAL_STEP, "2026-12-08", step="firm_guidance"),
    ev(K.CLOSED, "2026-12-08"),
]


def test_the_ladder_runs_informal_then_firm_guidance_kept_on_file_12_months_br_3() -> None:
    reported = read("thirteen", GUIDANCE[:1], "2026-12-01")
    assert reported.allows(K.INFORMAL_STEP, "informal_guidance")
    assert reported.allows(K.INFORMAL_STEP, "firm_guidance")
    # An officer may go straight to the formal process.
    assert reported.allows(K.INVESTIGATION_OPENED)
    after_informal = read("thirteen", GUIDANCE[:2], "2026-12-01")
    assert after_informal.state is State.INFORMAL
    assert after_informal.allows(K.INFORMAL_STEP, "firm_guidance")
    assert not after_informal.allows(K.INFORMAL_STEP, "informal_guidance")
    on_file = read("thirteen", GUIDANCE, "2027-12-07")
    assert [(f.effect, f.start, f.ends, f.in_force) for f in on_file.file] == [
        (Effect.GUIDANCE, d("2026-12-08"), d("2027-12-08"), True)
    ]
    off_file = read("thirteen", GUIDANCE, "2027-12-08")
    assert off_file.in_force() == ()
    assert off_file.deadlines == ()


FORMAL = [
    ev(K.RAISED, "2027-01-04", level="minor"),
    ev(K.INVESTIGATION_OPENED, "2027-01-05"),
    ev(K.GROUP_CONVENED, "2027-01-11"),
    ev(K.LEVEL_DETERMINED, "2027-01-15", level="minor"),
]


def test_earlier_guidance_stays_history_and_does_not_escalate_interpretation_5() -> None:
    view = read("thirteen", FORMAL, "2027-01-15", before=[earlier("T-1", *GUIDANCE)])
    assert (view.level, view.escalated_by) == ("minor", None)
    assert [o.key for o in view.outcomes_on_offer] == [
        "final_written_warning",
        "training_and_support",
    ]
    assert [(f.case_id, f.effect, f.in_force) for f in view.file] == [
        ("T-1", Effect.GUIDANCE, True)
    ]


MINOR_FINDING = earlier(
    "T-2",
    ev(K.RAISED, "2026-10-05"),
    ev(K.INVESTIGATION_OPENED, "2026-10-06"),
    ev(K.GROUP_CONVENED, "2026-10-12"),
    ev(K.LEVEL_DETERMINED, "2026-10-19", level="minor"),
    ev(K.OUTCOME_RECORDED, "2026-10-19", outcome="training_and_support"),
)

TWO_MINORS = [
    ev(K.RAISED, "2026-12-01"),
    ev(K.INVESTIGATION_OPENED, "2026-12-02"),
    ev(K.GROUP_CONVENED, "2026-12-09"),
    ev(K.LEVEL_DETERMINED, "2026-12-23", level="minor"),
    ev(K.OUTCOME_RECORDED, "2026-12-24", outcome="withdraw_from_involvement"),
    # Posted on Christmas Eve: deemed received Wed 30 Dec; window closes Thu 14 Jan.
    ev(K.NOTICE_SENT, "2026-12-24", channel=Channel.POST),
]


def test_two_minor_findings_open_the_major_outcomes_without_relevelling_br_8() -> None:
    view = read("thirteen", TWO_MINORS[:4], "2026-12-23", before=[MINOR_FINDING])
    assert (view.level, view.escalated_by) == ("minor", "T-2")
    assert [o.key for o in view.outcomes_on_offer] == [
        "withdraw_from_involvement",
        "final_written_warning",
        "training_and_support",
    ]
    decided = read("thirteen", TWO_MINORS, "2027-01-14", before=[MINOR_FINDING])
    assert decided.outcome is not None and decided.outcome.offered
    window = decided.appeal_window
    assert window is not None and window.to.title == "Director of Experience"
    assert (window.received, window.closes, window.open) == (
        d("2026-12-30"),
        d("2027-01-14"),
        True,
    )
    assert decided.deadlines == ()


@pytest.mark.parametrize("accepted", [True, False])
def test_a_late_appeal_is_accepted_or_refused_with_a_reason_interpretation_3(
    accepted: bool,
) -> None:
    events = [
        *TWO_MINORS,
        ev(K.APPEAL_LODGED, "2027-01-15"),
        ev(K.LATE_APPEAL_DECIDED, "2027-01-18", accepted=accepted, reason="Officer's judgement"),
    ]
    lodged = read("thirteen", events[:7], "2027-01-15", before=[MINOR_FINDING])
    assert lodged.appeal is not None
    assert (lodged.appeal.late, lodged.appeal.window_closed) == (True, d("2027-01-14"))
    view = read("thirteen", events, "2027-01-18", before=[MINOR_FINDING])
    assert view.state is (State.APPEALED if accepted else State.CLOSED)
    assert view.allows(K.APPEAL_DECIDED) is accepted
    assert view.deadlines == ()


def test_anyone_may_raise_a_concern_anonymously_in_thirteen_but_not_in_vela_br_1() -> None:
    raised = read(
        "thirteen",
        [ev(K.RAISED, "2027-01-04", anonymous=True, raised_by=Raiser.CUSTOMER)],
        "2027-01-04",
    )
    assert raised.state is State.REPORTED
    with pytest.raises(StepRefused) as refused:
        propose("vela", [], ev(K.RAISED, "2027-01-04", anonymous=True), "2027-01-04")
    assert refused.value.rule == "BR-1"


def test_the_formal_process_follows_guidance_that_was_not_heeded_br_3() -> None:
    events = [*GUIDANCE[:3], ev(K.INVESTIGATION_OPENED, "2027-02-01")]
    view = read("thirteen", events, "2027-02-01")
    assert view.state is State.INVESTIGATING
    assert view.allows(K.GROUP_CONVENED)
    assert not view.allows(K.LEVEL_DETERMINED)


def test_an_as_of_read_does_not_see_guidance_recorded_later() -> None:
    events = [
        ev(K.RAISED, "2026-12-01"),
        ev(K.INFORMAL_STEP, "2026-12-08", recorded="2026-12-10", step="firm_guidance"),
    ]
    assert read("thirteen", events, "2026-12-09").file == ()
    assert [f.in_force for f in read("thirteen", events, "2026-12-10").file] == [True]
