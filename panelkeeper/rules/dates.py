"""Dates as the product writes them, in plain Python: one place for every form it shows.

``day_month_year``: "8 March 2027" (pages, refusals, lists); ``long_date``: "Monday 8
March 2027" (letters, reminders, closure days); ``short_date``: "8 Mar 2027" (dense
tables); ``month_year``: "March 2027". Templates use the same functions through the
filters of :mod:`panelkeeper.lib.date_filters`. Month and day names are English, as
the product's pages are.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["day_month_year", "long_date", "month_year", "short_date"]


def day_month_year(day: dt.date) -> str:
    """8 March 2027"""
    return f"{day.day} {day:%B %Y}"


def long_date(day: dt.date) -> str:
    """Monday 8 March 2027"""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """8 Mar 2027"""
    return f"{day.day} {day:%b %Y}"


def month_year(day: dt.date) -> str:
    """March 2027"""
    return f"{day:%B %Y}"
