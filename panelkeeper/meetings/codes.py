"""The code in force for a meeting's organisation on a date, and the bits meetings read."""

from __future__ import annotations

import datetime as dt

from panelkeeper.organisations.in_force import loadable_policy_on
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.sections import Meetings


def code_on(organisation: Organisation, on: dt.date) -> Policy | None:
    """The policy in force on ``on``; None when no version is, or it no longer loads.

    Attendance reviews ask once per member per record; the service parses each text once.
    """
    return loadable_policy_on(organisation, on=on)


def meeting_rules(organisation: Organisation, on: dt.date) -> Meetings | None:
    """What the code in force on ``on`` says of how meetings decide and who chairs them
    (MTG-3, MTG-4); None when no code is in force or it has no ``[meetings]`` section."""
    policy = code_on(organisation, on)
    return policy.meetings if policy is not None else None


def day(value: dt.date) -> str:
    """23 November 2026"""
    return day_month_year(value)
