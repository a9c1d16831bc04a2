"""The daily reminder to members whose declaration of interests is due for review (COI-1).

Registered with the platform's daily trigger (``panelkeeper daily``) by this app's
config. One email per member and lapse, whatever the number of runs: the
:class:`~panelkeeper.registers.models.ReviewReminder` row, unique per member and due
date, is written in the same transaction as the email is posted to the outbox. Members
are reminded in batches, a transaction each, so a run cut off part-way keeps what it
posted and, run again, posts only to the members it had not reached.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

from django.db import IntegrityError, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from panelkeeper.core.daily import Batch, run_batches, run_in_batches
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.outbox.posting import post
from panelkeeper.registers.interests import ReviewState, reviews_in_batches
from panelkeeper.registers.models import ReviewReminder

# Members are reminded this many at a time, each batch in its own transaction.
BATCH_SIZE = 500


def _remind(
    organisation: Organisation, reviews: list[tuple[Member, ReviewState]]
) -> dict[str, int]:
    """Post a reminder to each member of ``reviews`` whose declaration is overdue."""
    sent = 0
    for member, state in reviews:
        if not state.overdue or not member.email:
            continue
        try:
            with transaction.atomic():
                reminder = ReviewReminder.objects.create(
                    member=member, due_on=state.due, sent_at=timezone.now()
                )
                body = render_to_string(
                    "registers/email_review_reminder.txt",
                    {"member": member, "organisation": organisation, "state": state},
                )
                post(
                    key=f"review-reminder:{reminder.pk}",
                    to=member.email,
                    name=member.full_name,
                    subject=f"Please review your declaration of interests: {organisation.name}",
                    body=body,
                    organisation=organisation,
                )
        except IntegrityError:
            continue  # already reminded for this lapse
        sent += 1
    return {"sent": sent}


def reminder_batches(today: dt.date) -> Iterator[Batch]:
    """The reminders for ``today``, a batch of members of one organisation at a time."""
    for organisation in Organisation.objects.order_by("pk"):
        for reviews in reviews_in_batches(organisation, on=today, size=BATCH_SIZE):
            yield functools.partial(_remind, organisation, reviews)


def send_review_reminders(today: dt.date) -> int:
    """Email every active member whose declaration is overdue on ``today``; the number posted.

    Members without an email address are left to officers, who see the flag on the
    register pages.
    """
    return run_batches(reminder_batches(today), figures=["sent"])["sent"]


@task()
def remind_overdue_declarations(day: str) -> bool:
    """The daily job: reminders for ``day`` (ISO date), done once however often it runs,
    a batch at a time; a run cut off part-way is taken up again where it stopped."""
    batches = reminder_batches(dt.date.fromisoformat(day))
    return run_in_batches("remind_overdue_declarations", day, batches, figures=["sent"])
