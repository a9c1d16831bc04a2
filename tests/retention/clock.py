"""A pinned clock for retention tests: every ``timezone.now()`` answers noon on one day."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from typing import Any
from unittest import mock


def clock_at(day: dt.date) -> AbstractContextManager[Any]:
    """``timezone.now()`` (and so ``timezone.localdate()``) at noon UTC on ``day``."""
    noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC)
    return mock.patch("django.utils.timezone.now", return_value=noon)
