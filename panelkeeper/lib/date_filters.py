"""Template filters over :mod:`panelkeeper.rules.dates`, loaded as builtins in settings.

``{{ meeting.date|day_month_year }}`` writes what ``|date:"j F Y"`` wrote; ``long_date``
replaces ``"l j F Y"`` and ``short_date`` ``"j M Y"``. As Django's ``date`` filter does,
a missing value writes nothing and a date-time is shown in the local time zone first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django import template
from django.utils import timezone

from panelkeeper.rules import dates

register = template.Library()


def _over(form: Callable[[dt.date], str]) -> Callable[[object], str]:
    def apply(value: object) -> str:
        if isinstance(value, dt.datetime):
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            return form(value.date())
        if isinstance(value, dt.date):
            return form(value)
        return ""

    apply.__name__ = form.__name__
    apply.__doc__ = form.__doc__
    return apply


day_month_year = register.filter("day_month_year", _over(dates.day_month_year))
long_date = register.filter("long_date", _over(dates.long_date))
short_date = register.filter("short_date", _over(dates.short_date))
