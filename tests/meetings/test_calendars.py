"""Calendars: a meeting as .ics, and private feeds that reveal nothing without their secret."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.meetings.calendars import calendar, create_feed, feed_for_secret, revoke_feed
from panelkeeper.meetings.models import CalendarFeed
from panelkeeper.organisations.models import Group
from tests.factory import Factory

D = dt.date


def unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def test_an_event_carries_the_time_place_link_and_a_link_back(factory: Factory) -> None:
    meeting = factory.meeting(
        date=D(2026, 12, 3),
        starts_at=dt.time(18, 30),
        place="Hope Street; Room 2",
        online_link="https://meet.example/panel",
    )
    text = calendar([meeting], lambda m: f"https://pk.example/m/{m.pk}/", name="Panel")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    flat = unfold(text)
    assert "DTSTART:20261203T183000Z" in flat  # GMT in December
    assert "LOCATION:Hope Street\\; Room 2 · https://meet.example/panel" in flat
    assert f"URL:https://pk.example/m/{meeting.pk}/" in flat
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_summer_meetings_are_written_in_utc(factory: Factory) -> None:
    meeting = factory.meeting(date=D(2027, 6, 3), starts_at=dt.time(18, 30))
    assert "DTSTART:20270603T173000Z" in calendar([meeting], lambda m: "u", name="x")


def test_a_feed_is_found_only_by_its_secret_which_is_stored_hashed(
    factory: Factory, panel: Group, officer: User
) -> None:
    made = create_feed(group=panel, actor=officer)
    assert feed_for_secret(made.secret) == made.feed
    assert made.secret not in made.feed.secret_hash
    assert feed_for_secret(made.secret + "x") is None
    assert feed_for_secret("") is None
    revoke_feed(feed=made.feed, actor=officer)
    assert feed_for_secret(made.secret) is None


def test_the_feed_url_serves_the_groups_meetings_and_nothing_without_the_secret(
    factory: Factory, panel: Group, officer: User
) -> None:
    meeting = factory.meeting(place="Town Hall")
    made = create_feed(group=panel, actor=officer)
    client = Client()
    response = client.get(reverse("meetings:feed", kwargs={"secret": made.secret}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = unfold(response.content.decode())
    assert "LOCATION:Town Hall" in body
    assert reverse("meetings:detail", kwargs={"org": "home", "pk": meeting.pk}) in body
    for wrong in ("cal_guess", "nothing", made.secret[:-1]):
        missing = client.get(reverse("meetings:feed", kwargs={"secret": wrong}))
        assert missing.status_code == 404
        assert b"Town Hall" not in missing.content


def test_a_members_feed_links_to_their_portal_page(factory: Factory, officer: User) -> None:
    member = factory.member_record
    meeting = factory.meeting()
    made = create_feed(member=member, actor=officer)
    body = unfold(
        Client().get(reverse("meetings:feed", kwargs={"secret": made.secret})).content.decode()
    )
    assert (
        reverse("meetings:portal_meeting", kwargs={"member": member.pk, "pk": meeting.pk}) in body
    )
    assert CalendarFeed.objects.get().member == member


def test_a_member_turns_off_their_own_feed_and_it_answers_404_after(factory: Factory) -> None:
    member = factory.member_record
    factory.meeting()
    client = Client()
    client.force_login(factory.member())
    made = client.post(reverse("meetings:portal_feed", kwargs={"member": member.pk}))
    url = next(line for line in made.content.decode().split() if "/calendars/cal_" in line)
    secret = url.split("/calendars/")[1].split(".ics")[0]
    feed_url = reverse("meetings:feed", kwargs={"secret": secret})
    assert Client().get(feed_url).status_code == 200
    feed = CalendarFeed.objects.get(member=member)
    off = reverse("meetings:portal_feed_off", kwargs={"member": member.pk, "pk": feed.pk})
    assert client.post(off).status_code == 302
    assert Client().get(feed_url).status_code == 404
