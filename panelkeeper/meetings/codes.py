"""The code in force for a meeting's organisation on a date, and the bits meetings read."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.rules.policy import Policy, load_policy
from panelkeeper.rules.problems import PolicyError


@lru_cache(maxsize=32)
def _loaded(text: str, file_name: str) -> Policy | None:
    # A policy is an immutable value of its text, so one parse serves every later call:
    # attendance reviews ask for it once per member per record.
    try:
        return load_policy(text, source=file_name)
    except PolicyError:
        return None


def code_on(organisation: Organisation, on: dt.date) -> Policy | None:
    """The policy in force on ``on``; None when no version is, or it no longer loads."""
    version = PolicyVersion.objects.in_force(organisation, on=on)
    if version is None:
        return None
    return _loaded(version.source, version.file_name)


def day(value: dt.date) -> str:
    """23 November 2026"""
    return f"{value:%-d %B %Y}"


def not_future(value: dt.date, today: dt.date, *, field: str, noun: str) -> None:
    if value > today:
        raise Refused(f"The {noun} must be today or in the past.", field=field)
