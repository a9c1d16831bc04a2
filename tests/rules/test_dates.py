"""Dates as the product writes them: the few forms, in one module."""

import datetime as dt

from panelkeeper.rules.dates import day_month_year, long_date, month_year, short_date

MONDAY = dt.date(2027, 3, 8)


def test_each_form_reads_as_the_pages_write_it() -> None:
    assert day_month_year(MONDAY) == "8 March 2027"
    assert long_date(MONDAY) == "Monday 8 March 2027"
    assert short_date(MONDAY) == "8 Mar 2027"
    assert month_year(MONDAY) == "March 2027"


def test_the_day_is_never_padded() -> None:
    assert day_month_year(dt.date(2026, 12, 1)) == "1 December 2026"
