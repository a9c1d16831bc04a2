"""Closure days: recorded once, and skipped by working-day deadlines (Interpretation 1)."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.closure_days import add_closure_day
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.organisations.models import ClosureDay
from tests.factory import Factory
from tests.organisations.conftest import audit_actions

MONDAY = dt.date(2026, 12, 7)


def test_a_closure_day_is_recorded_and_audited(factory: Factory, officer: User) -> None:
    day = add_closure_day(
        organisation=factory.home, date=MONDAY, reason="  Staff training  ", actor=officer
    )
    assert (day.date, day.reason) == (MONDAY, "Staff training")
    assert audit_actions(day) == ["closure_day.added"]


def test_working_days_skip_the_organisations_closure_days(factory: Factory, officer: User) -> None:
    friday = dt.date(2026, 12, 4)
    assert calendar_for(factory.home).add_working_days(friday, 1) == MONDAY
    add_closure_day(organisation=factory.home, date=MONDAY, reason="Move", actor=officer)
    assert calendar_for(factory.home).add_working_days(friday, 1) == dt.date(2026, 12, 8)
    assert calendar_for(factory.other).add_working_days(friday, 1) == MONDAY


@pytest.mark.parametrize(
    ("date", "reason", "message"),
    [
        (dt.date(2026, 12, 5), "Move", "Saturday, which is never a working day"),
        (dt.date(2026, 12, 25), "Move", "already a bank holiday in England"),
        (MONDAY, "   ", "Enter why the organisation is closed"),
        (dt.date(2026, 12, 8), "Move", "already recorded on 8 December 2026"),
    ],
    ids=["weekend", "bank holiday", "no reason", "twice"],
)
def test_a_closure_day_is_refused_with_what_to_do(
    factory: Factory, officer: User, date: dt.date, reason: str, message: str
) -> None:
    factory.closure_day(date=dt.date(2026, 12, 8))
    with pytest.raises(Refused, match=message):
        add_closure_day(organisation=factory.home, date=date, reason=reason, actor=officer)
    assert ClosureDay.objects.count() == 1


def test_a_bank_holiday_only_in_scotland_can_be_an_english_closure_day(
    factory: Factory, officer: User
) -> None:
    st_andrews_day = dt.date(2026, 11, 30)
    day = add_closure_day(
        organisation=factory.home, date=st_andrews_day, reason="Office move", actor=officer
    )
    assert day.pk is not None
    scottish = factory.organisation(region="SCT")
    with pytest.raises(Refused, match="bank holiday in Scotland"):
        add_closure_day(organisation=scottish, date=st_andrews_day, reason="x", actor=officer)
