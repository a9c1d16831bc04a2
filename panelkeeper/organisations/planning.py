"""The deadline planner for an organisation: its code in force and its working calendar.

"If this step of a breach happened on this date, when would each deadline fall?" The
rulebook page's planner form and the API's planner operation both ask
:func:`plan_deadlines`, so they accept and refuse exactly the same input. The dates come
from :func:`panelkeeper.rules.ladder.planner.plan`, counted as a real case's are, over the
organisation's region and closure days (BR-5, BR-11, BR-12; Interpretations 1 and 2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.in_force import calendar_for, loadable_policy_on
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.ladder.model import Ladder
from panelkeeper.rules.ladder.planner import (
    PlannedDate,
    PlanRefused,
    PlanStep,
    plan,
    plan_steps,
    read_step,
)

VALIDATION = "validation"
STEP_MISSING = "Choose the step that happened"


@dataclass(frozen=True)
class Planned:
    """The dates that follow from ``step`` happening ``on`` a day."""

    step: PlanStep
    on: dt.date
    dates: tuple[PlannedDate, ...]


def _ladder(organisation: Organisation, today: dt.date) -> Ladder | None:
    policy = loadable_policy_on(organisation, on=today)
    return None if policy is None else policy.breach


def planner_steps(organisation: Organisation, *, today: dt.date) -> tuple[PlanStep, ...]:
    """The steps the code in force on ``today`` starts a deadline from (none without one)."""
    return plan_steps(_ladder(organisation, today))


def plan_deadlines(
    organisation: Organisation, *, step: str, on: dt.date | None, today: dt.date
) -> Planned:
    """Every deadline that follows from ``step`` happening ``on``, under the code in force
    on ``today``; :class:`Refused` naming the field when the step or the date will not do."""
    ladder = _ladder(organisation, today)
    if ladder is None or not plan_steps(ladder):
        raise Refused(
            "The code of conduct in force sets no deadlines for a breach, so there is "
            "nothing to plan.",
            rule=VALIDATION,
            field="step",
        )
    try:
        chosen = read_step(ladder, step)
    except PlanRefused:
        raise Refused(STEP_MISSING, rule=VALIDATION, field="step") from None
    if on is None:
        raise Refused("Enter the date the step happened", rule=VALIDATION, field="on")
    try:
        dates = plan(ladder, calendar_for(organisation), chosen, on)
    except PlanRefused as error:
        raise Refused(error.message, rule=VALIDATION, field=error.field) from None
    return Planned(chosen, on, dates)
