"""The sending task, and how it is woken.

``send_outbox`` is enqueued after each transaction that posts a message, and by
``panelkeeper daily``. Each run sends everything due, then, if messages are waiting for
a later try, makes sure a run is queued for when the first of them is due.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from panelkeeper.outbox.sending import next_due, send_due


@task()
def send_outbox() -> dict[str, int]:
    """Send every message that is due; the numbers sent, waiting to retry and refused."""
    done = send_due()
    later = next_due()
    if later is not None and later > timezone.now():
        _wake_at(later)
    return done.as_dict()


def wake_sender() -> None:
    """Queue a run of the sender now."""
    send_outbox.enqueue()


def _wake_at(when: dt.datetime) -> None:
    """Queue a run for ``when`` unless one is already queued to run by then."""
    backend = send_outbox.get_backend()
    if not backend.supports_defer:
        return  # a backend that runs tasks at once: the next post or sweep runs it
    if isinstance(backend, DatabaseBackend):
        queued = DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path=send_outbox.module_path
        ).filter(Q(run_after__lte=when) | Q(run_after=get_date_max()))
        if queued.exists():
            return
    send_outbox.using(run_after=when).enqueue()
