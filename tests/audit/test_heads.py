"""The daily record of each chain's head: a log line per chain, emailed to the
installation's administrators."""

from __future__ import annotations

import datetime as dt
import logging
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from panelkeeper.audit.tasks import record_chain_heads, write_chain_heads
from panelkeeper.core.daily import JOBS
from panelkeeper.core.models import DailyRun
from tests.audit.test_chain import chain
from tests.delivery import deliver
from tests.factory import Factory

IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def test_the_job_joins_the_daily_trigger() -> None:
    assert JOBS["audit_chain_heads"] is record_chain_heads


@override_settings(TASKS=IMMEDIATE)
def test_each_day_every_chain_head_is_logged_and_emailed_to_the_administrators_once(
    factory: Factory,
    caplog: pytest.LogCaptureFixture,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:
    home = chain(factory.home, 3)
    other = chain(factory.other, 1)
    factory.user(email="admin@example.org", administers_installation=True)
    factory.user(email="retired@example.org", administers_installation=True, is_active=False)
    factory.user(email="developer@example.org", is_superuser=True)
    factory.officer(email="officer@example.org")
    caplog.set_level(logging.INFO, logger="panelkeeper.audit")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        call_command("daily", "--date", "2026-11-23", stdout=StringIO())
        call_command("daily", "--date", "2026-11-23", stdout=StringIO())
    lines = [
        f"audit chain organisation=home entries=3 last_id={home[-1].pk} head={home[-1].digest}",
        f"audit chain organisation=other entries=1 last_id={other[-1].pk} head={other[-1].digest}",
    ]
    logged = [record.getMessage() for record in caplog.records]
    for line in lines:
        assert logged.count(line) == 1
    [email] = deliver()
    assert email.to == ["admin@example.org"]
    assert "23 November 2026" in email.body and "2026-11-23" not in email.body
    assert all(line in email.body for line in lines)
    run = DailyRun.objects.get(job="audit_chain_heads", day=dt.date(2026, 11, 23))
    assert run.outcome == {"chains": 2, "emailed": 1}


@override_settings(TASKS=IMMEDIATE)
def test_with_no_administrator_the_heads_are_still_logged(
    factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    [only] = chain(None, 1)
    caplog.set_level(logging.INFO, logger="panelkeeper.audit")
    DailyRun.objects.create(job="audit_chain_heads", day=dt.date(2026, 11, 23))
    assert record_chain_heads.call("2026-11-23")
    assert f"audit chain organisation=- entries=1 last_id={only.pk} head={only.digest}" in [
        record.getMessage() for record in caplog.records
    ]
    assert deliver() == []


def test_the_heads_are_posted_once_a_day_to_each_administrator_however_often_written(
    factory: Factory,
) -> None:
    chain(factory.home, 1)
    factory.user(email="admin@example.org", administers_installation=True)
    factory.user(email="second@example.org", administers_installation=True)
    assert write_chain_heads(dt.date(2026, 11, 23))["emailed"] == 2
    assert write_chain_heads(dt.date(2026, 11, 23))["emailed"] == 0
    assert write_chain_heads(dt.date(2026, 11, 24))["emailed"] == 2
    assert sorted(email.to[0] for email in deliver()) == [
        "admin@example.org", "admin@example.org", "second@example.org", "second@example.org"
    ]  # fmt: skip
