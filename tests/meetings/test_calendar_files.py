"""Every calendar file the product serves reads back as valid iCalendar with the right events.

The files are parsed with the ``icalendar`` library, as a calendar application would, rather
than searched as text: the single meeting download, the API's copy of it, a group's feed
and a member's feed.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar, Event

from panelkeeper.accounts.models import User
from panelkeeper.meetings.calendars import create_feed
from panelkeeper.meetings.models import Meeting
from panelkeeper.meetings.schedule import cancel_meeting, reschedule_meeting
from panelkeeper.organisations.models import Group
from tests.factory import Factory
from tests.meetings.conftest import TODAY

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def events(body: bytes) -> dict[str, Event]:
    """The file's events by UID; parsing fails loudly on anything that is not iCalendar."""
    calendar = Calendar.from_ical(body)
    assert isinstance(calendar, Calendar)
    assert calendar["VERSION"] == "2.0"
    return {str(event["UID"]): event for event in calendar.events}


def download(client: Client, meeting: Meeting) -> bytes:
    response = client.get(reverse("meetings:ics", kwargs={"org": "home", "pk": meeting.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def from_api(client: Client, meeting: Meeting) -> bytes:
    response = client.get(f"/api/v1/meetings/home/meetings/{meeting.pk}/ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def subscribed(secret: str) -> bytes:
    response = Client().get(reverse("meetings:feed", kwargs={"secret": secret}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def assert_event(
    event: Event,
    *,
    meeting: Meeting,
    starts: dt.datetime,
    ends: dt.datetime,
    sequence: int,
    status: str,
) -> None:
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    # Aware datetimes: the same instant as the meeting's wall-clock time in London.
    assert start.tzinfo is not None and end.tzinfo is not None
    assert (start, end) == (starts, ends)
    assert str(event["SUMMARY"]) == f"Meeting of {meeting.group.name}"
    assert event.decoded("SEQUENCE") == sequence
    assert str(event["STATUS"]) == status


def test_each_file_served_parses_with_the_meetings_uid_times_summary_sequence_and_status(
    factory: Factory, officer_client: Client, officer: User, panel: Group
) -> None:
    winter = factory.meeting(
        date=dt.date(2026, 12, 3), starts_at=dt.time(18, 30), ends_at=dt.time(19, 45)
    )
    summer = factory.meeting(date=dt.date(2027, 6, 3), starts_at=dt.time(18, 30))
    summer = reschedule_meeting(
        meeting=summer,
        date=dt.date(2027, 6, 10),
        starts_at=summer.starts_at,
        ends_at=None,
        place=summer.place,
        online_link=summer.online_link,
        actor=officer,
        today=TODAY,
    )
    cancel_meeting(meeting=summer, reason="The room is closed.", actor=officer, today=TODAY)
    summer.refresh_from_db()
    group_feed = create_feed(group=panel, actor=officer)
    member_feed = create_feed(member=factory.member_record, actor=officer)
    winter_uid, summer_uid = f"{winter.uid}@panelkeeper", f"{summer.uid}@panelkeeper"
    assert winter_uid != summer_uid

    def check_winter(event: Event) -> None:
        assert_event(
            event,
            meeting=winter,
            starts=dt.datetime(2026, 12, 3, 18, 30, tzinfo=LONDON),
            ends=dt.datetime(2026, 12, 3, 19, 45, tzinfo=LONDON),
            sequence=0,
            status="CONFIRMED",
        )

    def check_summer(event: Event) -> None:
        # Moved, then cancelled: two changes a calendar must pick up; two hours by default.
        assert_event(
            event,
            meeting=summer,
            starts=dt.datetime(2027, 6, 10, 18, 30, tzinfo=LONDON),
            ends=dt.datetime(2027, 6, 10, 20, 30, tzinfo=LONDON),
            sequence=2,
            status="CANCELLED",
        )

    for single in (download, from_api):
        found = events(single(officer_client, winter))
        assert list(found) == [winter_uid]
        check_winter(found[winter_uid])
        found = events(single(officer_client, summer))
        assert list(found) == [summer_uid]
        check_summer(found[summer_uid])
    for secret in (group_feed.secret, member_feed.secret):
        found = events(subscribed(secret))
        assert sorted(found) == sorted([winter_uid, summer_uid])
        check_winter(found[winter_uid])
        check_summer(found[summer_uid])


def test_a_meetings_uid_is_random_and_stays_the_same_when_it_moves(
    factory: Factory, officer_client: Client, officer: User
) -> None:
    meeting = factory.meeting(date=dt.date(2026, 12, 3), starts_at=dt.time(18, 30))
    before = events(download(officer_client, meeting))
    reschedule_meeting(
        meeting=meeting,
        date=dt.date(2026, 12, 10),
        starts_at=meeting.starts_at,
        ends_at=None,
        place="Town Hall",
        online_link="",
        actor=officer,
        today=TODAY,
    )
    after = events(download(officer_client, meeting))
    assert list(before) == list(after) == [f"{meeting.uid}@panelkeeper"]
    # Not derived from the row's number, which another installation also has.
    assert f"meeting-{meeting.pk}@" not in next(iter(after))
    other = factory.meeting(date=dt.date(2026, 12, 17), starts_at=dt.time(18, 30))
    assert other.uid != meeting.uid
