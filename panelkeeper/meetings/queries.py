"""Reading a meeting for its page: a fixed number of queries whatever its size."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, FilteredRelation, Prefetch, Q, QuerySet

from panelkeeper.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MeetingStatus,
    VoteCast,
)
from panelkeeper.meetings.schedule import chair_for
from panelkeeper.members.models import Member
from panelkeeper.registers.conflicts import Conflicts, conflicts_for
from panelkeeper.rules.attendance import Presence
from panelkeeper.rules.calendar.working_days import add_months


@dataclass(frozen=True)
class ItemView:
    item: AgendaItem
    conflicted: list[Member]
    undecided: list[Member]


def apologies_sent(member: Member, meetings: Iterable[Meeting]) -> dict[int, Attendance]:
    """The apologies ``member`` has sent for any of ``meetings``, by meeting id; one query."""
    # Kept by meeting, so read in no order (the listing order joins the meetings to sort).
    return {
        a.meeting_id: a
        for a in Attendance.objects.filter(
            member=member, meeting__in=list(meetings), presence=Presence.APOLOGIES
        ).order_by()
    }


def with_apologies_sent(
    member: Member, meetings: QuerySet[Meeting]
) -> list[tuple[Meeting, Attendance | None]]:
    """Each of ``meetings`` with the apologies ``member`` has sent for it, if any, read in
    the same query (a join to the member's one attendance row a meeting).

    Of each Attendance only what a list of meetings shows is read: the day the apologies
    were sent and the time the member expects to arrive; its other fields load from the
    database if asked for."""
    sent = FilteredRelation(
        "attendance",
        condition=Q(attendance__member=member, attendance__presence=Presence.APOLOGIES),
    )
    rows = meetings.annotate(sent=sent).annotate(
        sent_id=F("sent__id"),
        sent_on=F("sent__apologies_given_on"),
        sent_arrives_at=F("sent__arrives_at"),
    )
    return [(meeting, _sent(meeting, member)) for meeting in rows]


_SENT_READ = ("id", "meeting_id", "member_id", "presence", "apologies_given_on", "arrives_at")


def _sent(meeting: Meeting, member: Member) -> Attendance | None:
    """The apologies joined to ``meeting`` by :func:`with_apologies_sent`, if any."""
    pk = getattr(meeting, "sent_id")  # noqa: B009 (annotated)
    if pk is None:
        return None
    on, arrives_at = getattr(meeting, "sent_on"), getattr(meeting, "sent_arrives_at")  # noqa: B009
    values = (pk, meeting.pk, member.pk, Presence.APOLOGIES.value, on, arrives_at)
    return Attendance.from_db(meeting._state.db, _SENT_READ, values)


def apologies_to_come(member: Member, *, today: dt.date) -> int:
    """How many of the group's meetings to come ``member`` has sent apologies for."""
    return Attendance.objects.filter(
        member=member,
        meeting__date__gte=today,
        meeting__status=MeetingStatus.SCHEDULED,
        presence=Presence.APOLOGIES,
    ).count()


def expected_members(meeting: Meeting) -> list[Member]:
    """Members of the group active on the meeting's date (suspended members are not)."""
    return list(Member.objects.filter(group_id=meeting.group_id).active(on=meeting.date))


def meeting_page(meeting: Meeting) -> dict[str, Any]:
    members = expected_members(meeting)
    by_id = {m.pk: m for m in members}
    attendance = {
        a.member_id: a for a in Attendance.objects.filter(meeting=meeting).select_related("member")
    }
    items = list(meeting.agenda.select_related("work", "missed_meetings__member", "gift__member"))
    views = []
    for item in items:
        conflicts: Conflicts = conflicts_for(item.work, on=meeting.date)
        views.append(
            ItemView(
                item,
                [
                    by_id[pk]
                    for pk in sorted(conflicts.entirely | set(conflicts.in_part))
                    if pk in by_id
                ],
                [by_id[pk] for pk in sorted(conflicts.undecided) if pk in by_id],
            )
        )
    decisions = list(
        Decision.objects.filter(meeting=meeting)
        .select_related("item")
        .prefetch_related(Prefetch("votes", VoteCast.objects.select_related("member")))
    )
    papers = list(meeting.papers.select_related("removed_by"))
    chair, basis = chair_for(meeting, members, {k: a.presence for k, a in attendance.items()})
    return {
        "meeting": meeting,
        "members": members,
        "rows": [(m, attendance.get(m.pk)) for m in members],
        "items": views,
        "decisions": decisions,
        "actions": list(meeting.actions.select_related("owner_member", "owner_user")),
        "papers": [p for p in papers if p.removed_at is None],
        "removed_papers": [p for p in papers if p.removed_at is not None],
        "sent_out": list(meeting.sent_out.select_related("member")),
        "chair": chair,
        "chair_basis": basis,
    }


def period(start: dt.date | None, end: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The chosen period, or the twelve months up to today."""
    end = end or today
    start = start or add_months(end, -12) + dt.timedelta(days=1)
    return start, end
