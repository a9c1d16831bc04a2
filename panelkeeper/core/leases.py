"""Leases on running tasks, so a task whose worker died is taken up again.

django-tasks-db marks a task ``RUNNING`` when a worker claims it and then trusts that
worker to finish it. A worker killed outright (SIGKILL, the machine losing power, the
out-of-memory killer) leaves the task ``RUNNING`` for ever. So a worker holds a lease on
the task it runs: ``panelkeeper worker`` renews it every third of ``TASK_LEASE_SECONDS``
(15 minutes by default) for as long as the task runs, however long that is. A task whose
last sign of life (the lease, or the moment it was claimed) is older than the lease is
given back to the queue by ``recover``, which every worker runs at start and then
periodically, and which ``panelkeeper daily`` runs too. A task given back
``MAX_ATTEMPTS`` times is marked failed instead, so one that kills its worker every time
does not keep killing workers; the daily trigger enqueues a daily job again the next time
it runs.

Renewal and recovery both lock the task's row first, so a lease renewed at the last
moment is seen and the task is left with its worker. Tasks must still be idempotent (see
DEVELOPERS.md): a worker that stalls for longer than a lease without dying, on a
database too busy to take its renewal, can find its task taken up by another, and the
second run must then do nothing the first has done.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.db.models.functions import Coalesce
from django.tasks import TaskResultStatus
from django.tasks.signals import task_finished, task_started
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from panelkeeper.core.models import TaskLease

logger = logging.getLogger(__name__)

# Claims of one task after which a lapsed lease fails it rather than queueing it again.
MAX_ATTEMPTS = 3


class LeaseExpired(Exception):
    """The workers given a task stopped renewing its lease, ``MAX_ATTEMPTS`` times."""


def lease_length() -> dt.timedelta:
    return dt.timedelta(seconds=settings.TASK_LEASE_SECONDS)


def renew(task_id: str, worker_id: str, *, now: dt.datetime) -> bool:
    """Record that ``worker_id`` is still running the task; False if it is no longer its own."""
    with transaction.atomic():
        task = (
            DBTaskResult.objects.select_for_update()
            .filter(pk=task_id, status=TaskResultStatus.RUNNING)
            .first()
        )
        if task is None or task.worker_ids[-1:] != [worker_id]:
            return False
        TaskLease.objects.update_or_create(task=task, defaults={"renewed": now})
    return True


@dataclass
class Recovered:
    """The tasks ``recover`` gave back to the queue, and those it marked failed."""

    queued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.queued or self.failed)

    def __str__(self) -> str:
        return (
            f"Took up {len(self.queued)} task(s) whose worker stopped; "
            f"{len(self.failed)} stopped too often and are marked failed."
        )


def _last_sign_of_life(task: DBTaskResult[..., Any], *, default: dt.datetime) -> dt.datetime:
    renewed = TaskLease.objects.filter(task=task).values_list("renewed", flat=True)
    started = [task.started_at] if task.started_at else []
    return max([*renewed, *started], default=default)


def recover(*, now: dt.datetime, keep: Collection[str] = ()) -> Recovered:
    """Take back every running task whose lease lapsed before ``now``, except ``keep``."""
    cutoff = now - lease_length()
    lapsed = (
        DBTaskResult.objects.running()
        .exclude(pk__in=list(keep))
        .annotate(alive=Coalesce("lease__renewed", "started_at"))
        .filter(alive__lt=cutoff)
        .values_list("pk", flat=True)
    )
    recovered = Recovered()
    for pk in list(lapsed):
        with transaction.atomic():
            task = (
                DBTaskResult.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=TaskResultStatus.RUNNING)
                .first()
            )
            if task is None or _last_sign_of_life(task, default=cutoff) >= cutoff:
                continue  # finished, claimed anew, or renewed since the first look
            TaskLease.objects.filter(task_id=pk).delete()
            if len(task.worker_ids) >= MAX_ATTEMPTS:
                task.set_failed(
                    LeaseExpired(
                        f"The worker running this task stopped {len(task.worker_ids)} times "
                        "without finishing it."
                    )
                )
                recovered.failed.append(str(pk))
            else:
                task.status = TaskResultStatus.READY
                task.save(update_fields=["status"])
                recovered.queued.append(str(pk))
    for task_id in recovered.queued:
        logger.warning("Task %s outlived its lease: queued to run again.", task_id)
    for task_id in recovered.failed:
        logger.error("Task %s outlived its lease %d times: marked failed.", task_id, MAX_ATTEMPTS)
    return recovered


class LeaseKeeper:
    """A worker's companion thread: renews the lease of the task it runs, recovers others.

    The worker's own thread tells it which task is running through the task started and
    finished signals; ``tick`` does one round of work and is what tests call, with a clock
    of their own.
    """

    def __init__(self, worker_id: str, *, clock: Callable[[], dt.datetime] = timezone.now) -> None:
        self.worker_id = worker_id
        self.clock = clock
        self.running: str | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="lease-keeper", daemon=True)

    def task_started(self, sender: object, task_result: Any, **kwargs: object) -> None:
        self.running = str(task_result.id)

    def task_finished(self, sender: object, task_result: Any, **kwargs: object) -> None:
        self.running = None

    def listen(self) -> None:
        task_started.connect(self.task_started, dispatch_uid=f"lease-{self.worker_id}")
        task_finished.connect(self.task_finished, dispatch_uid=f"lease-{self.worker_id}")

    def tick(self) -> Recovered:
        """Renew the running task's lease, then recover lapsed ones; never raises."""
        now = self.clock()
        running = self.running
        try:
            if running is not None and not renew(running, self.worker_id, now=now):
                logger.warning(
                    "Task %s is no longer this worker's: another worker may run it again.",
                    running,
                )
            return recover(now=now, keep=[running] if running else [])
        except DatabaseError:
            # A busy or restarting database: the next tick tries again, well within the lease.
            logger.warning("Could not renew or recover task leases this time.", exc_info=True)
            return Recovered()

    def start(self) -> None:
        self.listen()
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()

    def _loop(self) -> None:
        interval = settings.TASK_LEASE_SECONDS / 3
        try:
            while not self._stopping.wait(interval):
                close_old_connections()  # this thread's own, dropped by a restarted server
                self.tick()
        finally:
            connection.close()
