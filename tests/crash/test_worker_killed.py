"""The task worker killed with SIGKILL: its task is taken up again once its lease lapses,
and a task whose worker is alive is never taken from it, however long it runs.

Real ``panelkeeper worker`` processes with a three-second lease (``TASK_LEASE_SECONDS``),
so the leases run out in the time of a test.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.crash.processes import Worker, environment, wait_for
from tests.crash.tasks import hold

pytestmark = pytest.mark.crash

LEASE_SECONDS = 3


def task_state(task_id: str) -> tuple[str, list[str]]:
    task = DBTaskResult.objects.get(pk=task_id)
    return task.status, task.worker_ids


def test_a_killed_workers_task_is_finished_by_another_and_a_live_one_is_left_alone(
    transactional_db: None, tmp_path: Path
) -> None:
    env = environment(tmp_path, TASK_LEASE_SECONDS=str(LEASE_SECONDS))
    first = Worker("first", env, tmp_path / "first.log").start()
    second: Worker | None = None
    try:
        task_id = hold.enqueue(str(tmp_path)).id
        started = tmp_path / "started"
        wait_for("the first worker to start the task", started.exists)
        second = Worker("second", env, tmp_path / "second.log").start()

        # Alive for three leases: the first worker keeps renewing, the second waits.
        time.sleep(LEASE_SECONDS * 3)
        assert task_state(task_id) == (TaskResultStatus.RUNNING, ["first"]), first.output()

        first.kill()
        (tmp_path / "release").touch()
        wait_for(
            "the second worker to finish the task",
            lambda: task_state(task_id)[0] == TaskResultStatus.SUCCESSFUL,
            timeout=LEASE_SECONDS * 5,
        )
    finally:
        first.kill()
        if second is not None:
            second.kill()
    assert task_state(task_id) == (TaskResultStatus.SUCCESSFUL, ["first", "second"])
    assert len(started.read_text().split()) == 2  # run once in each worker
    assert second.popen is not None
    assert DBTaskResult.objects.get(pk=task_id).return_value == second.popen.pid
