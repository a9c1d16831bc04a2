"""The deadline planner against a day-by-day count: every deadline of every preset, from
every day from 1 December 2026 to 31 January 2029, over England's and Scotland's bank
holidays (BR-5, BR-11, BR-12; Interpretations 1 and 2).

The count here is the test's own: a loop over the days with the bank holidays written out
below (taken once from the ``holidays`` package, substitute days included), turned into a
cumulative index of working days so each expected date is one lookup. The figures each
preset sets are written out here too, from CLAUSES.md, not read from the code under test.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from itertools import accumulate

import pytest

from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar
from panelkeeper.rules.ladder.planner import PlanStep, plan, plan_steps
from panelkeeper.rules.policy.presets import PRESETS, load_preset


def _days(*texts: str) -> frozenset[dt.date]:
    return frozenset(dt.date.fromisoformat(t) for t in texts)


# fmt: off
ENGLAND = _days(
    "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
    "2026-12-25", "2026-12-28",  # Boxing Day 2026 is a Saturday: Monday 28th instead
    "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
    "2027-12-27", "2027-12-28",  # Christmas 2027 on a Saturday, Boxing Day on a Sunday
    "2028-01-03",  # New Year's Day 2028 is a Saturday
    "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28",
    "2028-12-25", "2028-12-26",
    "2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27",
    "2029-12-25", "2029-12-26",
)
SCOTLAND = _days(
    "2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25", "2026-06-15",
    "2026-08-03", "2026-11-30", "2026-12-25", "2026-12-28",
    "2027-01-01", "2027-01-04",  # 2 January 2027 is a Saturday: Monday 4th instead
    "2027-03-26", "2027-05-03", "2027-05-31", "2027-08-02", "2027-11-30",
    "2027-12-27", "2027-12-28",
    "2028-01-03", "2028-01-04",  # 1 and 2 January 2028 fall on a weekend
    "2028-04-14", "2028-05-01", "2028-05-29", "2028-08-07", "2028-11-30",
    "2028-12-25", "2028-12-26",
    "2029-01-01", "2029-01-02", "2029-03-30", "2029-05-07", "2029-05-28", "2029-08-06",
    "2029-11-30", "2029-12-25", "2029-12-26",
)
# fmt: on
HOLIDAYS = {Region.ENG: ENGLAND, Region.SCT: SCOTLAND}

FIRST = dt.date(2026, 12, 1)
LAST = dt.date(2029, 1, 31)
FROM_DAYS = (LAST - FIRST).days + 1
#: Counted days run on past LAST: the longest chain (2 working days, then 10) needs weeks.
SPAN = FROM_DAYS + 120

WD, CD = "working days", "days"
STEP, RECEIPT = "step", "receipt"
EMAIL, POST = (0, CD, STEP), (2, WD, STEP)


def _notice(receipt: tuple[int, str, str], window: int, unit: str) -> list[tuple]:  # type: ignore[type-arg]
    return [("notice_received", *receipt), ("appeal_window", window, unit, RECEIPT)]


def _notices(window: int, unit: str) -> dict[PlanStep, list[tuple]]:  # type: ignore[type-arg]
    return {
        PlanStep.NOTICE_EMAILED: _notice(EMAIL, window, unit),
        PlanStep.NOTICE_POSTED: _notice(POST, window, unit),
        PlanStep.NOTICE_HANDED: _notice(EMAIL, window, unit),
    }


#: Per preset, per step: (key, amount, unit, counted from the step or from the receipt).
EXPECTED: dict[str, dict[PlanStep, list[tuple]]] = {  # type: ignore[type-arg]
    "vela": {
        PlanStep.MEMBER_INFORMED: [("conclude", 10, WD, STEP)],
        **_notices(10, WD),
    },
    "insight": {
        PlanStep.MEMBER_INFORMED: [("conclude", 10, WD, STEP)],
        **_notices(10, WD),
        PlanStep.APPEAL_RECEIVED: [("appeal_decide", 10, WD, STEP)],
    },
    "nexus": {
        PlanStep.MEETING_HELD: [("notice", 3, CD, STEP)],
        PlanStep.DECISION_MADE: [("notice", 3, CD, STEP)],
        **_notices(7, CD),
        PlanStep.APPEAL_RECEIVED: [("appeal_consider", 7, CD, STEP)],
        PlanStep.APPEAL_CONSIDERED: [("appeal_decide", 7, CD, STEP)],
    },
    "herefordshire": {
        PlanStep.REPORT_RECEIVED: [("conclude", 10, CD, STEP)],
        PlanStep.DECISION_MADE: [("notice", 3, CD, STEP)],
    },
    "thirteen": _notices(10, WD),
}


class Oracle:
    """Day-by-day working days of one region, indexed so each count is one lookup."""

    def __init__(self, holidays: frozenset[dt.date]) -> None:
        self.days = [FIRST + dt.timedelta(days=i) for i in range(SPAN)]
        working = [d.weekday() < 5 and d not in holidays for d in self.days]
        self.through = list(accumulate(working))  # working days on days[0..i]
        self.working = [i for i, w in enumerate(working) if w]

    def add(self, i: int, amount: int, unit: str) -> int:
        """The index ``amount`` units after day ``i``, counting from the day after."""
        if unit == CD or amount == 0:
            return i + amount
        return self.working[self.through[i] + amount - 1]


@cache
def oracle(region: Region) -> Oracle:
    return Oracle(HOLIDAYS[region])


def test_the_literal_holidays_reach_past_the_last_day_counted() -> None:
    last_counted = FIRST + dt.timedelta(days=SPAN - 1)
    for days in HOLIDAYS.values():
        assert {d.year for d in days} == {2026, 2027, 2028, 2029}
        assert last_counted < max(days)


def test_every_preset_plans_exactly_the_steps_written_here() -> None:
    for slug in PRESETS:
        assert set(plan_steps(load_preset(slug).breach)) == set(EXPECTED[slug]), slug


@pytest.mark.parametrize("region", [Region.ENG, Region.SCT])
@pytest.mark.parametrize("slug", PRESETS)
def test_the_planner_agrees_with_a_day_by_day_count(slug: str, region: Region) -> None:
    ladder = load_preset(slug).breach
    assert ladder is not None
    count = oracle(region)
    calendar = WorkingCalendar(region)
    for step, wanted in EXPECTED[slug].items():
        for i in range(FROM_DAYS):
            on = count.days[i]
            dates = plan(ladder, calendar, step, on)
            got = [(x.key, x.on) for x in dates]
            receipt = i
            expected = []
            for key, amount, unit, start in wanted:
                j = count.add(receipt if start == RECEIPT else i, amount, unit)
                if key == "notice_received":
                    receipt = j
                expected.append((key, count.days[j]))
            assert got == expected, (slug, region, step, on)
