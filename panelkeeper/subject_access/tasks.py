"""The daily reminder of subject access requests, registered with the platform's
trigger (``panelkeeper daily``).

Each organisation's data protection lead (or, while it has none, each of its officers)
gets one email a day listing the requests due within a few working days or overdue.
Each email is keyed by the organisation, the person and the day, so a second run of the
same day posts nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string

from panelkeeper.core.daily import run_once
from panelkeeper.organisations.models import Organisation
from panelkeeper.outbox.posting import post
from panelkeeper.subject_access.due import SOON_WORKING_DAYS, due_soon
from panelkeeper.subject_access.lead import lead_of, officers_of


def remind(organisation: Organisation, *, today: dt.date) -> int:
    """Post today's reminder for ``organisation``; the number of emails posted now."""
    listed = due_soon(organisation, today=today)
    if not listed:
        return 0
    lead = lead_of(organisation)
    people = [lead] if lead is not None else list(officers_of(organisation))
    body = render_to_string(
        "subject_access/reminder.txt",
        {"organisation": organisation, "listed": listed, "within": SOON_WORKING_DAYS},
    )
    posted = 0
    with transaction.atomic():
        for person in people:
            posted += post(
                key=f"subject-access-reminder:{organisation.pk}:{person.pk}:{today.isoformat()}",
                to=person.email,
                name=person.get_full_name(),
                subject=f"Subject access requests due soon at {organisation.name}",
                body=body,
                organisation=organisation,
            )
    return posted


@task()
def send_request_reminders(day: str) -> bool:
    """Reminders of subject access requests due soon, for ``day`` (ISO date)."""

    def work() -> dict[str, Any]:
        today = dt.date.fromisoformat(day)
        return {"emails": sum(remind(o, today=today) for o in Organisation.objects.all())}

    return run_once("subject_access_reminders", day, work)
