"""Reading a member's status on a date, as known now or as known on an earlier day.

Two dates, because records are entered late: ``on`` is the day the status applied;
``known_on`` (optional) ignores every record made after that day ended, so a report can
show what the organisation knew at the time. A later record for the same effective date
overrides an earlier one; neither is rewritten.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet

from panelkeeper.members.models import Member, MemberStatus, Status


def end_of(day: dt.date) -> dt.datetime:
    """The first moment after ``day`` in the site's time zone: records before it were known."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), ZoneInfo(settings.TIME_ZONE))


def status_records(member: Member, *, known_on: dt.date | None = None) -> QuerySet[MemberStatus]:
    """The member's status records, in the order they apply; only those known by ``known_on``."""
    records = MemberStatus.objects.filter(member=member).select_related("recorded_by")
    if known_on is not None:
        records = records.filter(recorded_at__lt=end_of(known_on))
    return records.order_by("effective_from", "recorded_at", "id")


def status_record_on(
    member: Member, *, on: dt.date, known_on: dt.date | None = None
) -> MemberStatus | None:
    """The status record in effect on ``on`` (as known by ``known_on``), or None before any:
    its status, the date it took effect and its reason, without who recorded it or when."""
    return (
        status_records(member, known_on=known_on)
        .select_related(None)
        .only("status", "effective_from", "reason")
        .filter(effective_from__lte=on)
        .order_by("-effective_from", "-recorded_at", "-id")
        .first()
    )


def status_on(member: Member, *, on: dt.date, known_on: dt.date | None = None) -> Status | None:
    """The member's status on ``on`` (as known by ``known_on``); None before they started."""
    entry = status_record_on(member, on=on, known_on=known_on)
    return None if entry is None else Status(entry.status)
