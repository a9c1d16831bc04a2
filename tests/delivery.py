"""Sending what the outbox holds, where the worker would in the running application.

A test runs inside a transaction that never commits, so the wake-up a posted message
schedules for after the commit never fires. A test that reads ``mail.outbox`` calls
:func:`deliver` first, at the point where the worker would have sent the messages.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
from django.core import mail

from panelkeeper.outbox.posting import post
from panelkeeper.outbox.sending import send_due


def deliver() -> list[mail.EmailMessage]:
    """Send every message due, as one run of the sending task does; return mail.outbox."""
    send_due()
    return mail.outbox


class Killed(Exception):
    """Stands for a worker killed in the middle of a job."""


def cut_off_after(posts: int, monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> None:
    """Make ``module``'s ``post`` raise :class:`Killed` once it has posted ``posts``
    messages, as if the worker running the job died there."""
    done: list[bool] = []

    def post_then_die(**message: Any) -> bool:
        if len(done) == posts:
            raise Killed
        done.append(post(**message))
        return done[-1]

    monkeypatch.setattr(module, "post", post_then_die)
