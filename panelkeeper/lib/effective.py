"""The one check that a date something took effect is not in the future.

Every action carries the date it took effect (default today, never later; records may be
entered late). Domain functions call :func:`refuse_future`; forms ask :func:`future_date`
for the words to show. The comparison and the wording live here once, while each refusal
keeps its rule, its field and its punctuation (GOV.UK form errors carry no full stop).
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.lib.refusals import VALIDATION, Refused
from panelkeeper.rules.dates import day_month_year

__all__ = ["future_date", "refuse_future"]


def future_date(value: dt.date, *, today: dt.date, what: str, name_it: bool = False) -> str | None:
    """None when ``value`` is ``today`` or earlier; otherwise what to write instead.

    ``what`` names the date ("The date it was signed"); ``name_it`` adds the date that was
    given ("..., not 8 March 2027"). The sentence has no full stop.
    """
    if value <= today:
        return None
    sentence = f"{what} must be today or in the past"
    return f"{sentence}, not {day_month_year(value)}" if name_it else sentence


def refuse_future(
    value: dt.date,
    today: dt.date,
    *,
    what: str,
    field: str,
    name_it: bool = False,
    rule: str = VALIDATION,
    full_stop: bool = True,
) -> None:
    """Refuse ``value`` on ``field`` (under ``rule``) when it is after ``today``, in the
    words of :func:`future_date`: a sentence, unless ``full_stop`` is off (the members'
    refusals read as GOV.UK form errors, which carry none)."""
    problem = future_date(value, today=today, what=what, name_it=name_it)
    if problem is not None:
        raise Refused(f"{problem}." if full_stop else problem, rule=rule, field=field)
