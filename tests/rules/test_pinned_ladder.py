"""Refusals and readings of the breach ladder that no other test pinned (issue 17).

Each test names the rule it holds to; a seeded change to the ladder that lets any of
these through (a comparison flipped, a condition dropped) fails here.
"""

from __future__ import annotations

import pytest

from panelkeeper.rules.ladder import NO_BREACH, Channel, Effect
from panelkeeper.rules.ladder.apply import DATES
from panelkeeper.rules.ladder.case import AppealResult, Event, State, StepRefused
from tests.rules.scenarios import K, d, earlier, ev, propose, read
from tests.rules.test_ladder_case_vela import FIRST_MINOR as VELA_FIRST
from tests.rules.test_ladder_case_vela import SECOND_MINOR

OPENED = [
    ev(K.RAISED, "2027-01-04"),
    ev(K.MEMBER_INFORMED, "2027-01-05"),
    ev(K.GROUP_CONVENED, "2027-01-07"),
]


def _refused(events: list[Event], proposed: Event, as_of: str) -> StepRefused:
    with pytest.raises(StepRefused) as refused:
        propose("vela", events, proposed, as_of)
    return refused.value


# -- dates (DESIGN "Dates") -------------------------------------------------------------


def test_an_event_dated_before_the_latest_one_is_refused() -> None:
    refused = _refused(OPENED, ev(K.LEVEL_DETERMINED, "2027-01-06", level="minor"), "2027-01-08")
    assert refused.rule == DATES
    assert "7 January 2027" in refused.message and "order" in refused.message


def test_an_event_dated_the_same_day_as_the_latest_one_is_accepted() -> None:
    view = propose(
        "vela", OPENED, ev(K.LEVEL_DETERMINED, "2027-01-07", level="minor"), "2027-01-07"
    )
    assert view.level == "minor"


def test_an_event_dated_before_the_case_began_is_refused_naming_the_start() -> None:
    refused = _refused(OPENED[:1], ev(K.MEMBER_INFORMED, "2027-01-03"), "2027-01-08")
    assert refused.rule == DATES
    assert "began on 4 January 2027" in refused.message


def test_an_event_recorded_before_it_took_effect_is_refused() -> None:
    with pytest.raises(StepRefused) as refused:
        read("vela", [ev(K.RAISED, "2027-01-04", recorded="2027-01-03")], "2027-01-08")
    assert refused.value.rule == DATES


def test_an_event_cannot_take_effect_or_be_recorded_after_the_date_of_reading() -> None:
    ahead = _refused(OPENED, ev(K.LEVEL_DETERMINED, "2027-01-09", level="minor"), "2027-01-08")
    assert ahead.rule == DATES and "8 January 2027" in ahead.message
    late = _refused(
        OPENED,
        ev(K.LEVEL_DETERMINED, "2027-01-08", recorded="2027-01-09", level="minor"),
        "2027-01-08",
    )
    assert late.rule == DATES and "recorded" in late.message
    # On the date of reading itself, both are allowed.
    view = propose(
        "vela",
        OPENED,
        ev(K.LEVEL_DETERMINED, "2027-01-08", recorded="2027-01-08", level="minor"),
        "2027-01-08",
    )
    assert view.level == "minor"


def test_events_recorded_after_the_date_of_reading_are_not_seen() -> None:
    events = [*OPENED, ev(K.LEVEL_DETERMINED, "2027-01-08", recorded="2027-01-11", level="minor")]
    assert read("vela", events, "2027-01-10").level is None
    assert read("vela", events, "2027-01-11").level == "minor"


# -- levels (BR-7) ----------------------------------------------------------------------


def test_a_breach_determined_at_an_unknown_level_is_refused_br_7() -> None:
    refused = _refused(OPENED, ev(K.LEVEL_DETERMINED, "2027-01-08", level="grave"), "2027-01-08")
    assert refused.rule == "BR-7"
    assert '"grave"' in refused.message and "minor, major" in refused.message


def test_a_breach_reported_at_an_unknown_level_is_refused_br_7() -> None:
    refused = _refused([], ev(K.RAISED, "2027-01-04", level="grave"), "2027-01-04")
    assert refused.rule == "BR-7"
    view = propose("vela", [], ev(K.RAISED, "2027-01-04", level="major"), "2027-01-04")
    assert (view.level, view.level_reason) == ("major", "As reported; not yet determined.")


# -- escalation (BR-8, Interpretation 5) -----------------------------------------------

# Vela's first minor finding (V-1), here appealed, and a second minor breach after it.
FIRST_MINOR = [*VELA_FIRST.events[:6], ev(K.APPEAL_LODGED, "2026-11-12")]
SECOND = SECOND_MINOR[:4]


def test_a_finding_overturned_on_appeal_does_not_escalate_the_next_minor_breach_br_8() -> None:
    overturned = earlier(
        "V-1",
        *FIRST_MINOR,
        ev(K.APPEAL_DECIDED, "2026-11-20", result=AppealResult.OVERTURNED, reason="New evidence"),
    )
    view = read("vela", SECOND, "2026-12-23", before=[overturned])
    assert (view.level, view.escalated_by) == ("minor", None)
    assert view.findings == ()
    # The overturned warning left the file on the day of the decision.
    assert [(f.key, f.ends, f.ended_by) for f in view.file] == [
        ("final_written_warning", d("2026-11-20"), "overturned on appeal")
    ]


def test_a_finding_upheld_or_varied_on_appeal_still_escalates_br_8() -> None:
    for result, outcome in (
        (AppealResult.UPHELD, None),
        (AppealResult.VARIED, "training_and_support"),
    ):
        kept = earlier(
            "V-1",
            *FIRST_MINOR,
            ev(K.APPEAL_DECIDED, "2026-11-20", result=result, outcome=outcome, reason="Heard"),
        )
        view = read("vela", SECOND, "2026-12-23", before=[kept])
        assert (view.level, view.escalated_by) == ("major", "V-1"), result


def test_a_withdrawn_case_or_no_breach_found_is_no_finding_interpretation_5() -> None:
    withdrawn = earlier("V-1", *FIRST_MINOR[:4], ev(K.WITHDRAWN, "2026-11-11"))
    cleared = earlier(
        "V-2", *FIRST_MINOR[:3], ev(K.LEVEL_DETERMINED, "2026-11-10", level=NO_BREACH)
    )
    view = read("vela", SECOND, "2026-12-23", before=[withdrawn, cleared])
    assert (view.level, view.escalated_by, view.findings) == ("minor", None, ())


def test_a_finding_made_after_the_new_one_does_not_escalate_it_br_8() -> None:
    # The earlier case began first but its finding came after this one's.
    slow = earlier("V-1", *FIRST_MINOR[:3], ev(K.LEVEL_DETERMINED, "2026-12-28", level="minor"))
    view = read("vela", SECOND, "2026-12-30", before=[slow])
    assert (view.level, view.escalated_by) == ("minor", None)
    assert [(f.case_id, f.on) for f in view.findings] == [("V-1", d("2026-12-28"))]


# -- no breach found (BR-10, BR-12) -----------------------------------------------------


def test_no_breach_found_decides_the_case_and_offers_no_appeal_br_12() -> None:
    events = [*OPENED, ev(K.LEVEL_DETERMINED, "2027-01-08", level=NO_BREACH)]
    view = read("vela", events, "2027-01-08")
    assert view.state is State.DECIDED
    assert view.outcome is not None
    assert (view.outcome.key, view.outcome.effect) == (NO_BREACH, Effect.NONE)
    assert view.appeal_window is None
    assert not view.allows(K.APPEAL_LODGED)
    assert [s.kind for s in view.next_steps] == [K.NOTICE_SENT, K.CLOSED]
    assert view.outcomes_on_offer == ()
    noticed = [*events, ev(K.NOTICE_SENT, "2027-01-08", channel=Channel.EMAIL)]
    refused = _refused(noticed, ev(K.APPEAL_LODGED, "2027-01-11"), "2027-01-11")
    assert refused.rule == "BR-12"


# -- suspension (BR-9) ------------------------------------------------------------------


def test_a_second_lift_of_a_suspension_is_refused_br_9() -> None:
    events = [
        *OPENED,
        ev(K.SUSPENDED, "2027-01-08", level="minor"),
        ev(K.SUSPENSION_LIFTED, "2027-01-11"),
    ]
    view = read("vela", events, "2027-01-11")
    assert not view.allows(K.SUSPENSION_LIFTED)
    assert view.allows(K.SUSPENDED)
    refused = _refused(events, ev(K.SUSPENSION_LIFTED, "2027-01-12"), "2027-01-12")
    assert refused.rule == "BR-9"
    assert [(f.ends, f.ended_by) for f in view.file] == [(d("2027-01-11"), "lifted")]


def test_a_suspension_that_has_run_out_cannot_be_lifted_br_9() -> None:
    events = [*OPENED, ev(K.SUSPENDED, "2027-01-08", level="minor", until=d("2027-01-12"))]
    assert read("vela", events, "2027-01-11").allows(K.SUSPENSION_LIFTED)
    assert not read("vela", events, "2027-01-12").allows(K.SUSPENSION_LIFTED)
    refused = _refused(events, ev(K.SUSPENSION_LIFTED, "2027-01-12"), "2027-01-12")
    assert refused.rule == "BR-9"
    assert "already ended on 12 January 2027" in refused.message
    lifted = propose("vela", events, ev(K.SUSPENSION_LIFTED, "2027-01-11"), "2027-01-11")
    assert [(f.ends, f.ended_by, f.in_force) for f in lifted.file] == [
        (d("2027-01-11"), "lifted", False)
    ]


def test_a_suspension_must_end_after_it_starts() -> None:
    refused = _refused(
        OPENED, ev(K.SUSPENDED, "2027-01-08", level="minor", until=d("2027-01-08")), "2027-01-08"
    )
    assert (refused.rule, refused.message) == (DATES, "A suspension must end after it starts.")
    view = propose(
        "vela",
        OPENED,
        ev(K.SUSPENDED, "2027-01-08", level="minor", until=d("2027-01-09")),
        "2027-01-08",
    )
    assert [(f.start, f.ends, f.in_force) for f in view.file] == [
        (d("2027-01-08"), d("2027-01-09"), True)
    ]
