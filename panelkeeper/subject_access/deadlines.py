"""When a subject access request must be answered.

The answer is due on the same date in the following month, or that month's last day
where it has no such date (31 January → 28 or 29 February). An extension for a complex
request adds up to two more months, counted the same way from the day received. Each day
the clock stood still (waiting for proof of identity or for the person to say what they
want) moves the date on by a day. A date that falls on a weekend or a bank holiday moves
to the next working day; the organisation's own closure days do not count, as the law's
month does not stop for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from panelkeeper.rules.calendar.working_days import WorkingCalendar, add_months

MAX_EXTENSION_MONTHS = 2


@dataclass(frozen=True)
class Stop:
    """A pause: from ``paused_on`` until ``resumed_on``, or still paused when None."""

    paused_on: dt.date
    resumed_on: dt.date | None


def days_paused(stops: Iterable[Stop], *, today: dt.date) -> int:
    """Days the clock stood still; a pause not yet over counts up to ``today``."""
    return sum(max(((stop.resumed_on or today) - stop.paused_on).days, 0) for stop in stops)


def due_on(
    received_on: dt.date,
    *,
    calendar: WorkingCalendar,
    extension_months: int = 0,
    paused_days: int = 0,
) -> dt.date:
    """The day the answer is due, on a calendar of bank holidays (see the module)."""
    if not 0 <= extension_months <= MAX_EXTENSION_MONTHS:
        raise ValueError("an extension is 0, 1 or 2 months")
    day = add_months(received_on, 1 + extension_months) + dt.timedelta(days=paused_days)
    return day if calendar.is_working_day(day) else calendar.next_working_day(day)
