"""The daily jobs of letters and email, registered with the platform's trigger
(``panelkeeper daily``).

The trigger enqueues one run per day, catching up days that were missed; each run
sends that day's digests and reminders once (see :mod:`panelkeeper.letters.reminders`),
and wakes the outbox's sender in case a wake-up was lost.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.tasks import task

from panelkeeper.core.daily import run_in_batches, run_once
from panelkeeper.letters.reminders import FIGURES, reminder_batches
from panelkeeper.outbox.models import Message, Status
from panelkeeper.outbox.tasks import wake_sender


@task()
def send_daily_reminders(day: str) -> bool:
    """Digests for role holders and reminders for members for ``day`` (ISO date), a
    batch at a time; a run cut off part-way is taken up again where it stopped."""
    batches = reminder_batches(dt.date.fromisoformat(day))
    return run_in_batches("letters_reminders", day, batches, figures=FIGURES)


@task()
def sweep_outbox(day: str) -> bool:
    """Wake the outbox's sender for messages left waiting when a wake-up was lost (a
    crash between a commit and its enqueue); it sends whatever is due."""

    def work() -> dict[str, Any]:
        transaction.on_commit(wake_sender, robust=True)
        return {"waiting": Message.objects.filter(status=Status.WAITING).count()}

    return run_once("outbox_sweep", day, work)
