"""Leases: a task whose worker died is taken up again; one still at work is left alone.

Time is an input here: tasks are claimed at a pinned moment and recovery is asked about
moments after it, so nothing sleeps.
"""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.tasks.signals import task_finished, task_started
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from panelkeeper.core.daily import enqueue_again, purge_expired_cache, trigger
from panelkeeper.core.leases import MAX_ATTEMPTS, LeaseKeeper, recover, renew
from panelkeeper.core.models import DailyRun, TaskLease

MONDAY = dt.date(2026, 11, 23)
CLAIMED = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
LEASE = dt.timedelta(minutes=15)
pytestmark = pytest.mark.django_db


def claimed_task(worker: str = "worker-a", at: dt.datetime = CLAIMED) -> DBTaskResult:
    """Today's cache purge, claimed by ``worker`` at ``at`` (as db_worker claims it)."""
    result = purge_expired_cache.enqueue("2026-11-23")
    task = DBTaskResult.objects.get(pk=result.id)
    task.claim(worker)
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=at)
    task.refresh_from_db()
    return task


def triggered() -> None:
    """Run the daily trigger for Monday and enqueue its tasks, as its commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        trigger(MONDAY)


def status(task: DBTaskResult) -> str:
    task.refresh_from_db()
    return task.status


def test_the_default_lease_is_fifteen_minutes() -> None:
    from django.conf import settings

    assert dt.timedelta(seconds=settings.TASK_LEASE_SECONDS) == LEASE


def test_a_task_whose_worker_fell_silent_past_its_lease_is_queued_again() -> None:
    task = claimed_task()
    recovered = recover(now=CLAIMED + LEASE + dt.timedelta(seconds=1))
    assert recovered.queued == [str(task.pk)] and recovered.failed == []
    assert status(task) == TaskResultStatus.READY
    assert DBTaskResult.objects.ready().filter(pk=task.pk).exists()


def test_a_task_within_its_lease_is_left_running() -> None:
    task = claimed_task()
    assert not recover(now=CLAIMED + LEASE - dt.timedelta(seconds=1))
    assert status(task) == TaskResultStatus.RUNNING


def test_a_long_task_whose_worker_renews_its_lease_is_never_taken_from_it() -> None:
    task = claimed_task()
    for minutes in range(5, 120, 5):  # two hours' work, renewed every five minutes
        now = CLAIMED + dt.timedelta(minutes=minutes)
        assert renew(str(task.pk), "worker-a", now=now)
        assert not recover(now=now + LEASE - dt.timedelta(seconds=1))
    assert status(task) == TaskResultStatus.RUNNING
    assert TaskLease.objects.get(task=task).renewed == CLAIMED + dt.timedelta(minutes=115)
    # Once the renewals stop, the lease runs out from the last one.
    assert recover(now=CLAIMED + dt.timedelta(minutes=115) + LEASE + dt.timedelta(seconds=1))
    assert status(task) == TaskResultStatus.READY
    assert not TaskLease.objects.filter(task=task).exists()


def test_a_worker_cannot_renew_a_task_that_was_taken_up_by_another() -> None:
    task = claimed_task("worker-a")
    recover(now=CLAIMED + LEASE * 2)
    task.refresh_from_db()
    task.claim("worker-b")
    assert not renew(str(task.pk), "worker-a", now=CLAIMED + LEASE * 2)
    assert renew(str(task.pk), "worker-b", now=CLAIMED + LEASE * 2)
    assert task.worker_ids == ["worker-a", "worker-b"]


def test_a_finished_task_has_no_lease_to_renew_or_recover() -> None:
    task = claimed_task()
    task.set_successful(True)
    assert not renew(str(task.pk), "worker-a", now=CLAIMED)
    assert not recover(now=CLAIMED + LEASE * 10)
    assert status(task) == TaskResultStatus.SUCCESSFUL


def test_a_task_that_outlives_its_lease_on_every_attempt_is_marked_failed() -> None:
    task = claimed_task("worker-1")
    now = CLAIMED
    for attempt in range(2, MAX_ATTEMPTS + 1):
        now += LEASE * 2
        assert recover(now=now).queued == [str(task.pk)]
        task.refresh_from_db()
        task.claim(f"worker-{attempt}")
        DBTaskResult.objects.filter(pk=task.pk).update(started_at=now)
    assert recover(now=now + LEASE * 2).failed == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "panelkeeper.core.leases.LeaseExpired"
    assert f"stopped {MAX_ATTEMPTS} times" in task.traceback


def test_the_keeper_renews_the_task_its_worker_runs_and_recovers_others() -> None:
    mine = claimed_task("worker-a")
    theirs = claimed_task("worker-b")
    clock = [CLAIMED]
    keeper = LeaseKeeper("worker-a", clock=lambda: clock[0])
    keeper.listen()
    try:
        task_started.send(sender=DatabaseBackend, task_result=mine.task_result)
        clock[0] = CLAIMED + LEASE - dt.timedelta(minutes=1)
        assert not keeper.tick()
        clock[0] = CLAIMED + LEASE + dt.timedelta(minutes=1)
        recovered = keeper.tick()
        assert recovered.queued == [str(theirs.pk)]
        assert status(mine) == TaskResultStatus.RUNNING
        assert TaskLease.objects.get(task=mine).renewed == clock[0]
        task_finished.send(sender=DatabaseBackend, task_result=mine.task_result)
        assert keeper.running is None
    finally:
        task_started.disconnect(dispatch_uid="lease-worker-a")
        task_finished.disconnect(dispatch_uid="lease-worker-a")


def test_a_keeper_does_not_take_its_own_running_task_even_if_a_renewal_was_missed() -> None:
    mine = claimed_task("worker-a")
    keeper = LeaseKeeper("worker-a", clock=lambda: CLAIMED + LEASE * 3)
    keeper.running = str(mine.pk)
    assert not keeper.tick()
    assert status(mine) == TaskResultStatus.RUNNING


@override_settings(TASK_LEASE_SECONDS=60)
def test_the_lease_length_is_a_setting() -> None:
    task = claimed_task()
    assert recover(now=CLAIMED + dt.timedelta(seconds=61)).queued == [str(task.pk)]


def run_worker() -> str:
    out = StringIO()
    call_command("worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=1, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_a_new_worker_finishes_the_daily_job_a_killed_worker_left_running() -> None:
    """The daily job's task was claimed, then its worker was killed: nothing finished it."""
    triggered()
    DBTaskResult.objects.exclude(task_path=purge_expired_cache.module_path).delete()
    task = DBTaskResult.objects.get()
    task.claim("killed-worker")
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=CLAIMED)

    assert "Took up 1 task(s) whose worker stopped" in run_worker()
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2 and task.worker_ids[0] == "killed-worker"
    assert DailyRun.objects.get(job="purge_expired_cache").finished is not None


def test_the_daily_trigger_takes_up_a_task_whose_worker_died() -> None:
    task = claimed_task()
    out = StringIO()
    call_command("daily", "--date", "2026-11-23", stdout=out)
    assert "Took up 1 task(s) whose worker stopped" in out.getvalue()
    assert status(task) == TaskResultStatus.READY


def test_the_daily_trigger_enqueues_again_a_run_whose_task_stopped_for_good() -> None:
    triggered()
    DBTaskResult.objects.update(status=TaskResultStatus.FAILED)
    DailyRun.objects.update(enqueued=timezone.now() - LEASE - dt.timedelta(seconds=1))
    out = StringIO()
    call_command("daily", "--date", "2026-11-23", stdout=out)
    assert "Enqueued purge_expired_cache for 2026-11-23 again" in out.getvalue()
    waiting = DBTaskResult.objects.ready().filter(task_path=purge_expired_cache.module_path)
    assert [task.args_kwargs["args"] for task in waiting] == [["2026-11-23"]]
    # Its new task is waiting, so a second trigger leaves it be.
    out = StringIO()
    call_command("daily", "--date", "2026-11-23", stdout=out)
    assert "Nothing to enqueue" in out.getvalue()


def test_the_daily_trigger_leaves_a_run_whose_task_is_still_running_in_its_lease() -> None:
    triggered()
    DailyRun.objects.update(enqueued=timezone.now() - LEASE * 2)
    for task in DBTaskResult.objects.all():
        task.claim("worker-a")
    out = StringIO()
    call_command("daily", "--date", "2026-11-23", stdout=out)
    assert "Nothing to enqueue" in out.getvalue()
    assert DBTaskResult.objects.count() == DailyRun.objects.count()


def test_a_run_enqueued_less_than_a_lease_ago_is_left_to_the_trigger_enqueuing_it() -> None:
    trigger(MONDAY)  # its tasks are enqueued on commit, which this test never reaches
    DailyRun.objects.update(enqueued=timezone.now() - LEASE + dt.timedelta(minutes=1))
    assert enqueue_again(MONDAY) == []
    DailyRun.objects.update(enqueued=timezone.now() - LEASE - dt.timedelta(minutes=1))
    assert len(enqueue_again(MONDAY)) == DailyRun.objects.count()


def test_finished_runs_are_never_enqueued_again() -> None:
    triggered()
    DailyRun.objects.update(finished=CLAIMED, enqueued=CLAIMED)
    DBTaskResult.objects.all().delete()
    out = StringIO()
    call_command("daily", "--date", "2026-11-23", stdout=out)
    assert "Nothing to enqueue" in out.getvalue()
    assert not DBTaskResult.objects.exists()
