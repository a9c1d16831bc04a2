"""Matters for the next meeting: gifts (GIFT-2) and missed-meetings decisions (MTG-2)."""

from __future__ import annotations

import datetime as dt

from panelkeeper.accounts.models import User
from panelkeeper.core.daily import JOBS
from panelkeeper.meetings.agenda import put_waiting_matters_on_agenda
from panelkeeper.meetings.models import AgendaKind
from panelkeeper.meetings.schedule import cancel_meeting
from panelkeeper.meetings.tasks import put_all
from panelkeeper.organisations.models import Group
from panelkeeper.registers.models import WorkKind
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


def test_a_gift_waiting_for_discussion_goes_on_the_next_meeting_once_gift_2(
    factory: Factory, panel: Group, officer: User
) -> None:
    factory.meeting(date=D(2026, 11, 12))  # held: not the next meeting
    later = factory.meeting(date=D(2027, 1, 14))
    upcoming = factory.meeting(date=D(2026, 12, 10))
    gift = factory.gift()
    [item] = put_waiting_matters_on_agenda(group=panel, today=TODAY, actor=None)
    assert (item.meeting, item.kind, item.gift) == (upcoming, AgendaKind.GIFT, gift)
    assert item.work.kind == WorkKind.AGENDA_ITEM and item.work.on == upcoming.date
    assert put_waiting_matters_on_agenda(group=panel, today=TODAY, actor=None) == []
    assert not later.agenda.exists()


def test_a_cancelled_meetings_waiting_matters_move_to_the_next_one_gift_2(
    factory: Factory, panel: Group, officer: User
) -> None:
    first = factory.meeting(date=D(2026, 12, 10))
    second = factory.meeting(date=D(2027, 1, 14))
    factory.gift()
    put_waiting_matters_on_agenda(group=panel, today=TODAY, actor=None)
    assert first.agenda.count() == 1
    cancel_meeting(meeting=first, reason="No quorum", actor=officer, today=TODAY)
    assert second.agenda.get().kind == AgendaKind.GIFT
    assert first.agenda.count() == 1  # kept as history


def test_scheduling_a_meeting_picks_up_gifts_already_waiting_gift_2(
    factory: Factory, panel: Group
) -> None:
    factory.gift()
    meeting = factory.meeting(date=D(2026, 12, 10))
    assert meeting.agenda.get().kind == AgendaKind.GIFT


def test_the_daily_job_fills_every_groups_next_agenda_gift_2(
    factory: Factory, panel: Group
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 10))
    factory.gift()
    assert "meetings_agendas" in JOBS
    assert put_all(TODAY) == {"added": 1}
    assert put_all(TODAY) == {"added": 0}
    assert meeting.agenda.count() == 1
