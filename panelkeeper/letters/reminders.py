"""Reminders: one daily digest for role holders, and members' own reminders.

Role holders (the people holding the code's staff titles, BR-13) get one email a day
listing every case deadline and meeting action that falls due within the next few
working days (``DIGEST_WORKING_DAYS``) or is overdue (BR-5, BR-11, BR-12, MTG-6).
Deadlines are read from each case's procedure at send time, so a deadline that moved
(an appeal lodged, a step recorded late) is listed on its new date.

Members who chose email are reminded of a meeting coming up, a document to sign or
re-sign (MEM-2, MEM-6), and an action due (MTG-6).

Nothing is sent twice: each email is written as a :class:`Reminder` row, unique on its
recipient, what it is about and the due date, in the same transaction as the email is
posted to the outbox (keyed by that row). A second worker doing the same day hits the
constraint and posts nothing. The daily job works in batches (an organisation's
digests, then its members ``BATCH_SIZE`` at a time), a transaction each, so a run cut
off part-way keeps what it posted and, run again, posts only what it had not.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from panelkeeper.cases.due import deadlines_due
from panelkeeper.core.daily import Batch, run_batches
from panelkeeper.letters.facts import long_date
from panelkeeper.letters.models import Reminder
from panelkeeper.lib.batches import in_batches
from panelkeeper.meetings.models import Action, Meeting, MeetingStatus
from panelkeeper.members.eligibility import Hurdle, eligibility
from panelkeeper.members.models import ContactBy, Member
from panelkeeper.organisations.in_force import calendar_for
from panelkeeper.organisations.models import Organisation, RoleHolder
from panelkeeper.outbox.posting import post
from panelkeeper.rules.calendar.working_days import WorkingCalendar

DIGEST_WORKING_DAYS = 2


@dataclass(frozen=True)
class Item:
    """One line of a digest: what is due, on which date, and whether it is overdue."""

    what: str
    due: dt.date
    overdue: bool

    @property
    def due_text(self) -> str:
        return long_date(self.due)


def _hours(meeting: Meeting) -> str:
    """ "18:30", or "18:30 to 20:30" where the meeting has an end time."""
    if meeting.ends_at is None:
        return f"{meeting.starts_at:%H:%M}"
    return f"{meeting.starts_at:%H:%M} to {meeting.ends_at:%H:%M}"


def _soon(calendar: WorkingCalendar, today: dt.date, due: dt.date, within: int) -> bool:
    return due >= today and calendar.working_days_between(today, due) <= within


def case_items(
    organisation: Organisation, *, today: dt.date, within: int = DIGEST_WORKING_DAYS
) -> list[Item]:
    """Every unmet deadline of the organisation's open cases due soon or overdue."""
    return [
        Item(
            f"{found.case.reference} ({found.case.member}): {found.due.deadline.label}",
            found.due.deadline.due,
            found.due.deadline.due < today,
        )
        for found in deadlines_due(organisation, today=today, within=within)
    ]


def actions_due(
    organisation: Organisation, *, today: dt.date, within: int, calendar: WorkingCalendar
) -> list[Action]:
    """Meeting actions not done, overdue on ``today`` or due within ``within`` working
    days (MTG-6); one query."""
    actions = Action.objects.filter(
        meeting__group__organisation=organisation, done_on__isnull=True
    ).select_related("owner_member", "owner_user", "meeting")
    return [
        action
        for action in actions
        if action.due_on < today or _soon(calendar, today, action.due_on, within)
    ]


def action_items(
    organisation: Organisation, *, today: dt.date, within: int = DIGEST_WORKING_DAYS
) -> list[Item]:
    """Meeting actions not done, due soon or overdue (MTG-6)."""
    calendar = calendar_for(organisation)
    return [
        Item(
            f"Action for {action.owner_member or action.owner_user}: {action.description}",
            action.due_on,
            action.due_on < today,
        )
        for action in actions_due(organisation, today=today, within=within, calendar=calendar)
    ]


def _send_once(
    organisation: Organisation,
    *,
    to: str,
    about: str,
    due_on: dt.date,
    today: dt.date,
    subject: str,
    body: str,
) -> bool:
    """Post one email unless one was already posted for (to, about, due_on); True if posted."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                organisation=organisation,
                to_email=to,
                about=about,
                due_on=due_on,
                sent_on=today,
                sent_at=timezone.now(),
            )
            post(
                key=f"reminder:{reminder.pk}",
                to=to,
                subject=subject,
                body=body,
                organisation=organisation,
            )
    except IntegrityError:
        return False
    return True


def digest_recipients(organisation: Organisation, *, today: dt.date) -> list[tuple[str, str]]:
    """(name, email) of everyone holding one of the code's staff titles on ``today``."""
    seen: dict[str, str] = {}
    for holder in (
        RoleHolder.objects.filter(organisation=organisation).on(today).select_related("user")
    ):
        if holder.user.email:
            seen.setdefault(holder.user.email, holder.user.get_full_name() or holder.user.email)
    return [(name, email) for email, name in sorted(seen.items())]


def send_digests(
    organisation: Organisation, *, today: dt.date, within: int = DIGEST_WORKING_DAYS
) -> int:
    items = sorted(
        case_items(organisation, today=today, within=within)
        + action_items(organisation, today=today, within=within),
        key=lambda i: (i.due, i.what),
    )
    if not items:
        return 0
    overdue = [i for i in items if i.overdue]
    due = [i for i in items if not i.overdue]
    sent = 0
    for name, email in digest_recipients(organisation, today=today):
        body = render_to_string(
            "letters/email_digest.txt",
            {
                "name": name,
                "organisation": organisation,
                "overdue": overdue,
                "due": due,
                "within": within,
                "today": long_date(today),
            },
        )
        subject = f"Due and overdue at {organisation.name}: {long_date(today)}"
        sent += _send_once(
            organisation,
            to=email,
            about=f"digest:{organisation.pk}",
            due_on=today,
            today=today,
            subject=subject,
            body=body,
        )
    return sent


@dataclass(frozen=True)
class MemberReminder:
    about: str
    due_on: dt.date
    subject: str
    line: str


def member_reminders(
    member: Member, *, today: dt.date, calendar: WorkingCalendar, within: int
) -> Iterator[MemberReminder]:
    """What ``member`` should be reminded of on ``today``."""
    meetings = Meeting.objects.filter(
        group=member.group_id, status=MeetingStatus.SCHEDULED, date__gte=today
    )
    for meeting in meetings:
        if _soon(calendar, today, meeting.date, within):
            where = meeting.place or "online"
            # Keyed on the time too: a meeting moved to another hour is reminded again.
            yield MemberReminder(
                f"meeting:{meeting.pk}@{meeting.starts_at:%H:%M}",
                meeting.date,
                f"Meeting on {long_date(meeting.date)}",
                f"The {member.group.name} meets on {long_date(meeting.date)} at "
                f"{_hours(meeting)} ({where}). If you cannot come, please send your "
                "apologies as early as you can.",
            )
    for check in eligibility(member, on=today).documents:
        if check.state in (Hurdle.UNSIGNED, Hurdle.OUTDATED) and check.current_pk is not None:
            again = "the new version of " if check.state is Hurdle.OUTDATED else ""
            yield MemberReminder(
                f"document:{check.current_pk}",
                today,
                f"Please sign {again}the {check.title}",
                f"Please read and sign {again}the {check.title} (version "
                f"{check.current_label}). You can sign it online or ask us for a paper copy.",
            )
    for action in Action.objects.filter(owner_member=member, done_on__isnull=True):
        if action.due_on < today or _soon(calendar, today, action.due_on, within):
            late = "was due" if action.due_on < today else "is due"
            yield MemberReminder(
                f"action:{action.pk}",
                action.due_on,
                "An action from a meeting",
                f"Your action “{action.description}” {late} on {long_date(action.due_on)}.",
            )


def _document_key(about: str) -> bool:
    return about.startswith("document:")


# Members are reminded this many at a time, each batch in its own transaction.
BATCH_SIZE = 500


def _members_to_remind(organisation: Organisation, *, today: dt.date) -> QuerySet[Member]:
    return (
        Member.objects.of(organisation)
        .active(on=today)
        .filter(contact_by=ContactBy.EMAIL)
        .exclude(Q(email="") | Q(email__isnull=True))
        .select_related("group__organisation")
    )


def _member_batch(
    organisation: Organisation,
    members: Iterable[Member],
    *,
    today: dt.date,
    within: int,
    calendar: WorkingCalendar,
) -> dict[str, int]:
    """Post each of ``members`` what they should be reminded of; the number posted."""
    sent = 0
    for member in members:
        for reminder in member_reminders(member, today=today, calendar=calendar, within=within):
            # A document has no due date: one reminder per version, keyed by it.
            due_on = dt.date.min if _document_key(reminder.about) else reminder.due_on
            body = render_to_string(
                "letters/email_member_reminder.txt",
                {"member": member, "organisation": organisation, "line": reminder.line},
            )
            sent += _send_once(
                organisation,
                to=member.email,
                about=reminder.about,
                due_on=due_on,
                today=today,
                subject=f"{reminder.subject}: {organisation.name}",
                body=body,
            )
    return {"member_reminders": sent}


def send_member_reminders(
    organisation: Organisation, *, today: dt.date, within: int = DIGEST_WORKING_DAYS
) -> int:
    members = _members_to_remind(organisation, today=today)
    calendar = calendar_for(organisation)
    batch = _member_batch(organisation, members, today=today, within=within, calendar=calendar)
    return batch["member_reminders"]


def _digest_batch(organisation: Organisation, *, today: dt.date, within: int) -> dict[str, int]:
    return {"digests": send_digests(organisation, today=today, within=within)}


FIGURES = ("digests", "member_reminders")


def reminder_batches(today: dt.date, *, within: int = DIGEST_WORKING_DAYS) -> Iterator[Batch]:
    """The day's digests and member reminders, in batches: an organisation's digests,
    then its members ``BATCH_SIZE`` at a time."""
    for organisation in Organisation.objects.order_by("pk"):
        yield functools.partial(_digest_batch, organisation, today=today, within=within)
        calendar = calendar_for(organisation)
        members = _members_to_remind(organisation, today=today)
        for batch in in_batches(members, BATCH_SIZE):
            yield functools.partial(
                _member_batch, organisation, batch, today=today, within=within, calendar=calendar
            )


def send_reminders(today: dt.date, *, within: int = DIGEST_WORKING_DAYS) -> dict[str, int]:
    """The day's digests and member reminders for every organisation; counts sent."""
    return run_batches(reminder_batches(today, within=within), figures=FIGURES)
