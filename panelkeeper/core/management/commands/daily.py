"""`panelkeeper daily`: enqueue the day's work (run it from cron or a systemd timer).

First it takes up tasks whose worker died and enqueues again the runs they left unfinished.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from panelkeeper.core.daily import enqueue_again, trigger
from panelkeeper.core.leases import recover


class Command(BaseCommand):
    help = "Enqueue each daily job once per day, catching up any days missed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date",
            type=dt.date.fromisoformat,
            help="Run as if today were this date (YYYY-MM-DD); defaults to today in London.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        recovered = recover(now=timezone.now())
        if recovered:
            self.stdout.write(str(recovered))
        again = enqueue_again(options["date"])
        for run in again:
            self.stdout.write(
                f"Enqueued {run.job} for {run.day:%Y-%m-%d} again: it never finished."
            )
        runs = trigger(options["date"])
        if not runs and not again:
            self.stdout.write("Nothing to enqueue: today's jobs are already enqueued.")
        for run in runs:
            self.stdout.write(f"Enqueued {run.job} for {run.day:%Y-%m-%d}.")
