"""Durations as people write them: "10 working days", "7 days", "12 months".

Interpretation 1: "days" without "working" are calendar days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

HOW_TO_WRITE = "write a whole number and a unit, such as '10 working days', '7 days' or '12 months'"


class Unit(StrEnum):
    """The units a duration may be written in (plural form is the value)."""

    WORKING_DAYS = "working days"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"

    @property
    def singular(self) -> str:
        return self.value[:-1]


# Accepted spellings, after lower-casing and collapsing spaces. "calendar days" is the
# same unit as "days" (Interpretation 1).
_SPELLINGS: dict[str, Unit] = {}
for _unit in Unit:
    _SPELLINGS[_unit.value] = _unit
    _SPELLINGS[_unit.singular] = _unit
_SPELLINGS["calendar days"] = Unit.DAYS
_SPELLINGS["calendar day"] = Unit.DAYS

_PATTERN = re.compile(r"^\s*(-?\d+)\s+([a-z ]+?)\s*$")


@dataclass(frozen=True, order=True)
class Duration:
    """A whole number of one unit; zero is allowed (e.g. email received the same day)."""

    amount: int
    unit: Unit

    def __str__(self) -> str:
        name = self.unit.singular if self.amount == 1 else self.unit.value
        return f"{self.amount} {name}"


def parse_duration(text: str) -> Duration:
    """Parse "10 working days" and the like; raise ValueError saying what to write."""
    match = _PATTERN.match(" ".join(text.lower().split()))
    if match is None:
        raise ValueError(f'"{text}" is not a duration: {HOW_TO_WRITE}.')
    amount = int(match.group(1))
    unit = _SPELLINGS.get(match.group(2))
    if unit is None:
        raise ValueError(f'"{match.group(2)}" is not a unit: {HOW_TO_WRITE}.')
    if amount < 0:
        raise ValueError(f'"{text}" is negative: {HOW_TO_WRITE}.')
    return Duration(amount, unit)
