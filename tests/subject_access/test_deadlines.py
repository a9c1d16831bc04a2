"""When a subject access request is due: a month on, rolled past weekends and bank
holidays (never the organisation's closure days), moved by pauses and an extension."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.in_force import bank_holiday_calendar
from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar
from panelkeeper.subject_access import requests as sar
from panelkeeper.subject_access.deadlines import Stop, days_paused, due_on
from panelkeeper.subject_access.models import PauseReason, Requester, SubjectAccessRequest
from tests.factory import Factory

D = dt.date
ENGLAND = WorkingCalendar(Region.ENG)


def test_a_request_received_on_31_january_2027_is_due_on_monday_1_march() -> None:
    # 28 February 2027, the last day of February, is a Sunday.
    assert due_on(D(2027, 1, 31), calendar=ENGLAND) == D(2027, 3, 1)
    assert D(2027, 3, 1).strftime("%A") == "Monday"


def test_a_request_received_on_31_january_2028_is_due_on_tuesday_29_february() -> None:
    assert due_on(D(2028, 1, 31), calendar=ENGLAND) == D(2028, 2, 29)
    assert D(2028, 2, 29).strftime("%A") == "Tuesday"


def test_a_day_with_its_date_next_month_is_due_on_that_date() -> None:
    assert due_on(D(2027, 3, 10), calendar=ENGLAND) == D(2027, 4, 12)  # 10 April is a Saturday
    assert due_on(D(2027, 3, 9), calendar=ENGLAND) == D(2027, 4, 9)


def test_bank_holidays_move_it_on_at_the_turn_of_the_year() -> None:
    # 25 December 2026 is Christmas Day (a Friday); Monday 28 December is Boxing Day's
    # substitute, so the next working day is Tuesday 29 December.
    assert due_on(D(2026, 11, 25), calendar=ENGLAND) == D(2026, 12, 29)
    # 2 January 2027 is a Saturday. Scotland's 2 January holiday moves to Monday 4
    # January, so there it is due on Tuesday 5 January; in England on Monday 4 January.
    assert due_on(D(2026, 12, 2), calendar=WorkingCalendar(Region.SCT)) == D(2027, 1, 5)
    assert due_on(D(2026, 12, 2), calendar=ENGLAND) == D(2027, 1, 4)


def test_an_extension_counts_its_months_from_the_day_received() -> None:
    assert due_on(D(2027, 1, 31), calendar=ENGLAND, extension_months=1) == D(2027, 3, 31)
    assert due_on(D(2027, 1, 31), calendar=ENGLAND, extension_months=2) == D(2027, 4, 30)
    with pytest.raises(ValueError):
        due_on(D(2027, 1, 31), calendar=ENGLAND, extension_months=3)


def test_each_day_paused_moves_it_on_a_day_and_an_open_pause_counts_to_today() -> None:
    stops = [Stop(D(2027, 2, 1), D(2027, 2, 6)), Stop(D(2027, 2, 10), None)]
    assert days_paused(stops, today=D(2027, 2, 12)) == 5 + 2
    assert due_on(D(2027, 1, 31), calendar=ENGLAND, paused_days=5) == D(2027, 3, 5)


# -- on a recorded request --------------------------------------------------------------


def _request(factory: Factory, received_on: dt.date) -> SubjectAccessRequest:
    return sar.log_request(
        organisation=factory.home,
        requester=Requester.WITNESS,
        name="Wendy Witness",
        received_on=received_on,
        actor=factory.officer(),
        today=received_on,
    )


def test_closure_days_do_not_move_the_deadline(factory: Factory) -> None:
    factory.closure_day(date=D(2027, 3, 1))
    request = _request(factory, D(2027, 1, 31))
    assert bank_holiday_calendar(factory.home).is_working_day(D(2027, 3, 1))
    assert sar.clock_of(request, today=D(2027, 2, 1)).due == D(2027, 3, 1)


def test_pauses_and_an_extension_move_it_as_recorded(factory: Factory) -> None:
    officer = factory.officer()
    request = _request(factory, D(2027, 1, 31))
    assert sar.clock_of(request, today=D(2027, 1, 31)).due == D(2027, 3, 1)

    sar.pause(
        request=request,
        reason=PauseReason.IDENTITY,
        paused_on=D(2027, 2, 1),
        note="Asked for a copy of a passport",
        actor=officer,
        today=D(2027, 2, 1),
    )
    paused = sar.clock_of(request, today=D(2027, 2, 4))
    assert (paused.paused_since, paused.paused_days, paused.due) == (
        D(2027, 2, 1),
        3,
        D(2027, 3, 3),
    )

    sar.resume(request=request, resumed_on=D(2027, 2, 6), actor=officer, today=D(2027, 2, 8))
    clock = sar.clock_of(request, today=D(2027, 4, 1))
    assert (clock.paused_since, clock.paused_days, clock.due) == (None, 5, D(2027, 3, 5))

    sar.extend(request=request, months=2, reason="Records in three places", actor=officer)
    # 31 January + 3 months = 30 April, + 5 days paused = Wednesday 5 May (3 May is a
    # bank holiday, but it is passed over, not landed on).
    assert sar.clock_of(request, today=D(2027, 4, 1)).due == D(2027, 5, 5)
    assert not sar.clock_of(request, today=D(2027, 5, 5)).overdue
    assert sar.clock_of(request, today=D(2027, 5, 6)).overdue


def test_the_clock_refuses_what_does_not_add_up(factory: Factory) -> None:
    officer = factory.officer()
    request = _request(factory, D(2027, 1, 31))

    def pause_from(day: dt.date) -> object:
        return sar.pause(
            request=request,
            reason=PauseReason.CLARIFICATION,
            paused_on=day,
            note="",
            actor=officer,
            today=D(2027, 2, 2),
        )

    with pytest.raises(Refused, match="The clock is not paused"):
        sar.resume(request=request, resumed_on=D(2027, 2, 2), actor=officer, today=D(2027, 2, 2))
    with pytest.raises(Refused, match="on or after the day it was received"):
        pause_from(D(2027, 1, 30))
    pause_from(D(2027, 2, 1))
    with pytest.raises(Refused, match="already paused"):
        pause_from(D(2027, 2, 2))
    with pytest.raises(Refused, match="why"):
        sar.extend(request=request, months=1, reason=" ", actor=officer)
    with pytest.raises(Refused, match="1 or 2 months"):
        sar.extend(request=request, months=3, reason="Complex", actor=officer)
    sar.extend(request=request, months=2, reason="Complex", actor=officer)
    with pytest.raises(Refused, match="cannot be shortened"):
        sar.extend(request=request, months=1, reason="Simpler", actor=officer)
    assert request.pauses.count() == 1
