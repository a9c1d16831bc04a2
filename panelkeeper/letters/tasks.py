"""The daily reminders job, registered with the platform's trigger (``panelkeeper daily``).

The trigger enqueues one run per day, catching up days that were missed; each run
sends that day's digests and reminders once (see :mod:`panelkeeper.letters.reminders`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.tasks import task

from panelkeeper.core.daily import run_once
from panelkeeper.letters.reminders import send_reminders


@task()
def send_daily_reminders(day: str) -> bool:
    """Digests for role holders and reminders for members for ``day`` (ISO date)."""

    def work() -> dict[str, Any]:
        return dict(send_reminders(dt.date.fromisoformat(day)))

    return run_once("letters_reminders", day, work)
