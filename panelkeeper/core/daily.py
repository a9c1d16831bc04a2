"""The daily trigger: enqueue each day's jobs once, catching up days that were missed.

The task backend (django-tasks-db) has no scheduler, so cron or a systemd timer runs
``panelkeeper daily`` (``make run`` runs it every hour). Running it any number of times
a day is safe: a ``DailyRun`` row, unique per job and day, is created in the same
transaction that schedules the task on commit, and the task does its work only while
that row is unfinished.

A run whose task stopped without finishing it (its worker killed, see ``core.leases``)
is enqueued again by the next ``panelkeeper daily``: ``enqueue_again``.

Add a job by writing a task that takes the day as an ISO date string and calls
``run_once`` (or, for a job over many people, ``run_in_batches``), then registering it
in ``JOBS`` under the task's own name: platform jobs below, an app's own from its
``AppConfig.ready`` (``JOBS.setdefault(name, task)``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.tasks import Task, TaskResultStatus, task, task_backends
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from panelkeeper.core.leases import lease_length
from panelkeeper.core.models import DailyRun
from panelkeeper.lib.cache import purge_expired

# A trigger switched off for longer than this catches up only the most recent days.
MAX_CATCH_UP_DAYS = 31


def run_once(job: str, day: str, work: Callable[[], dict[str, Any]]) -> bool:
    """Do ``work`` for the job's day unless it is already done; True if it ran now.

    The row is locked while the work runs (on PostgreSQL; SQLite serialises writers),
    so two workers given the same task cannot both do it.
    """
    with transaction.atomic():
        run = DailyRun.objects.select_for_update().get(job=job, day=dt.date.fromisoformat(day))
        if run.finished is not None:
            return False
        run.outcome = work()
        run.finished = timezone.now()
        run.save(update_fields=["outcome", "finished"])
    return True


# One batch of a job over many people: it does its part and returns what it counted.
type Batch = Callable[[], Mapping[str, int]]


def _added(totals: Mapping[str, int], counts: Mapping[str, int]) -> dict[str, int]:
    return {name: totals.get(name, 0) + counts.get(name, 0) for name in {*totals, *counts}}


def run_batches(batches: Iterable[Batch], *, figures: Sequence[str]) -> dict[str, int]:
    """Run each batch in a transaction of its own; the ``figures`` they counted, added up."""
    totals = dict.fromkeys(figures, 0)
    for batch in batches:
        with transaction.atomic():
            totals = _added(totals, batch())
    return totals


def run_in_batches(job: str, day: str, batches: Iterable[Batch], *, figures: Sequence[str]) -> bool:
    """Do the job's day a batch at a time unless it is already done; True if it ran now.

    Each batch runs in a transaction of its own, which also adds what it counted to the
    run's outcome, so a crash undoes one batch at most and the figures stay true. The
    run is marked finished only when every batch is done. Batches must be safe to do
    twice (a unique key on what each produces, such as an outbox message's): a run cut
    off part-way is run again from the start, and the batches done before do nothing.
    The run's row is locked during each batch, so two workers take turns.
    """
    on = dt.date.fromisoformat(day)

    def locked_run() -> DailyRun | None:
        run = DailyRun.objects.select_for_update().get(job=job, day=on)
        return None if run.finished is not None else run

    for batch in batches:
        with transaction.atomic():
            if (run := locked_run()) is None:
                return False
            run.outcome = _added(dict.fromkeys(figures, 0) | run.outcome, batch())
            run.save(update_fields=["outcome"])
    with transaction.atomic():
        if (run := locked_run()) is None:
            return False
        run.outcome = dict.fromkeys(figures, 0) | run.outcome
        run.finished = timezone.now()
        run.save(update_fields=["outcome", "finished"])
    return True


@task()
def purge_expired_cache(day: str) -> bool:
    """Delete expired rows of the database cache, sign-in throttle counters among them."""
    return run_once("purge_expired_cache", day, lambda: {"deleted": purge_expired()})


# Finished tasks are history worth a month; failures are kept longer, to be looked into.
TASK_RESULTS_KEPT_DAYS = 30
FAILED_TASK_RESULTS_KEPT_DAYS = 90


def _prune() -> dict[str, Any]:
    aliases = [
        alias for alias in settings.TASKS if isinstance(task_backends[alias], DatabaseBackend)
    ]
    before = DBTaskResult.objects.count()
    for alias in aliases:
        call_command(
            "prune_db_task_results",
            f"--backend={alias}",
            "--queue-name=*",
            f"--min-age-days={TASK_RESULTS_KEPT_DAYS}",
            f"--failed-min-age-days={FAILED_TASK_RESULTS_KEPT_DAYS}",
            verbosity=0,
        )
    return {"pruned": before - DBTaskResult.objects.count()}


@task()
def prune_task_results(day: str) -> bool:
    """Delete the worker's records of tasks that finished long ago."""
    return run_once("prune_task_results", day, _prune)


# Every daily job takes the day as an ISO date string and says whether it ran now.
JOBS: dict[str, Task[[str], bool]] = {
    "purge_expired_cache": purge_expired_cache,
    "prune_task_results": prune_task_results,
}


def days_due(job: str, today: dt.date) -> list[dt.date]:
    """The days this job still needs enqueuing for, oldest first, up to ``today``."""
    last = DailyRun.objects.filter(job=job, day__lte=today).order_by("-day").first()
    first = today if last is None else last.day + dt.timedelta(days=1)
    first = max(first, today - dt.timedelta(days=MAX_CATCH_UP_DAYS - 1))
    return [first + dt.timedelta(days=n) for n in range((today - first).days + 1)]


def enqueue_again(
    today: dt.date | None = None, *, now: dt.datetime | None = None
) -> list[DailyRun]:
    """Enqueue each unfinished run of the catch-up window, first enqueued over a lease ago,
    that no task is waiting for or running; return those runs.

    A run's task can stop without finishing it: its worker died more often than its lease
    allows (``core.leases``), it failed, or it was never enqueued because the trigger died
    between its commit and the enqueuing. ``run_once`` makes running it again safe. Runs
    younger than a lease are left to the trigger that is enqueuing them.
    """
    today = today or timezone.localdate()
    now = now or timezone.now()
    first = today - dt.timedelta(days=MAX_CATCH_UP_DAYS - 1)
    unfinished = DailyRun.objects.filter(
        finished=None,
        day__range=(first, today),
        job__in=list(JOBS),
        enqueued__lt=now - lease_length(),
    ).order_by("day", "job")
    pending = DBTaskResult.objects.filter(
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
    )
    again = []
    for run in unfinished:
        job_task = JOBS[run.job]
        day = run.day.isoformat()
        if not pending.filter(task_path=job_task.module_path, args_kwargs__args__0=day).exists():
            job_task.enqueue(day)
            again.append(run)
    return again


def trigger(today: dt.date | None = None) -> list[DailyRun]:
    """Enqueue every job for every day due; return the runs created by this call."""
    today = today or timezone.localdate()
    created: list[DailyRun] = []
    with transaction.atomic():
        for job, job_task in JOBS.items():
            for day in days_due(job, today):
                run, is_new = DailyRun.objects.get_or_create(job=job, day=day)
                if is_new:
                    created.append(run)
                    transaction.on_commit(functools.partial(job_task.enqueue, day.isoformat()))
    return created
