"""Adding working days: WorkingCalendar against a plain day-by-day loop.

100,000 start dates spread over 2020-2032 (fixed seed), each plus 10 working days in
England. Both methods must agree on every date before any time is reported.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable

from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar, bank_holidays

DATES = 100_000
WORKING_DAYS = 10
REPEATS = 3


def start_dates() -> list[dt.date]:
    rng = random.Random(20261123)
    first = dt.date(2020, 1, 1).toordinal()
    last = dt.date(2032, 12, 31).toordinal()
    return [dt.date.fromordinal(rng.randint(first, last)) for _ in range(DATES)]


def day_by_day(region: Region) -> Callable[[dt.date, int], dt.date]:
    """The obvious way: step one day at a time, skipping weekends and bank holidays."""
    off = {day for year in range(2019, 2035) for day in bank_holidays(region, year)}

    def add(start: dt.date, count: int) -> dt.date:
        day = start
        while count:
            day += dt.timedelta(days=1)
            if day.weekday() < 5 and day not in off:
                count -= 1
        return day

    return add


def best_time(function: Callable[[], list[dt.date]]) -> tuple[float, list[dt.date]]:
    best, result = float("inf"), []
    for _ in range(REPEATS):
        began = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - began)
    return best, result


def main() -> None:
    dates = start_dates()
    calendar = WorkingCalendar(Region.ENG)
    calendar.add_working_days(dates[0], WORKING_DAYS)  # load the holiday cache, as in use
    naive = day_by_day(Region.ENG)

    fast_seconds, fast = best_time(
        lambda: [calendar.add_working_days(d, WORKING_DAYS) for d in dates]
    )
    slow_seconds, slow = best_time(lambda: [naive(d, WORKING_DAYS) for d in dates])
    mismatches = sum(a != b for a, b in zip(fast, slow, strict=True))
    if mismatches:
        raise SystemExit(f"The two methods disagree on {mismatches} dates: not timing them.")

    print(f"{DATES:,} dates + {WORKING_DAYS} working days (England), best of {REPEATS}:")
    for label, seconds in (("WorkingCalendar", fast_seconds), ("day-by-day loop", slow_seconds)):
        print(f"  {label:<16} {seconds * 1000:8.1f} ms   {seconds / DATES * 1e6:6.2f} µs per date")
    print(f"  WorkingCalendar is {slow_seconds / fast_seconds:.1f}x the speed of the loop")


if __name__ == "__main__":
    main()
