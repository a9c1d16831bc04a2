"""Working days and calendar days: the one place deadlines are counted (STYLE 6).

Interpretation 1: a deadline counts from the day after the event; "days" without
"working" are calendar days; a calendar-day deadline that falls on a non-working day
stays where it falls unless the caller asks it to roll to the next working day.

A working day is Monday to Friday, not a bank holiday of the organisation's region
(from the pinned ``holidays`` package, never the network) and not one of its own
closure days (which is also how a newly announced bank holiday is added before the
package is upgraded).

Speed: adding working days skips whole weeks arithmetically and counts holidays with a
binary search over a per-year cache, so a long span costs a few steps, not one per day.
"""

from __future__ import annotations

import bisect
import calendar as _stdlib_calendar
import datetime as dt
from collections.abc import Iterable
from functools import cache

import holidays

from panelkeeper.rules.calendar.durations import Duration, Unit
from panelkeeper.rules.labels import LabelledEnum


class Region(LabelledEnum):
    """The UK nations, as the ``holidays`` package names their subdivisions."""

    ENG = "ENG", "England"
    WLS = "WLS", "Wales"
    SCT = "SCT", "Scotland"
    NIR = "NIR", "Northern Ireland"


@cache
def bank_holidays(region: Region, year: int) -> tuple[dt.date, ...]:
    """The bank holidays of ``region`` in ``year``, sorted (cached per year)."""
    found = holidays.country_holidays("GB", subdiv=region.value, years=year)
    return tuple(sorted(found.keys()))


def _weekdays_through(ordinal: int) -> int:
    """How many Mondays-to-Fridays fall on ordinals 1..ordinal (ordinal 1 is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def _add_weekdays(start: dt.date, count: int) -> dt.date:
    """The ``count``-th Monday-to-Friday after ``start`` (``count`` >= 1)."""
    weekday = start.weekday()
    if weekday >= 5:
        # From a weekend, the next weekday is the same as from the Friday before; the
        # weekday stays 5 or 6, so any remainder below crosses the weekend, as from Friday.
        start -= dt.timedelta(days=weekday - 4)
    weeks, rest = divmod(count, 5)
    if rest == 0:
        return start + dt.timedelta(weeks=weeks)
    if weekday + rest >= 5:
        rest += 2
    return start + dt.timedelta(weeks=weeks, days=rest)


def add_months(start: dt.date, months: int) -> dt.date:
    """Calendar months later, the day clamped to the end of a shorter month."""
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    last = _stdlib_calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(start.day, last))


class WorkingCalendar:
    """Working-day arithmetic for one region and one organisation's closure days."""

    def __init__(self, region: Region = Region.ENG, closure_days: Iterable[dt.date] = ()) -> None:
        self.region = region
        self.closure_days: frozenset[dt.date] = frozenset(closure_days)
        # Weekday ordinals that are not working days, kept sorted, filled a year at a time
        # (by the first _load, before anything reads it).
        self._off: list[int] = []  # pragma: no mutate
        self._off_set: set[int] = set()
        self._years: set[int] = set()

    def __repr__(self) -> str:
        return f"WorkingCalendar({self.region!s}, {len(self.closure_days)} closure days)"

    # -- the holiday cache ----------------------------------------------------

    def _load(self, first_year: int, last_year: int) -> None:
        missing = [y for y in range(first_year, last_year + 1) if y not in self._years]
        if not missing:
            return
        for year in missing:
            self._years.add(year)
            days = {d for d in bank_holidays(self.region, year)}
            days |= {d for d in self.closure_days if d.year == year}
            for day in days:
                if day.weekday() < 5:
                    self._off_set.add(day.toordinal())
        self._off = sorted(self._off_set)

    def _off_between(self, after: dt.date, through: dt.date) -> int:
        """Weekday holidays and closures in ``(after, through]``."""
        self._load(after.year, through.year)
        lo = bisect.bisect_right(self._off, after.toordinal())
        hi = bisect.bisect_right(self._off, through.toordinal())
        return hi - lo

    # -- questions ------------------------------------------------------------

    def is_working_day(self, day: dt.date) -> bool:
        if day.weekday() >= 5:
            return False
        self._load(day.year, day.year)
        return day.toordinal() not in self._off_set

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day after ``day`` (never ``day`` itself)."""
        return self.add_working_days(day, 1)

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start``; ``start`` itself when ``count`` is 0.

        Counting starts the day after ``start`` (Interpretation 1), so ``start`` may be any
        day, a weekend or holiday included.
        """
        if count < 0:
            raise ValueError("count working days forwards: count must be 0 or more")
        if count == 0:
            return start
        end = _add_weekdays(start, count)
        missing = self._off_between(start, end)
        # Each holiday or closure inside the span pushes the end on by one weekday; the
        # extension may itself hold more, so repeat until it holds none.
        while missing:
            new_end = _add_weekdays(end, missing)
            missing = self._off_between(end, new_end)
            end = new_end
        return end

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in ``(start, end]``; negative, counted backwards, if ``end`` is earlier.

        ``working_days_between(today, due)`` is the number of working days left.
        """
        if end < start:
            return -self.working_days_between(end, start)
        weekdays = _weekdays_through(end.toordinal()) - _weekdays_through(start.toordinal())
        return weekdays - self._off_between(start, end)

    def add_calendar_days(self, start: dt.date, count: int, *, roll: bool = False) -> dt.date:
        """``count`` calendar days after ``start``; with ``roll``, moved on to a working day."""
        return self._rolled(start + dt.timedelta(days=count), roll)

    def add(self, start: dt.date, duration: Duration, *, roll: bool = False) -> dt.date:
        """``start`` plus ``duration``; ``roll`` applies to every unit but working days.

        Months and years are calendar months and years, the day clamped to the month's end
        (31 January plus 1 month is 28 or 29 February).
        """
        amount = duration.amount
        match duration.unit:
            case Unit.WORKING_DAYS:
                return self.add_working_days(start, amount)
            case Unit.DAYS:
                return self.add_calendar_days(start, amount, roll=roll)
            case Unit.WEEKS:
                return self.add_calendar_days(start, 7 * amount, roll=roll)
            case Unit.MONTHS:
                return self._rolled(add_months(start, amount), roll)
            case Unit.YEARS:
                return self._rolled(add_months(start, 12 * amount), roll)

    def _rolled(self, day: dt.date, roll: bool) -> dt.date:
        if roll and not self.is_working_day(day):
            return self.next_working_day(day)
        return day
