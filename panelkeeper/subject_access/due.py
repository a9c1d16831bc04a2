"""Requests still to answer, with their clocks: for the Today page and the reminders.

Read in a fixed number of queries whatever the number of requests (the requests with
their pauses and packs, and the calendar once).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelkeeper.organisations.in_force import bank_holiday_calendar
from panelkeeper.organisations.models import Organisation
from panelkeeper.subject_access.models import SubjectAccessRequest
from panelkeeper.subject_access.requests import Clock, clock_of

# Requests are listed once they are due within this many working days, or overdue.
SOON_WORKING_DAYS = 5


@dataclass(frozen=True)
class Open:
    request: SubjectAccessRequest
    clock: Clock
    left: int


def open_requests(organisation: Organisation, *, today: dt.date) -> list[Open]:
    """Every request not yet answered, soonest due first."""
    calendar = bank_holiday_calendar(organisation)
    requests = (
        SubjectAccessRequest.objects.filter(organisation=organisation)
        .exclude(pack__released_on__isnull=False)
        .select_related("organisation", "member", "pack")
        .prefetch_related("pauses")
    )
    found = []
    for request in requests:
        clock = clock_of(request, today=today, calendar=calendar)
        found.append(Open(request, clock, calendar.working_days_between(today, clock.due)))
    return sorted(found, key=lambda o: (o.clock.due, o.request.pk))


def due_soon(organisation: Organisation, *, today: dt.date) -> list[Open]:
    """Requests due within ``SOON_WORKING_DAYS`` working days, or overdue (a paused one
    is waiting on the person, so it is not listed)."""
    return [
        found
        for found in open_requests(organisation, today=today)
        if found.clock.paused_since is None and found.left <= SOON_WORKING_DAYS
    ]
