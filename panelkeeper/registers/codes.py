"""The code of conduct in force on a date, and the roles it names, for the registers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.in_force import loadable_policy_on
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.roles import Role


def code_on(organisation: Organisation, on: dt.date) -> Policy | None:
    """The policy in force on ``on``; None when no version is, or it no longer loads."""
    return loadable_policy_on(organisation, on=on)


def day(value: dt.date) -> str:
    """23 November 2026"""
    return day_month_year(value)


def no_code(on: dt.date) -> Refused:
    return Refused(
        f"No code of conduct was in force on {day(on)}. Publish a version of the code "
        "that covers that date first."
    )


def pick_role(roles: Sequence[Role], key: str | None, *, field: str, what: str) -> Role:
    """The role among ``roles`` with ``key``; the only one when ``key`` is empty."""
    if not key and len(roles) == 1:
        return roles[0]
    for role in roles:
        if role.key == key:
            return role
    titles = " or ".join(role.title for role in roles)
    raise Refused(f"Choose {what}: {titles}.", field=field)
