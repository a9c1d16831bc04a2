"""The refusals the members' domain functions share: a date's earliest day and a one-line text.

Each rule keeps its wording in one place while every caller names its own field and its
own words for the thing checked, so the sentences read as before ("The date signed must
be on or after 2 March 2026, when this version was published"). No full stops: GOV.UK
form errors carry none.
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.lib.refusals import Refused
from panelkeeper.rules.dates import day_month_year

__all__ = ["refuse_before", "single_line"]


def refuse_before(value: dt.date, *, earliest: dt.date, what: str, since: str, field: str) -> None:
    """Refuse ``value`` on ``field`` when it is before ``earliest``.

    The sentence is "<what> must be on or after <earliest>, <since>", ``since`` saying
    what happened on ``earliest`` ("when the member started").
    """
    if value < earliest:
        raise Refused(
            f"{what} must be on or after {day_month_year(earliest)}, {since}", field=field
        )


def single_line(text: str, *, field: str, missing: str, what: str, most: int) -> str:
    """``text`` with its runs of white space made single spaces, refused when empty
    (with ``missing``) or longer than ``most`` characters ("<what> must be ...")."""
    line = " ".join(text.split())
    if not line:
        raise Refused(missing, field=field)
    if len(line) > most:
        raise Refused(f"{what} must be {most} characters or fewer", field=field)
    return line
