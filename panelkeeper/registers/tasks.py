"""The daily reminder to members whose declaration of interests is due for review (COI-1).

Registered with the platform's daily trigger (``panelkeeper daily``) by this app's
config. One email per member and lapse, whatever the number of runs: the
:class:`~panelkeeper.registers.models.ReviewReminder` row, unique per member and due
date, is written in the same transaction as the email is sent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from panelkeeper.core.daily import run_once
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.interests import members_with_reviews
from panelkeeper.registers.models import ReviewReminder


def send_review_reminders(today: dt.date) -> int:
    """Email every active member whose declaration is overdue on ``today``; the number sent.

    Members without an email address are left to officers, who see the flag on the
    register pages.
    """
    sent = 0
    for organisation in Organisation.objects.all():
        for member, state in members_with_reviews(organisation, on=today):
            if not state.overdue or not member.email:
                continue
            try:
                with transaction.atomic():
                    ReviewReminder.objects.create(
                        member=member, due_on=state.due, sent_at=timezone.now()
                    )
                    body = render_to_string(
                        "registers/email_review_reminder.txt",
                        {"member": member, "organisation": organisation, "state": state},
                    )
                    send_mail(
                        f"Please review your declaration of interests: {organisation.name}",
                        body,
                        settings.DEFAULT_FROM_EMAIL,
                        [member.email],
                    )
            except IntegrityError:
                continue  # already reminded for this lapse
            sent += 1
    return sent


@task()
def remind_overdue_declarations(day: str) -> bool:
    """The daily job: reminders for ``day`` (ISO date), done once however often it runs."""

    def work() -> dict[str, Any]:
        return {"sent": send_review_reminders(dt.date.fromisoformat(day))}

    return run_once("remind_overdue_declarations", day, work)
