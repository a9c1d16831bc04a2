"""The deadline planner (BR-5, BR-11, BR-12; Interpretations 1 and 2): what it plans,
that a real case read through the ladder gives the same dates, and what it refuses."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar
from panelkeeper.rules.ladder.case import Event, EventKind, assess
from panelkeeper.rules.ladder.model import Channel, Ladder
from panelkeeper.rules.ladder.planner import (
    DayOutOfRange,
    PlanStep,
    UnknownStep,
    counted,
    plan,
    plan_steps,
    read_step,
)
from tests.rules.scenarios import d, policy

K = EventKind
ENGLAND = WorkingCalendar(Region.ENG)


def ladder(slug: str) -> Ladder:
    found = policy(slug).breach
    assert found is not None
    return found


def test_notice_posted_on_christmas_eve_is_received_after_boxing_day_br_12() -> None:
    """Interpretation 2: posted on Thursday 24 December 2026, received on the 2nd working
    day (Christmas Day and Monday 28th, Boxing Day's substitute, do not count)."""
    dates = plan(ladder("vela"), ENGLAND, PlanStep.NOTICE_POSTED, d("2026-12-24"))
    assert [(x.key, x.on, x.rules) for x in dates] == [
        ("notice_received", d("2026-12-30"), ("BR-12", "Interpretation 2")),
        ("appeal_window", d("2027-01-14"), ("BR-12",)),
    ]
    assert not dates[0].deadline and dates[1].deadline
    assert counted(dates[1]) == "10 working days after Wednesday 30 December 2026"


def test_a_notice_emailed_counts_as_received_the_same_day_br_12() -> None:
    """Interpretation 2: an email is received the day it is sent."""
    received, _ = plan(ladder("vela"), ENGLAND, PlanStep.NOTICE_EMAILED, d("2026-12-24"))
    assert received.on == d("2026-12-24")
    assert counted(received) == "the same day"


def test_christmas_2027_on_a_saturday_moves_both_holidays_to_monday_and_tuesday() -> None:
    """Posted Thursday 23 December 2027: received Wednesday 29th; ten working days on is
    Thursday 13 January 2028 in England, a day later in Scotland (4 January is a holiday)."""
    on = d("2027-12-23")
    england = plan(ladder("vela"), ENGLAND, PlanStep.NOTICE_POSTED, on)
    scotland = plan(ladder("vela"), WorkingCalendar(Region.SCT), PlanStep.NOTICE_POSTED, on)
    assert [x.on for x in england] == [d("2027-12-29"), d("2028-01-13")]
    assert [x.on for x in scotland] == [d("2027-12-29"), d("2028-01-14")]


def test_closure_days_push_working_day_deadlines_on() -> None:
    closed = WorkingCalendar(Region.ENG, [d("2027-01-04"), d("2027-01-05")])
    dates = plan(ladder("vela"), closed, PlanStep.MEMBER_INFORMED, d("2026-12-24"))
    assert [(x.key, x.on) for x in dates] == [("conclude", d("2027-01-14"))]


def test_calendar_day_deadlines_fall_where_they_fall_interpretation_1() -> None:
    """Herefordshire's three days from a decision on Christmas Eve end on a Sunday."""
    dates = plan(ladder("herefordshire"), ENGLAND, PlanStep.DECISION_MADE, d("2026-12-24"))
    assert [(x.key, x.on) for x in dates] == [("notice", d("2026-12-27"))]
    assert counted(dates[0]) == "3 days after Thursday 24 December 2026"


def test_a_notice_deadline_set_outcome_by_outcome_names_its_outcomes_br_11() -> None:
    meeting = plan(ladder("nexus"), ENGLAND, PlanStep.MEETING_HELD, d("2027-03-01"))
    decision = plan(ladder("nexus"), ENGLAND, PlanStep.DECISION_MADE, d("2027-03-01"))
    assert [x.applies_to for x in meeting] == [(ladder("nexus").outcomes[0].label,)]
    assert len(decision) == 1 and len(decision[0].applies_to) == 3
    assert "BR-11" in decision[0].rules


def test_an_insight_target_is_marked_as_one_br_5() -> None:
    (conclude,) = plan(ladder("insight"), ENGLAND, PlanStep.MEMBER_INFORMED, d("2027-03-01"))
    assert conclude.target and conclude.working_days


def test_every_planned_deadline_names_a_clause() -> None:
    for slug in ("vela", "insight", "nexus", "herefordshire", "thirteen"):
        for step in plan_steps(ladder(slug)):
            assert all(x.rules for x in plan(ladder(slug), ENGLAND, step, d("2027-06-01")))


def test_an_unknown_step_is_refused_listing_the_codes_steps() -> None:
    with pytest.raises(UnknownStep) as refused:
        read_step(ladder("thirteen"), "member_informed")
    assert refused.value.field == "step"
    assert refused.value.given == "member_informed"
    assert refused.value.valid == (
        PlanStep.NOTICE_EMAILED,
        PlanStep.NOTICE_POSTED,
        PlanStep.NOTICE_HANDED,
    )
    assert (
        str(refused.value)
        == refused.value.message
        == (
            '"member_informed" is not a step this code sets a deadline from. Steps: '
            "notice_emailed, notice_posted, notice_handed."
        )
    )
    with pytest.raises(UnknownStep):
        plan(ladder("thirteen"), ENGLAND, PlanStep.MEMBER_INFORMED, d("2027-01-04"))
    assert read_step(ladder("thirteen"), " Notice_Posted ") is PlanStep.NOTICE_POSTED


def test_a_code_without_a_breach_procedure_has_no_steps() -> None:
    assert plan_steps(None) == ()
    with pytest.raises(UnknownStep) as refused:
        read_step(None, "decision_made")
    assert refused.value.message == (
        '"decision_made" is not a step this code sets a deadline from. Steps: none.'
    )


@pytest.mark.parametrize("on", [dt.date(1999, 12, 31), dt.date(2100, 1, 1), dt.date.max])
def test_a_day_far_outside_any_case_is_refused(on: dt.date) -> None:
    with pytest.raises(DayOutOfRange) as refused:
        plan(ladder("vela"), ENGLAND, PlanStep.MEMBER_INFORMED, on)
    assert refused.value.field == "on"
    assert refused.value.on == on
    assert str(refused.value) == "Choose a day from 1 January 2000 to 31 December 2099."


# -- a real case, read through the ladder, gives the same dates ------------------------


def _dues(slug: str, events: list[Event], day: dt.date) -> dict[str, dt.date]:
    view = assess(ladder(slug), events, calendar=ENGLAND, as_of=day)
    found = {x.key: x.due for x in view.deadlines}
    if view.appeal_window is not None and view.appeal_window.closes is not None:
        found["appeal_window"] = view.appeal_window.closes
    return found


def _planned(slug: str, day: dt.date, steps: tuple[PlanStep, ...]) -> dict[str, dt.date]:
    ladder_ = ladder(slug)
    return {x.key: x.on for s in steps for x in plan(ladder_, ENGLAND, s, day) if x.deadline}


S = PlanStep
SERIOUS = {"level": "serious"}
#: Per preset: a case's every step, all on one day, and the planner steps they are.
CASES: dict[str, tuple[list[tuple[EventKind, dict[str, object]]], tuple[PlanStep, ...]]] = {
    "vela": ([(K.RAISED, {"level": "minor"}), (K.MEMBER_INFORMED, {})], (S.MEMBER_INFORMED,)),
    "nexus": (
        [
            (K.RAISED, SERIOUS),
            (K.MEETING_HELD, {}),
            (K.LEVEL_DETERMINED, SERIOUS),
            (K.OUTCOME_RECORDED, {"outcome": "exclusion"}),
            (K.NOTICE_SENT, {"channel": Channel.POST}),
            (K.APPEAL_LODGED, {}),
            (K.APPEAL_CONSIDERED, {}),
        ],
        (S.DECISION_MADE, S.NOTICE_POSTED, S.APPEAL_RECEIVED, S.APPEAL_CONSIDERED),
    ),
    "herefordshire": (
        [
            (K.RAISED, SERIOUS),
            (K.INVESTIGATION_OPENED, {}),
            (K.LEVEL_DETERMINED, SERIOUS),
            (K.OUTCOME_RECORDED, {"outcome": "removal"}),
        ],
        (S.REPORT_RECEIVED, S.DECISION_MADE),
    ),
}
DAYS = [d("2026-12-01") + dt.timedelta(days=i) for i in range(62)]


@pytest.mark.parametrize("slug", CASES)
def test_a_case_gets_the_dates_the_planner_gives(slug: str) -> None:
    """Every step of a case on one day, each day of December 2026 and January 2027: the
    case's due dates and appeal window are the planner's."""
    kinds, steps = CASES[slug]
    for day in DAYS:
        events = [Event(kind, day, **data) for kind, data in kinds]  # type: ignore[arg-type]
        assert _dues(slug, events, day) == _planned(slug, day, steps), day


def test_an_outcome_with_its_own_notice_deadline_is_planned_apart_from_the_rest_br_11() -> None:
    """Herefordshire with removal confirmed within 5 days: that clock names removal and
    cites its rules; the code's 3 days name every other outcome."""
    code = ladder("herefordshire")
    assert code.notice is not None
    five = replace(code.notice, within=replace(code.notice.within, amount=5))
    own = replace(
        code,
        outcomes=tuple(replace(o, notice=five) if o.key == "removal" else o for o in code.outcomes),
    )
    dates = plan(own, ENGLAND, PlanStep.DECISION_MADE, d("2026-12-24"))
    assert [(x.label, x.rules, x.applies_to, x.on) for x in dates] == [
        (
            "Confirm the outcome in writing",
            ("BR-5", "BR-11", "BR-9", "BR-10"),
            ("Removed from future work",),
            d("2026-12-29"),
        ),
        (
            "Confirm the outcome in writing",
            ("BR-5", "BR-11"),
            ("Verbal warning", "Suspended from future work"),
            d("2026-12-27"),
        ),
    ]
    uncited = replace(
        own,
        rules=tuple((part, ids) for part, ids in own.rules if part != "deadlines"),
        outcomes=tuple(replace(o, rules=()) for o in own.outcomes),
    )
    cited = [x.rules for x in plan(uncited, ENGLAND, PlanStep.DECISION_MADE, d("2026-12-24"))]
    assert cited == [("BR-11",), ("BR-11",)]


def test_deadlines_the_code_cites_nothing_for_fall_back_to_br_5_and_br_11() -> None:
    code = ladder("herefordshire")
    bare = replace(
        code, rules=tuple((part, ids) for part, ids in code.rules if part != "deadlines")
    )
    (conclude,) = plan(bare, ENGLAND, PlanStep.REPORT_RECEIVED, d("2026-12-24"))
    (notice,) = plan(bare, ENGLAND, PlanStep.DECISION_MADE, d("2026-12-24"))
    assert (conclude.label, conclude.rules, conclude.on) == (
        "Deal with the breach",
        ("BR-5",),
        d("2027-01-03"),
    )
    assert (notice.rules, notice.applies_to) == (("BR-11",), ())
