"""Days an organisation is closed, which working-day deadlines skip (Interpretation 1)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.organisations.in_force import calendar_changed
from panelkeeper.organisations.models import ClosureDay, Organisation
from panelkeeper.rules.calendar.working_days import Region, bank_holidays
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def add_closure_day(
    *, organisation: Organisation, date: dt.date, reason: str, actor: User
) -> ClosureDay:
    """Record that ``organisation`` is closed on ``date``.

    Refuses a weekend or a bank holiday of the organisation's region (never a working day
    anyway, so recording it would change nothing) and a date already recorded.
    """
    reason = entered(reason, field="reason", missing="Enter why the organisation is closed.")
    if date.weekday() >= 5:
        raise Refused(
            f"{day_month_year(date)} is a {date:%A}, which is never a working day. "
            "Enter a weekday.",
            field="date",
        )
    region = Region(organisation.region)
    if date in bank_holidays(region, date.year):
        raise Refused(
            f"{day_month_year(date)} is already a bank holiday in {region.label}.", field="date"
        )
    if ClosureDay.objects.filter(organisation=organisation, date=date).exists():
        raise Refused(f"A closure is already recorded on {day_month_year(date)}.", field="date")
    try:
        with transaction.atomic():
            day = create_recorded(
                ClosureDay,
                organisation=organisation,
                actor=actor,
                action="closure_day.added",
                logged={"date": date, "reason": reason},
            )
            calendar_changed(organisation=organisation, today=timezone.localdate())
    except IntegrityError:
        raise Refused(
            f"A closure is already recorded on {day_month_year(date)}.", field="date"
        ) from None
    return day
