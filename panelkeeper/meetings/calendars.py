"""Calendars: one meeting as an .ics file, and private feeds of a member's or a group's
meetings. A feed's URL carries a random secret; only its SHA-256 is kept, so a feed
reveals nothing without the secret, and revoking it closes it for good.

Events are written by hand to RFC 5545: times in UTC, text escaped, long lines folded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import record
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.models import CalendarFeed, Meeting, MeetingStatus
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

# A meeting without an end time is shown as two hours long.
DEFAULT_LENGTH = dt.timedelta(hours=2)
PREFIX = "cal_"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class NewFeed:
    feed: CalendarFeed
    secret: str  # shown once; never stored


def create_feed(
    *, member: Member | None = None, group: Group | None = None, actor: User
) -> NewFeed:
    """A new private feed of ``member``'s or ``group``'s meetings; the secret is shown once."""
    if (member is None) == (group is None):
        raise Refused("Choose a member or a group for the calendar feed.")
    organisation = member.group.organisation if member is not None else group.organisation  # type: ignore[union-attr]
    secret = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        feed = CalendarFeed.objects.create(
            organisation=organisation,
            member=member,
            group=group,
            secret_hash=_hash(secret),
            created_at=timezone.now(),
            created_by=actor,
        )
        record(
            actor=actor,
            organisation=organisation,
            action="calendar_feed.created",
            obj=feed,
            fields=["member", "group"],
        )
    return NewFeed(feed, secret)


def revoke_feed(*, feed: CalendarFeed, actor: User) -> CalendarFeed:
    """Close a feed: its URL answers 404 from now on."""
    if feed.revoked_at is not None:
        raise Refused("This calendar feed is already turned off.")
    with transaction.atomic():
        feed.revoked_at = timezone.now()
        feed.save(update_fields=["revoked_at"])
        record(
            actor=actor,
            organisation=feed.organisation,
            action="calendar_feed.revoked",
            obj=feed,
            fields=["revoked_at"],
        )
    return feed


def feed_for_secret(secret: str) -> CalendarFeed | None:
    """The live feed with this secret, or None: a wrong, old or revoked secret looks the same."""
    if not secret.startswith(PREFIX) or len(secret) > 100:
        return None
    return (
        CalendarFeed.objects.filter(secret_hash=_hash(secret), revoked_at__isnull=True)
        .select_related("member__group", "group")
        .first()
    )


def feed_meetings(feed: CalendarFeed) -> Iterable[Meeting]:
    group_id = feed.group_id if feed.group_id is not None else feed.member.group_id  # type: ignore[union-attr]
    return Meeting.objects.filter(group_id=group_id).select_related("group").order_by("date", "id")


# -- iCalendar --------------------------------------------------------------------


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start = [], 0
    while start < len(data):
        end = min(start + (75 if not parts else 74), len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1  # never split a UTF-8 character
        parts.append(data[start:end].decode())
        start = end
    return "\r\n ".join(parts)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(meeting: Meeting, url: str, stamp: dt.datetime) -> list[str]:
    """One VEVENT: the meeting's time, place or link, status, and a link to its page.

    It ends at the meeting's end time, or two hours after the start when none is set.
    """
    local = ZoneInfo(settings.TIME_ZONE)
    start = dt.datetime.combine(meeting.date, meeting.starts_at, local)
    if meeting.ends_at is not None:
        end = dt.datetime.combine(meeting.date, meeting.ends_at, local)
    else:
        end = start + DEFAULT_LENGTH
    description = f"Meeting page: {url}"
    if meeting.online_link:
        description += f"\nJoin online: {meeting.online_link}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@panelkeeper",
        f"DTSTAMP:{_utc(stamp)}",
        f"SEQUENCE:{meeting.sequence}",
        f"DTSTART:{_utc(start)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{_escape(f'Meeting of {meeting.group.name}')}",
        f"LOCATION:{_escape(meeting.where)}",
        f"DESCRIPTION:{_escape(description)}",
        f"URL:{url}",
        "STATUS:" + ("CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED"),
        "END:VEVENT",
    ]
    return lines


def calendar(meetings: Iterable[Meeting], url_for: Callable[[Meeting], str], *, name: str) -> str:
    """A whole VCALENDAR, CRLF line endings, ready to serve as text/calendar."""
    stamp = timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//panelkeeper//meetings//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for meeting in meetings:
        lines += event_lines(meeting, url_for(meeting), stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
