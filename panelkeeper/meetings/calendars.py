"""Calendars: one meeting as an .ics file, and private feeds of a member's or a group's
meetings. A feed's URL carries a random secret; only its SHA-256 is kept, so a feed
reveals nothing without the secret, and revoking it closes it for good.

The files are written with the ``icalendar`` library, which escapes text and folds long
lines as RFC 5545 asks.
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
from icalendar import STATUS, Calendar, Event, vText

from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.audited import create_logged, save_logged
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
    owner = member.group if member is not None else group
    assert owner is not None  # exactly one of member and group, as checked above
    secret = PREFIX + secrets.token_urlsafe(32)
    feed = create_logged(
        CalendarFeed,
        action="calendar_feed.created",
        actor=actor,
        logged={"member": member, "group": group},
        organisation=owner.organisation,
        secret_hash=_hash(secret),
        created_at=timezone.now(),
        created_by=actor,
    )
    return NewFeed(feed, secret)


def revoke_feed(*, feed: CalendarFeed, actor: User) -> CalendarFeed:
    """Close a feed: its URL answers 404 from now on."""
    if feed.revoked_at is not None:
        raise Refused("This calendar feed is already turned off.")
    with transaction.atomic():
        feed.revoked_at = timezone.now()
        save_logged(obj=feed, fields=["revoked_at"], action="calendar_feed.revoked", actor=actor)
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
    if feed.group_id is not None:
        group_id = feed.group_id
    else:
        assert feed.member is not None  # a feed is of a group or of a member (a constraint)
        group_id = feed.member.group_id
    return Meeting.objects.filter(group_id=group_id).select_related("group").order_by("date", "id")


# -- iCalendar --------------------------------------------------------------------


def _event(meeting: Meeting, *, url: str, stamp: dt.datetime) -> Event:
    """One VEVENT: the meeting's time, place or link, status, and a link to its page.

    Its UID is the meeting's random ``uid``, so it is the same in every file and feed and
    never the same as another installation's. Its times are the meeting's wall-clock
    times in ``TIME_ZONE``, written in UTC so that no VTIMEZONE is needed; it ends at
    the meeting's end time, or two hours after the start when none is set. SEQUENCE is
    the meeting's ``sequence``, raised by a move or a cancellation, so a calendar that
    imported an earlier copy replaces it.
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
    cancelled = meeting.status == MeetingStatus.CANCELLED
    return Event.new(
        uid=f"{meeting.uid}@panelkeeper",
        stamp=stamp.astimezone(dt.UTC),
        sequence=meeting.sequence,
        start=start.astimezone(dt.UTC),
        end=end.astimezone(dt.UTC),
        summary=f"Meeting of {meeting.group.name}",
        location=meeting.where,
        description=description,
        url=url,
        status=STATUS.CANCELLED if cancelled else STATUS.CONFIRMED,
    )


def calendar(meetings: Iterable[Meeting], url_for: Callable[[Meeting], str], *, name: str) -> str:
    """A whole VCALENDAR, CRLF line endings, ready to serve as text/calendar."""
    stamp = timezone.now()
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", "-//panelkeeper//meetings//EN")
    cal.add("calscale", "GREGORIAN")
    # The library writes unknown properties raw; the name is text and must be escaped.
    cal.add("x-wr-calname", vText(name))
    for meeting in meetings:
        cal.add_component(_event(meeting, url=url_for(meeting), stamp=stamp))
    data: bytes = cal.to_ical()
    return data.decode()
