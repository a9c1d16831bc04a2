"""`panelkeeper worker`: django-tasks-db's worker, holding a lease on the task it runs."""

from __future__ import annotations

import os
from typing import Any

from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from panelkeeper.core.leases import LeaseKeeper, recover


class Command(db_worker.Command):
    help = (
        "Run the task worker. Tasks left running by a worker that died are taken up again "
        "once their lease (TASK_LEASE_SECONDS) runs out: at start, and every third of a "
        "lease while this worker runs."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # With --reload this process only watches files; its child runs the tasks.
        watcher = (
            options["reload"]
            and not options["batch"]
            and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        )
        if watcher:
            super().handle(*args, **options)
            return
        recovered = recover(now=timezone.now())
        if recovered and options["verbosity"]:
            self.stdout.write(str(recovered))
        keeper = LeaseKeeper(options["worker_id"])
        keeper.start()
        try:
            super().handle(*args, **options)
        finally:
            keeper.stop()
