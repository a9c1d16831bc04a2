"""The daily reminder to review a declaration of interests (COI-1)."""

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.core.daily import JOBS, trigger
from panelkeeper.core.models import DailyRun
from panelkeeper.outbox.models import Message
from panelkeeper.registers import tasks
from panelkeeper.registers.interests import confirm_register
from panelkeeper.registers.models import ReviewReminder
from panelkeeper.registers.tasks import remind_overdue_declarations, send_review_reminders
from tests.delivery import Killed, cut_off_after, deliver
from tests.factory import Factory
from tests.registers.conftest import TODAY


def test_an_overdue_member_is_emailed_once_per_lapse_coi_1(factory: Factory, officer: User) -> None:
    stale = factory.panel_member(full_name="Sam Stale", email="sam@example.org")
    fresh = factory.panel_member(full_name="Fay Fresh", email="fay@example.org")
    factory.panel_member(full_name="No Email")
    confirm_register(member=stale, nil=True, actor=officer, today=dt.date(2025, 11, 1))
    confirm_register(member=fresh, nil=True, actor=officer, today=dt.date(2026, 11, 1))
    assert send_review_reminders(TODAY) == 1
    [email] = deliver()
    assert email.to == ["sam@example.org"]
    assert "Sam Stale" in email.body and "1 November 2025" in email.body
    assert send_review_reminders(TODAY) == 0
    assert send_review_reminders(TODAY + dt.timedelta(days=1)) == 0
    assert len(deliver()) == 1
    assert ReviewReminder.objects.get().due_on == dt.date(2026, 11, 1)


def test_reviewing_again_starts_a_new_lapse(factory: Factory, officer: User) -> None:
    member = factory.panel_member(email="kim@example.org")
    confirm_register(member=member, nil=True, actor=officer, today=dt.date(2025, 1, 10))
    send_review_reminders(TODAY)
    confirm_register(member=member, nil=True, actor=officer, today=dt.date(2025, 11, 20))
    assert send_review_reminders(TODAY) == 1
    assert len(deliver()) == 2


def test_the_reminders_run_from_the_daily_trigger_once_a_day(
    factory: Factory, django_capture_on_commit_callbacks: pytest.FixtureRequest
) -> None:
    assert JOBS["remind_overdue_declarations"] is remind_overdue_declarations
    factory.panel_member(email="new@example.org")
    trigger(TODAY)
    assert remind_overdue_declarations.call(TODAY.isoformat()) is True
    assert remind_overdue_declarations.call(TODAY.isoformat()) is False
    assert DailyRun.objects.get(job="remind_overdue_declarations").outcome == {"sent": 1}
    assert len(deliver()) == 1


def test_a_run_cut_off_part_way_resumes_and_reminds_nobody_twice(
    factory: Factory, officer: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job works a batch of members at a time; killed in its third batch, it keeps
    the two batches it finished, and run again reminds only the members left."""
    for n in range(4):
        factory.panel_member(email=f"m{n}@example.org")
    monkeypatch.setattr(tasks, "BATCH_SIZE", 1)
    cut_off_after(2, monkeypatch, tasks)
    trigger(TODAY)
    with pytest.raises(Killed):
        remind_overdue_declarations.call(TODAY.isoformat())
    run = DailyRun.objects.get(job="remind_overdue_declarations")
    assert (run.finished, run.outcome) == (None, {"sent": 2})
    assert Message.objects.count() == ReviewReminder.objects.count() == 2
    monkeypatch.undo()
    monkeypatch.setattr(tasks, "BATCH_SIZE", 1)
    assert remind_overdue_declarations.call(TODAY.isoformat()) is True
    run.refresh_from_db()
    assert run.finished is not None and run.outcome == {"sent": 4}
    assert sorted(m.to[0] for m in deliver()) == [f"m{n}@example.org" for n in range(4)]
    assert remind_overdue_declarations.call(TODAY.isoformat()) is False
