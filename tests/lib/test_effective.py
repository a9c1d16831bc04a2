"""The one check that a date something took effect is not in the future."""

from __future__ import annotations

import datetime as dt

from panelkeeper.lib.effective import future_date

TODAY = dt.date(2026, 11, 23)


def test_today_and_earlier_are_accepted() -> None:
    assert future_date(TODAY, today=TODAY, what="The date signed") is None
    assert future_date(dt.date(2020, 2, 29), today=TODAY, what="The date signed") is None


def test_a_later_date_is_refused_with_what_to_write() -> None:
    tomorrow = TODAY + dt.timedelta(days=1)
    assert (
        future_date(tomorrow, today=TODAY, what="The date signed")
        == "The date signed must be today or in the past"
    )
    assert (
        future_date(tomorrow, today=TODAY, what="The date it took effect", name_it=True)
        == "The date it took effect must be today or in the past, not 24 November 2026"
    )
