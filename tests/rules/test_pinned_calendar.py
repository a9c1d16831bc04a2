"""Working-day arithmetic at its edges (Interpretation 1), pinned for issue 17."""

from __future__ import annotations

import pytest

from panelkeeper.rules.calendar.durations import parse_duration
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from tests.rules.scenarios import d


def test_adding_a_negative_count_of_working_days_is_refused() -> None:
    # Deadlines only count forwards: durations are never negative (parse_duration refuses
    # them) and a look-back counts backwards on its own, so a negative count is a mistake.
    calendar = WorkingCalendar()
    with pytest.raises(ValueError, match="forwards"):
        calendar.add_working_days(d("2027-01-06"), -1)
    with pytest.raises(ValueError, match="negative"):
        parse_duration("-2 working days")


def test_adding_no_working_days_is_the_day_itself_even_a_holiday() -> None:
    calendar = WorkingCalendar()
    assert calendar.add_working_days(d("2026-12-25"), 0) == d("2026-12-25")
    assert calendar.add_working_days(d("2026-12-25"), 1) == d("2026-12-29")
