"""The meetings lists as the pages and the API page them: which rows, in which order.

Each list is filtered and ordered in the database, in an order an index serves (see the
models' ``Meta.indexes``), and read a page at a time: no page's cost grows with the
number of meetings, actions or members an organisation has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from panelkeeper.lib.lazy_rows import LazyRows
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.actions import actions_of
from panelkeeper.meetings.models import (
    Action,
    Attendance,
    Meeting,
    MeetingQuerySet,
    MissedMeetings,
)
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group, Organisation
from panelkeeper.rules.attendance import Presence


def refuse_backwards(start: dt.date | None, end: dt.date | None) -> None:
    """Refuse a range of dates that ends before it starts."""
    if start is not None and end is not None and end < start:
        raise Refused("The end date must be the same as or after the start date.", field="end")


def group_of(organisation: Organisation, group_id: int | None) -> Group | None:
    """The organisation's group ``group_id``, None for every group; any other is refused,
    as the filter form refuses a group it does not offer."""
    groups = Group.objects.filter(organisation=organisation)
    found = None if group_id is None else groups.filter(pk=group_id).first()
    if found is None and group_id is not None:
        raise Refused("Choose a group of this organisation.", field="group_id")
    return found


class When(models.TextChoices):
    """Which meetings the meetings list shows; without a choice, all, upcoming first."""

    UPCOMING = "upcoming", "Upcoming"
    PAST = "past", "Past"


WHEN = [("", "Upcoming, then past"), *When.choices]
"""The meetings list's choice of when, for its filter form; the API takes ``When``."""


@dataclass(frozen=True)
class MeetingFilters:
    group: Group | None = None
    when: str = ""
    start: dt.date | None = None
    end: dt.date | None = None


class UpcomingThenPast(LazyRows[Meeting]):
    """Meetings to come, soonest first, then past ones, most recent first: one list for
    the paginator to count and slice, each part read in its own order from the index."""

    def __init__(self, meetings: MeetingQuerySet, *, today: dt.date) -> None:
        self.upcoming = meetings.filter(date__gte=today).order_by("date", "starts_at", "id")
        self.past = meetings.filter(date__lt=today).order_by("-date", "-starts_at", "-id")

    @cached_property
    def _ahead(self) -> int:
        return self.upcoming.count()

    def count_rows(self) -> int:
        return self._ahead + self.past.count()

    def read(self, start: int, stop: int) -> list[Meeting]:
        ahead = self._ahead
        rows = list(self.upcoming[start : min(stop, ahead)]) if start < ahead else []
        if stop > ahead:
            rows += list(self.past[max(start - ahead, 0) : stop - ahead])
        return rows


def meetings_listed(
    organisation: Organisation, filters: MeetingFilters, *, today: dt.date
) -> MeetingQuerySet | UpcomingThenPast:
    """The organisation's meetings as ``filters`` choose them, upcoming first."""
    meetings = Meeting.objects.of(organisation).select_related("group")
    if filters.group is not None:
        meetings = meetings.filter(group=filters.group)
    if filters.start is not None:
        meetings = meetings.filter(date__gte=filters.start)
    if filters.end is not None:
        meetings = meetings.filter(date__lte=filters.end)
    both = UpcomingThenPast(meetings, today=today)
    if filters.when == When.UPCOMING:
        return both.upcoming
    if filters.when == When.PAST:
        return both.past
    return both


def meetings_to_come(member: Member, *, today: dt.date) -> MeetingQuerySet:
    """The member's group's meetings from ``today`` on, soonest first."""
    meetings = Meeting.objects.filter(group_id=member.group_id, date__gte=today)
    return meetings.order_by("date", "starts_at", "id")


class ActionState(models.TextChoices):
    OPEN = "open", "Still open"
    DONE = "done", "Done"


def actions_listed(
    organisation: Organisation, *, state: str = ActionState.OPEN, group: Group | None = None
) -> QuerySet[Action]:
    """Open actions by due date, or done ones, the latest done first (MTG-6)."""
    actions = actions_of(organisation)
    if group is not None:
        actions = actions.filter(meeting__group=group)
    if state == ActionState.DONE:
        return actions.filter(done_on__isnull=False).order_by("-done_on", "-due_on", "-id")
    return actions.filter(done_on__isnull=True).order_by("due_on", "id")


def missed_listed(
    organisation: Organisation, *, status: str | None = None, group: Group | None = None
) -> QuerySet[MissedMeetings]:
    """Missed-meetings decisions (MTG-2), the latest opened first."""
    decisions = MissedMeetings.objects.filter(group__organisation=organisation)
    if group is not None:
        decisions = decisions.filter(group=group)
    if status:
        decisions = decisions.filter(status=status)
    return decisions.order_by("-opened_on", "-id")


class Shown(models.TextChoices):
    """Whose attendance the attendance page lists; without a choice, everyone expected."""

    NOT_RECORDED = "not_recorded", "Not yet recorded"
    RECORDED = "recorded", "Recorded"


SHOWN = [("", "Everyone expected"), *Shown.choices]


def members_listed(meeting: Meeting, *, name: str = "", shown: str = "") -> QuerySet[Member]:
    """The members expected at ``meeting`` (MTG-1), by name; those whose name contains
    ``name``, and only those not yet recorded or only those recorded if ``shown`` says so."""
    members = Member.objects.filter(group_id=meeting.group_id).active(on=meeting.date)
    if name:
        members = members.filter(full_name__icontains=name)
    recorded = Attendance.objects.filter(meeting=meeting).values("member_id")
    if shown == Shown.NOT_RECORDED:
        members = members.exclude(pk__in=recorded)
    elif shown == Shown.RECORDED:
        members = members.filter(pk__in=recorded)
    return members.order_by("full_name", "id")


@dataclass(frozen=True)
class Tally:
    """How many members were expected at a meeting, and what is recorded for them."""

    expected: int
    present: int = 0
    apologies: int = 0
    absent: int = 0

    @property
    def not_recorded(self) -> int:
        return self.expected - self.present - self.apologies - self.absent


def tally(meeting: Meeting) -> Tally:
    """The counts of ``meeting``'s attendance, in one query whatever the group's size: each
    member expected, with what is recorded for them at the meeting, if anything."""
    here = Attendance.objects.filter(meeting=meeting, member=OuterRef("pk")).order_by()
    counts = (
        members_listed(meeting)
        .annotate(presence_here=Subquery(here.values("presence")[:1]))
        .aggregate(
            expected=Count("pk"),
            **{
                presence.value: Count("pk", filter=Q(presence_here=presence.value))
                for presence in Presence
            },
        )
    )
    return Tally(**counts)


class Expected(LazyRows[Member]):
    """The members expected at a meeting, counted already (by :func:`tally`), read a page
    at a time; the paginator then needs no count of its own."""

    def __init__(self, members: QuerySet[Member], *, count: int) -> None:
        self.members, self.counted = members, count

    def count_rows(self) -> int:
        return self.counted

    def read(self, start: int, stop: int) -> list[Member]:
        return list(self.members[start:stop])


def recorded_for(meeting: Meeting, members: list[Member]) -> dict[int, Attendance]:
    """What is recorded at ``meeting`` for each of ``members`` who has a record, by id."""
    # In no order (Attendance's own joins the meeting and the member to sort by name).
    found = Attendance.objects.filter(meeting=meeting, member__in=members).order_by()
    return {a.member_id: a for a in found}
