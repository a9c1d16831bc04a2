"""The daily trigger: each job once per day, missed days caught up, work done once."""

import datetime as dt
import inspect
from io import StringIO

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.tasks import Task
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from panelkeeper.core.daily import (
    JOBS,
    MAX_CATCH_UP_DAYS,
    TASK_RESULTS_KEPT_DAYS,
    prune_task_results,
    run_once,
    trigger,
)
from panelkeeper.core.models import DailyRun

MONDAY = dt.date(2026, 11, 23)
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def expire_now(key: str) -> None:
    """Back-date a cache entry's expiry (the cache table is not append-only)."""
    table = connection.ops.quote_name(settings.CACHES["default"]["LOCATION"])
    past = connection.ops.adapt_datetimefield_value(dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET expires = %s WHERE cache_key = %s", [past, cache.make_key(key)]
        )
        assert cursor.rowcount == 1


def enqueued(job: str = "purge_expired_cache") -> list[str]:
    return sorted(
        result.args_kwargs["args"][0]
        for result in DBTaskResult.objects.all()
        if result.task_path.endswith(job)
    )


def test_the_first_run_enqueues_today_once_on_commit(
    db: None, django_capture_on_commit_callbacks: pytest.FixtureRequest
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:  # type: ignore[operator]
        runs = trigger(MONDAY)
    assert {run.job for run in runs} == set(JOBS) >= {"purge_expired_cache", "prune_task_results"}
    assert {run.day for run in runs} == {MONDAY}
    assert len(callbacks) == len(JOBS)
    assert enqueued() == ["2026-11-23"]


def test_a_second_run_the_same_day_enqueues_nothing(
    db: None, django_capture_on_commit_callbacks: pytest.FixtureRequest
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        trigger(MONDAY)
        assert trigger(MONDAY) == []
    assert enqueued() == ["2026-11-23"]
    assert DailyRun.objects.filter(day=MONDAY).count() == len(JOBS)


def test_missed_days_are_caught_up_each_once(
    db: None, django_capture_on_commit_callbacks: pytest.FixtureRequest
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        trigger(dt.date(2026, 11, 19))
        trigger(MONDAY)  # Friday to Sunday were missed
        trigger(MONDAY)
    assert enqueued() == ["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]


def test_a_long_gap_catches_up_only_the_recent_days(db: None) -> None:
    trigger(dt.date(2025, 1, 1))
    runs = trigger(MONDAY)
    purges = [run.day for run in runs if run.job == "purge_expired_cache"]
    assert len(purges) == MAX_CATCH_UP_DAYS
    assert max(purges) == MONDAY


def test_the_task_does_its_work_once_however_often_it_runs(db: None) -> None:
    trigger(MONDAY)
    calls = []
    assert run_once("purge_expired_cache", "2026-11-23", lambda: calls.append(1) or {"n": 1})
    assert not run_once("purge_expired_cache", "2026-11-23", lambda: calls.append(1) or {"n": 1})
    assert calls == [1]
    run = DailyRun.objects.get(job="purge_expired_cache")
    assert run.finished is not None and run.outcome == {"n": 1}


@override_settings(TASKS=IMMEDIATE)
def test_two_runs_the_same_day_purge_the_cache_once(
    db: None, django_capture_on_commit_callbacks: pytest.FixtureRequest
) -> None:
    cache.set("stale", "x", timeout=600)
    cache.set("fresh", "y", timeout=600)
    expire_now("stale")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        call_command("daily", "--date", "2026-11-23", stdout=StringIO())
        call_command("daily", "--date", "2026-11-23", stdout=StringIO())
    run = DailyRun.objects.get(job="purge_expired_cache", day=MONDAY)
    assert run.outcome == {"deleted": 1}
    assert cache.get("fresh") == "y"


def test_the_command_says_what_it_enqueued(db: None) -> None:
    out = StringIO()
    call_command("daily", "--date", "2026-11-23", stdout=out)
    assert "Enqueued purge_expired_cache for 2026-11-23." in out.getvalue()
    out = StringIO()
    call_command("daily", "--date", "2026-11-23", stdout=out)
    assert "already enqueued" in out.getvalue()


def test_every_registered_job_is_a_task_taking_the_day() -> None:
    for name, job in JOBS.items():
        assert isinstance(job, Task), name
        assert list(inspect.signature(job.func).parameters) == ["day"], name


def test_old_finished_task_results_are_pruned_and_recent_ones_kept(db: None) -> None:
    old = timezone.now() - dt.timedelta(days=TASK_RESULTS_KEPT_DAYS + 1)
    recent = timezone.now() - dt.timedelta(days=1)
    for finished in (old, recent):
        DBTaskResult.objects.create(
            task_path="panelkeeper.core.daily.purge_expired_cache",
            args_kwargs={"args": ["2026-01-01"], "kwargs": {}},
            status="SUCCESSFUL",
            enqueued_at=finished,
            finished_at=finished,
            queue_name="default",
            backend_name="default",
        )
    trigger(MONDAY)
    assert prune_task_results.call(MONDAY.isoformat())
    assert DailyRun.objects.get(job="prune_task_results").outcome == {"pruned": 1}
    assert DBTaskResult.objects.filter(finished_at=recent).exists()
