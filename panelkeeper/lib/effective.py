"""The one check that a date something took effect is not in the future.

Every action carries the date it took effect (default today, never later; records may be
entered late). Each domain function and form asks :func:`future_date` and raises its own
refusal with the sentence it returns, so the comparison and the wording live here once
while each refusal keeps its rule, its field and its punctuation (GOV.UK form errors
carry no full stop).
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.rules.dates import day_month_year

__all__ = ["future_date"]


def future_date(value: dt.date, *, today: dt.date, what: str, name_it: bool = False) -> str | None:
    """None when ``value`` is ``today`` or earlier; otherwise what to write instead.

    ``what`` names the date ("The date it was signed"); ``name_it`` adds the date that was
    given ("..., not 8 March 2027"). The sentence has no full stop.
    """
    if value <= today:
        return None
    sentence = f"{what} must be today or in the past"
    return f"{sentence}, not {day_month_year(value)}" if name_it else sentence
