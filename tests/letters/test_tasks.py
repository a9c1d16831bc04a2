"""The daily outbox sweep: messages left waiting by a lost wake-up are sent all the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks_db.models import DBTaskResult

from panelkeeper.core.daily import JOBS, trigger
from panelkeeper.core.models import DailyRun
from panelkeeper.letters.tasks import sweep_outbox
from panelkeeper.outbox.posting import post
from panelkeeper.outbox.tasks import send_outbox
from tests.delivery import deliver

DAY = dt.date(2026, 11, 23)


def test_the_daily_sweep_wakes_the_sender_for_messages_a_lost_wake_up_left_waiting(
    db: None, django_capture_on_commit_callbacks: Any
) -> None:
    assert JOBS["outbox_sweep"] is sweep_outbox
    # Posted in the test's transaction, which never commits: its wake-up never fires,
    # as if the process had died between the commit and the enqueue.
    post(key="test:lost", to="kim@example.org", subject="Hello", body="Body")
    trigger(DAY)
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_outbox.call(DAY.isoformat()) is True
    assert DailyRun.objects.get(job="outbox_sweep").outcome == {"waiting": 1}
    assert DBTaskResult.objects.filter(task_path=send_outbox.module_path).count() == 1
    assert [m.to for m in deliver()] == [["kim@example.org"]]
    assert sweep_outbox.call(DAY.isoformat()) is False  # once a day
