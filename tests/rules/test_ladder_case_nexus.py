"""Nexus's breach ladder, case by case: BR-3, BR-4, BR-8, BR-10, BR-11, BR-12, MTG-2.

Nexus counts calendar days and nothing rolls (Interpretation 1): a deadline may fall on
Christmas Day or Good Friday and stays there.
"""

import pytest

from panelkeeper.rules.ladder import Channel, Effect
from panelkeeper.rules.ladder.case import AppealResult, CaseKind, State, StepRefused
from tests.rules.scenarios import K, d, dues, earlier, ev, propose, read

FIRST_MINOR = [
    ev(K.RAISED, "2026-12-14", level="minor"),
    ev(K.INFORMAL_STEP, "2026-12-15", step="private_word"),
    ev(K.MEETING_HELD, "2026-12-22"),
    ev(K.LEVEL_DETERMINED, "2026-12-22", level="minor"),
    ev(K.OUTCOME_RECORDED, "2026-12-22", outcome="reminder"),
]


def test_a_first_minor_breach_is_settled_at_the_private_meeting_br_3_br_11() -> None:
    reported = read("nexus", FIRST_MINOR[:1], "2026-12-14")
    assert reported.allows(K.INFORMAL_STEP, "private_word")
    assert reported.complaints_route == "the customer complaints procedure"
    view = read("nexus", FIRST_MINOR, "2026-12-24")
    assert view.state is State.DECIDED
    # 3 days from the meeting on Tue 22 Dec fall on Christmas Day, and stay there.
    assert dues(view) == {"notice": (d("2026-12-25"), "due")}
    assert dues(read("nexus", FIRST_MINOR, "2026-12-26")) == {
        "notice": (d("2026-12-25"), "overdue")
    }
    # Interpretation 4: a reminder cannot be appealed; the complaints route stays open.
    assert view.appeal_window is None
    assert not view.allows(K.APPEAL_LODGED)
    assert view.complaints_route is not None


def test_a_further_minor_breach_opens_the_formal_warning_br_8_br_10() -> None:
    before = [earlier("N-1", *FIRST_MINOR)]
    events = [
        ev(K.RAISED, "2027-03-08", level="minor"),
        ev(K.MEETING_HELD, "2027-03-24"),
        ev(K.LEVEL_DETERMINED, "2027-03-24", level="minor"),
    ]
    view = read("nexus", events, "2027-03-24", before=before)
    assert (view.level, view.escalated_by) == ("minor", "N-1")
    assert [o.key for o in view.outcomes_on_offer] == ["reminder", "formal_warning"]
    first = read("nexus", events, "2027-03-24")
    assert [o.key for o in first.outcomes_on_offer] == ["reminder"]
    decided = read(
        "nexus",
        [*events, ev(K.OUTCOME_RECORDED, "2027-03-25", outcome="formal_warning")],
        "2027-03-29",
        before=before,
    )
    # From the decision on Thu 25 Mar: Sun 28 Mar, not rolled past Easter Monday.
    assert dues(decided) == {"notice": (d("2027-03-28"), "overdue")}
    assert [(f.case_id, f.effect) for f in decided.in_force()] == [
        ("N-1", Effect.REMINDER),
        ("this", Effect.WARNING),
    ]


def test_training_refused_puts_a_final_warning_or_exclusion_to_the_panel_br_10() -> None:
    events = [
        ev(K.RAISED, "2027-03-08", level="minor"),
        ev(K.MEETING_HELD, "2027-03-10"),
        ev(K.TRAINING_REFUSED, "2027-03-12"),
        ev(K.LEVEL_DETERMINED, "2027-03-17", level="minor"),
    ]
    view = read("nexus", events, "2027-03-17")
    assert [o.key for o in view.outcomes_on_offer] == ["reminder", "final_warning", "exclusion"]
    assert {r.title for s in view.next_steps for r in s.by if s.kind is K.OUTCOME_RECORDED} == {
        "Assistant Director",
        "the Panel",
    }


SERIOUS = [
    ev(K.RAISED, "2027-03-01", level="serious"),
    ev(K.MEETING_HELD, "2027-03-03"),
    ev(K.LEVEL_DETERMINED, "2027-03-10", level="serious"),
    ev(K.OUTCOME_RECORDED, "2027-03-23", outcome="exclusion"),
    # Posted Wed 24 Mar: deemed received on the 2nd working day, Tue 30 Mar, past Easter.
    ev(K.NOTICE_SENT, "2027-03-24", channel=Channel.POST),
    ev(K.APPEAL_LODGED, "2027-04-07"),
]


def test_a_serious_breach_offers_no_private_word_and_an_exclusion_can_be_appealed_br_3_br_12() -> (
    None
):
    assert not read("nexus", SERIOUS[:1], "2027-03-01").allows(K.INFORMAL_STEP)
    view = read("nexus", SERIOUS[:5], "2027-03-31")
    # 3 days from the decision on Tue 23 Mar: Good Friday, not rolled; met on the 24th.
    assert dues(view) == {"notice": (d("2027-03-26"), "met")}
    window = view.appeal_window
    assert window is not None
    assert window.to.title == "Head of Customer and Community Involvement"
    assert (window.received, window.closes, window.open) == (d("2027-03-30"), d("2027-04-06"), True)


@pytest.mark.parametrize("accepted", [True, False])
def test_a_late_appeal_against_exclusion_is_accepted_or_refused_with_reasons_interpretation_3(
    accepted: bool,
) -> None:
    lodged = read("nexus", SERIOUS, "2027-04-07")
    assert lodged.appeal is not None
    assert (lodged.appeal.late, lodged.appeal.window_closed) == (True, d("2027-04-06"))
    events = [
        *SERIOUS,
        ev(K.LATE_APPEAL_DECIDED, "2027-04-08", accepted=accepted, reason="Post was delayed"),
    ]
    if not accepted:
        view = read("nexus", events, "2027-04-09")
        assert view.state is State.CLOSED
        assert dues(view) == {"notice": (d("2027-03-26"), "met")}
        return
    events += [
        ev(K.APPEAL_CONSIDERED, "2027-04-14"),
        ev(K.APPEAL_DECIDED, "2027-04-20", result=AppealResult.UPHELD, reason="Breach confirmed"),
    ]
    considering = read("nexus", events[:7], "2027-04-09")
    assert dues(considering) == {
        "notice": (d("2027-03-26"), "met"),
        "appeal_consider": (d("2027-04-15"), "due"),
    }
    view = read("nexus", events, "2027-04-20")
    # Considered within 7 days of acceptance; decided within a further 7 from consideration.
    assert dues(view) == {
        "notice": (d("2027-03-26"), "met"),
        "appeal_consider": (d("2027-04-15"), "met"),
        "appeal_decide": (d("2027-04-21"), "met"),
    }


def test_a_missed_meetings_exclusion_has_only_notice_window_and_appeal_deadlines_mtg_2() -> None:
    events = [
        ev(K.MEMBERSHIP_ENDED, "2026-12-18", reason="missed three meetings in a row"),
        ev(K.NOTICE_SENT, "2026-12-18", channel=Channel.EMAIL),
    ]
    view = read("nexus", events, "2026-12-21")
    assert (view.kind, view.state) == (CaseKind.EXCLUSION, State.DECIDED)
    assert view.deadlines == ()
    assert view.appeal_window is not None
    # Email is received the day it is sent; 7 days later is Christmas Day.
    assert (view.appeal_window.received, view.appeal_window.closes) == (
        d("2026-12-18"),
        d("2026-12-25"),
    )
    events += [ev(K.APPEAL_LODGED, "2026-12-23"), ev(K.APPEAL_CONSIDERED, "2026-12-29")]
    appealed = read("nexus", events, "2026-12-29")
    assert dues(appealed) == {
        "appeal_consider": (d("2026-12-30"), "met"),
        "appeal_decide": (d("2027-01-05"), "due"),
    }


def test_a_confirmed_confidentiality_breach_leads_to_stepping_down_interpretation_9() -> None:
    events = [
        ev(K.RAISED, "2027-01-04"),
        ev(K.MEETING_HELD, "2027-01-06"),
        ev(K.LEVEL_DETERMINED, "2027-01-08", level="minor", confidentiality=True),
    ]
    view = read("nexus", events, "2027-01-08")
    assert [o.key for o in view.outcomes_on_offer] == ["step_down"]
    with pytest.raises(StepRefused) as refused:
        propose(
            "nexus", events, ev(K.OUTCOME_RECORDED, "2027-01-08", outcome="reminder"), "2027-01-08"
        )
    assert refused.value.rule == "Interpretation 8"
    stepped = read(
        "nexus",
        [
            *events,
            ev(K.OUTCOME_RECORDED, "2027-01-08", outcome="step_down"),
            ev(K.NOTICE_SENT, "2027-01-11", channel=Channel.HAND),
        ],
        "2027-01-12",
    )
    assert stepped.appeal_window is not None
    assert stepped.appeal_window.closes == d("2027-01-18")
    assert stepped.deadlines == ()


def test_an_as_of_read_does_not_see_a_meeting_recorded_later() -> None:
    events = [ev(K.RAISED, "2027-03-22"), ev(K.MEETING_HELD, "2027-03-23", recorded="2027-03-30")]
    assert read("nexus", events, "2027-03-29").state is State.REPORTED
    assert read("nexus", events, "2027-03-30").state is State.INVESTIGATING
