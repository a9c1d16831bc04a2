"""The version name suggested for a draft started from a published version (GOV-1).

A draft begins as a copy of the version it starts from, name and all, and publishing
needs a name no published version has. :func:`next_version_name` suggests one: the
last number in the name counted on ("2.0" to "2.1", "2024-1" to "2024-2", "v9" to
"v10", keeping a leading zero's width), or for a name ending in no number the name
with the day in words ("Kestrel code, 7 December 2026"). The officer may change it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from panelkeeper.rules.dates import day_month_year

__all__ = ["LONGEST", "next_version_name"]

#: The longest version name kept.
LONGEST = 100
_LAST_NUMBER = re.compile(r"^(.*?)(\d+)(\D*)$")


def _counted_on(name: str) -> str | None:
    match = _LAST_NUMBER.match(name)
    if match is None:
        return None
    before, digits, after = match.groups()
    return f"{before}{int(digits) + 1:0{len(digits)}d}{after}"


def next_version_name(name: str, taken: Collection[str], *, today: dt.date) -> str:
    """A name for the version after ``name``, unlike any in ``taken``, at most
    :data:`LONGEST` characters."""
    name = name.strip()
    counted = _counted_on(name)
    while counted is not None and counted in taken:
        counted = _counted_on(counted)
    if counted is not None and len(counted) <= LONGEST:
        return counted
    day = day_month_year(today)
    tail, number = day, 2
    while True:
        # The name is shortened, never the day or its number.
        suggestion = f"{name[: LONGEST - len(tail) - 2]}, {tail}" if name else tail
        if suggestion not in taken:
            return suggestion
        tail, number = f"{day} ({number})", number + 1
