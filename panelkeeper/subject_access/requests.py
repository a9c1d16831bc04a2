"""Subject access requests: logging one, pausing and resuming its clock, extending it,
and reading its deadline. Each change checks, writes and records its audit entry in one
transaction, and refuses with what to do instead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_values
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.members.models import Member
from panelkeeper.organisations.in_force import bank_holiday_calendar
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.dates import day_month_year
from panelkeeper.subject_access.deadlines import (
    MAX_EXTENSION_MONTHS,
    Stop,
    days_paused,
    due_on,
)
from panelkeeper.subject_access.models import (
    Pause,
    PauseReason,
    Requester,
    SubjectAccessRequest,
)

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def log_request(
    *,
    organisation: Organisation,
    requester: Requester,
    received_on: dt.date,
    actor: User | None,
    today: dt.date,
    member: Member | None = None,
    name: str = "",
    contact: str = "",
    details: str = "",
) -> SubjectAccessRequest:
    """Log a request received on ``received_on`` from a member of ``organisation`` or from
    anyone else its records name."""
    refuse_future(received_on, today, what="The date it was received", field="received_on")
    if requester == Requester.MEMBER:
        if member is None:
            raise Refused("Choose the member who asked.", field="member")
        if member.group.organisation_id != organisation.pk:
            raise Refused("Choose one of your organisation's members.", field="member")
        name = ""
    else:
        member = None
        name = entered(name, field="name", missing="Enter the name of the person who asked.")
    return create_recorded(
        SubjectAccessRequest,
        actor=actor,
        organisation=organisation,
        action="subject_access_request.logged",
        logged={
            "requester": requester,
            "member": member,
            "name": name,
            "contact": contact.strip(),
            "received_on": received_on,
            "details": details.strip(),
        },
        recorded_at=timezone.now(),
        recorded_by=actor,
    )


def _not_released(request: SubjectAccessRequest) -> None:
    if released(request):
        raise Refused("This request has been answered: its pack was released.")


def released(request: SubjectAccessRequest) -> bool:
    pack = getattr(request, "pack", None)
    return pack is not None and pack.released_on is not None


def pause(
    *,
    request: SubjectAccessRequest,
    reason: PauseReason,
    paused_on: dt.date,
    note: str,
    actor: User,
    today: dt.date,
) -> Pause:
    """Stop the clock from ``paused_on``, while waiting for ``reason``."""
    _not_released(request)
    refuse_future(paused_on, today, what="The date it was paused", field="paused_on")
    if paused_on < request.received_on:
        raise Refused(
            f"Enter a date on or after the day it was received, "
            f"{day_month_year(request.received_on)}.",
            field="paused_on",
        )
    with transaction.atomic():
        pauses = list(request.pauses.select_for_update())
        if any(p.resumed_on is None for p in pauses):
            raise Refused("The clock is already paused. Restart it first.")
        if any(p.resumed_on is not None and paused_on < p.resumed_on for p in pauses):
            raise Refused("Enter a date after the end of the last pause.", field="paused_on")
        return create_recorded(
            Pause,
            actor=actor,
            organisation=request.organisation,
            action="subject_access_request.paused",
            logged={
                "request": request,
                "reason": reason,
                "note": note.strip(),
                "paused_on": paused_on,
            },
            paused_by=actor,
        )


def resume(
    *, request: SubjectAccessRequest, resumed_on: dt.date, actor: User, today: dt.date
) -> Pause:
    """Start the clock again from ``resumed_on``."""
    _not_released(request)
    refuse_future(resumed_on, today, what="The date it restarted", field="resumed_on")
    with transaction.atomic():
        open_pause = request.pauses.select_for_update().filter(resumed_on__isnull=True).first()
        if open_pause is None:
            raise Refused("The clock is not paused.")
        if resumed_on < open_pause.paused_on:
            raise Refused(
                f"Enter a date on or after the day it was paused, "
                f"{day_month_year(open_pause.paused_on)}.",
                field="resumed_on",
            )
        save_values(
            open_pause,
            {"resumed_on": resumed_on},
            action="subject_access_request.resumed",
            actor=actor,
            organisation=request.organisation,
        )
        return open_pause


def extend(
    *, request: SubjectAccessRequest, months: int, reason: str, actor: User
) -> SubjectAccessRequest:
    """Extend the time to answer by ``months`` in all (1 or 2), for a complex request."""
    _not_released(request)
    if not 1 <= months <= MAX_EXTENSION_MONTHS:
        raise Refused("Choose an extension of 1 or 2 months.", field="months")
    reason = entered(reason, field="reason", missing="Enter why the request needs more time.")
    if months < request.extension_months:
        raise Refused(
            f"The time is already extended by {request.extension_months} months. "
            "An extension cannot be shortened.",
            field="months",
        )
    with transaction.atomic():
        save_values(
            request,
            {"extension_months": months, "extension_reason": reason},
            action="subject_access_request.extended",
            actor=actor,
            organisation=request.organisation,
        )
    return request


@dataclass(frozen=True)
class Clock:
    """Where a request stands on ``today``: when it is due, whether the clock is paused
    (and since when), and how many days it has stood still."""

    due: dt.date
    paused_since: dt.date | None
    paused_days: int
    answered: bool
    overdue: bool


def clock_of(
    request: SubjectAccessRequest, *, today: dt.date, calendar: WorkingCalendar | None = None
) -> Clock:
    """The request's deadline on ``today``; an open pause counts up to ``today``."""
    pauses = list(request.pauses.all())
    stops = [Stop(p.paused_on, p.resumed_on) for p in pauses]
    paused = days_paused(stops, today=today)
    due = due_on(
        request.received_on,
        calendar=calendar or bank_holiday_calendar(request.organisation),
        extension_months=request.extension_months,
        paused_days=paused,
    )
    open_pause = next((p for p in pauses if p.resumed_on is None), None)
    answered = released(request)
    return Clock(
        due=due,
        paused_since=open_pause.paused_on if open_pause else None,
        paused_days=paused,
        answered=answered,
        overdue=not answered and open_pause is None and due < today,
    )
