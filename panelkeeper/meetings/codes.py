"""The code in force for a meeting's organisation on a date, and the bits meetings read."""

from __future__ import annotations

import datetime as dt

from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.policies import InvalidPolicy, Refused, parse
from panelkeeper.rules.policy import Policy


def code_on(organisation: Organisation, on: dt.date) -> Policy | None:
    """The policy in force on ``on``; None when no version is, or it no longer loads."""
    version = PolicyVersion.objects.in_force(organisation, on=on)
    if version is None:
        return None
    try:
        return parse(version)
    except InvalidPolicy:
        return None


def day(value: dt.date) -> str:
    """23 November 2026"""
    return f"{value:%-d %B %Y}"


def not_future(value: dt.date, today: dt.date, *, field: str, noun: str) -> None:
    if value > today:
        raise Refused(f"The {noun} must be today or in the past.", field=field)
