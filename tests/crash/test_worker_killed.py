"""The task worker killed with SIGKILL: its task is taken up again once its lease lapses,
a task whose worker is alive is never taken from it, however long it runs, and the
outbox's messages all arrive, none twice unless marked so.

Real ``panelkeeper worker`` processes with a three-second lease (``TASK_LEASE_SECONDS``),
so the leases run out in the time of a test.
"""

from __future__ import annotations

import datetime as dt
import email
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from panelkeeper.core.daily import trigger
from panelkeeper.core.models import DailyRun
from panelkeeper.outbox.models import Message, Status
from panelkeeper.outbox.posting import post
from panelkeeper.outbox.sending import CUT_OFF_TWICE
from panelkeeper.registers.tasks import BATCH_SIZE
from tests.crash.processes import Worker, environment, integrity_check, wait_for
from tests.crash.tasks import hold
from tests.factory import Factory
from tests.smtp_sink import Inbox

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


MESSAGES = 200
MEMBERS_DUE = 2 * BATCH_SIZE  # the daily declaration reminders, in two batches


def test_every_message_arrives_after_the_worker_is_killed_three_times_while_sending(
    transactional_db: None, tmp_path: Path, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    env = environment(
        tmp_path,
        DEBUG="false",
        SECRET_KEY="crash-test-secret-key-that-is-long-enough-for-production-0123456789",
        AUDIT_KEY="crash-test-audit-key-long-enough-0123456789",
        ALLOWED_HOSTS="127.0.0.1",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="false",
        TASK_LEASE_SECONDS=str(LEASE_SECONDS),
        PANELKEEPER_EMAIL_LEASE_MINUTES="1",  # the shortest: a cut-off send waits a minute
    )
    workers: list[Worker] = []

    def new_worker() -> Worker:
        name = f"worker-{len(workers) + 1}"
        workers.append(Worker(name, env, tmp_path / f"{name}.log").start())
        return workers[-1]

    reminders = DailyRun.objects.filter(job="remind_overdue_declarations")
    try:
        worker = new_worker()
        with transaction.atomic():  # one commit, one wake-up: one task sends all 200
            for n in range(MESSAGES):
                post(key=f"crash:{n}", to=f"person{n:03}@example.org", subject="Hello", body="Hi")
        for arrived in (50, 120):
            wait_for(f"{arrived} messages", lambda n=arrived: len(inbox.received) >= n)  # type: ignore[misc]
            worker.kill()
            worker = new_worker()

        Factory().many_members(MEMBERS_DUE)
        trigger(dt.date(2026, 11, 23))
        wait_for(
            "the reminders' first batch",
            lambda: reminders.get().outcome.get("sent", 0) >= BATCH_SIZE,
        )
        worker.kill()
        assert reminders.get().finished is None, "the job had finished before the kill"
        worker = new_worker()

        def settled() -> bool:
            unsent = Message.objects.exclude(status__in=[Status.SENT, Status.FAILED])
            busy = DBTaskResult.objects.running()
            return reminders.get().finished is not None and not unsent.exists() and not busy

        wait_for("every message to be sent", settled, timeout=150)
    finally:
        for each in workers:
            each.kill()

    arrivals = Counter(email.message_from_bytes(raw)["To"] for raw in inbox.received)
    messages = list(Message.objects.all())
    assert len(messages) == MESSAGES + MEMBERS_DUE
    assert reminders.get().outcome == {"sent": MEMBERS_DUE}
    for message in messages:
        if message.status == Status.FAILED:  # cut off twice: the code's one exception
            assert message.reason == CUT_OFF_TWICE and message.possibly_twice, message.reason
        else:
            assert arrivals[message.to_address] >= 1, message.to_address
        if arrivals[message.to_address] > 1:
            assert message.possibly_twice, message.to_address
    assert set(arrivals) <= {message.to_address for message in messages}
    # Every task a killed worker held was finished by another; none is left running.
    killed = {each.name for each in workers[:-1]}
    for task in DBTaskResult.objects.all():
        assert task.status != TaskResultStatus.RUNNING, task.task_path
        if killed & set(task.worker_ids):
            assert task.status == TaskResultStatus.SUCCESSFUL, (task.task_path, task.traceback)
    assert integrity_check() == ["ok"]
