"""The meetings lists, paged and filtered in pages and API: bounded queries, order, filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.meetings.actions import allocate_action, complete_action
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.models import Meeting
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date
API = "/api/v1/meetings/home"


pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def member_client(factory: Factory) -> Client:
    client = Client()
    client.force_login(factory.member())
    return client


# -- bounded queries: the same count at 3 rows and at 30 -------------------------------


@dataclass(frozen=True)
class Rows:
    """What one list shows: ``add(factory, officer, first, count)`` adds ``count`` rows
    numbered from ``first``; ``url(factory)`` is the list; ``as_member`` asks as the member."""

    add: Callable[[Factory, User, int, int], object]
    url: Callable[[Factory], str]
    as_member: bool = False


def held_meeting(factory: Factory) -> Meeting:
    """The meeting of 12 November 2026 whose attendance is listed, made once."""
    found = Meeting.objects.filter(date=D(2026, 11, 12)).first()
    return found or factory.meeting(date=D(2026, 11, 12))


def meetings(factory: Factory, officer: User, first: int, count: int) -> None:
    """Meetings either side of today, a week apart."""
    for n in range(first, first + count):
        days = 7 * (n // 2 + 1) * (1 if n % 2 else -1)
        factory.meeting(date=TODAY + dt.timedelta(days=days), actor=officer)


def actions(factory: Factory, officer: User, first: int, count: int) -> None:
    """Actions owned by members of the panel, every other one done."""
    meeting = held_meeting(factory)
    for n in range(first, first + count):
        action = allocate_action(
            meeting=meeting,
            description=f"Action {n}",
            due_on=D(2026, 11, 13) + dt.timedelta(days=n),
            owner_member=factory.panel_member(),
            actor=officer,
        )
        if n % 2:
            complete_action(action=action, done_on=TODAY, actor=officer, today=TODAY)


def missed(factory: Factory, officer: User, first: int, count: int) -> None:
    for _ in range(count):
        factory.missed_meetings(factory.panel_member())


def members(factory: Factory, officer: User, first: int, count: int) -> None:
    """Members expected at the held meeting, every other one recorded present."""
    meeting = held_meeting(factory)
    for n in range(first, first + count):
        member = factory.panel_member(full_name=f"Member {n:03}")
        if n % 2:
            record_attendance(
                meeting=meeting, member=member, presence="present", actor=officer, today=TODAY
            )


def seats(factory: Factory, officer: User, first: int, count: int) -> None:
    """Past meetings of the member's group, attended or not."""
    member = factory.member_record
    for n in range(first, first + count):
        meeting = factory.meeting(date=TODAY - dt.timedelta(days=7 * (n + 1)), actor=officer)
        presence = ("present", "absent")[n % 2]
        record_attendance(
            meeting=meeting, member=member, presence=presence, actor=officer, today=TODAY
        )


def to_come(factory: Factory, officer: User, first: int, count: int) -> None:
    """Meetings to come of the member's group, the member's apologies sent for some."""
    from panelkeeper.meetings.attendance import send_apologies

    member = factory.member_record
    for n in range(first, first + count):
        meeting = factory.meeting(date=TODAY + dt.timedelta(days=7 * (n + 1)), actor=officer)
        if n % 2:
            send_apologies(meeting=meeting, member=member, actor=officer, today=TODAY)


def _attendance_url(factory: Factory) -> str:
    return reverse("meetings:attendance", kwargs={"org": "home", "pk": held_meeting(factory).pk})


def _group_url(factory: Factory) -> str:
    return reverse("meetings:group_attendance", kwargs={"org": "home", "group": factory.panel().pk})


def _member_url(factory: Factory) -> str:
    member = factory.member_record
    return reverse("meetings:member_attendance", kwargs={"org": "home", "member": member.pk})


def _portal_url(factory: Factory) -> str:
    return reverse("meetings:portal", kwargs={"member": factory.member_record.pk})


LISTS: dict[str, Rows] = {
    "meetings page": Rows(meetings, lambda f: reverse("meetings:list", kwargs={"org": "home"})),
    "meetings page, past only": Rows(
        meetings, lambda f: reverse("meetings:list", kwargs={"org": "home"}) + "?when=past"
    ),
    "meetings API": Rows(meetings, lambda f: f"{API}/meetings"),
    "actions page": Rows(actions, lambda f: reverse("meetings:actions", kwargs={"org": "home"})),
    "actions page, done": Rows(
        actions, lambda f: reverse("meetings:actions", kwargs={"org": "home"}) + "?state=done"
    ),
    "actions API": Rows(actions, lambda f: f"{API}/actions"),
    "missed meetings API": Rows(missed, lambda f: f"{API}/missed-meetings"),
    "attendance page": Rows(members, _attendance_url),
    "attendance page, not yet recorded": Rows(
        members, lambda f: _attendance_url(f) + "?shown=not_recorded&name=Member"
    ),
    "attendance API": Rows(
        members, lambda f: f"{API}/meetings/{held_meeting(f).pk}/attendance?name=Member"
    ),
    "group attendance page": Rows(members, _group_url),
    "group attendance API": Rows(
        members, lambda f: f"{API}/groups/{f.panel().pk}/attendance?page=2"
    ),
    "member attendance page": Rows(seats, _member_url),
    "member attendance API": Rows(
        seats, lambda f: f"{API}/members/{f.member_record.pk}/attendance"
    ),
    "a meeting's page": Rows(
        members,
        lambda f: reverse("meetings:detail", kwargs={"org": "home", "pk": held_meeting(f).pk}),
    ),
    "the member's meetings": Rows(to_come, _portal_url, as_member=True),
    "the member's meetings API": Rows(
        to_come,
        lambda f: f"/api/v1/meetings/portal/{f.member_record.pk}/meetings",
        as_member=True,
    ),
}


@pytest.mark.parametrize("name", list(LISTS))
def test_each_list_runs_as_many_queries_at_3_and_at_30_rows(
    name: str, factory: Factory, officer: User, officer_client: Client, member_client: Client
) -> None:
    rows = LISTS[name]
    client = member_client if rows.as_member else officer_client
    counts = []
    for first, count in ((0, 3), (3, 27)):
        rows.add(factory, officer, first, count)
        url = rows.url(factory)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, response.content[:500]
        counts.append(len(captured))
    assert counts[0] == counts[1], f"{name}: {counts}"


# -- the meetings list ------------------------------------------------------------------


def _listed(page: str) -> list[str]:
    """The meetings' dates, in the order the list page shows them."""
    import re

    return re.findall(r'">(\d+ \w+ \d{4}), 18:30</a>', page)


def test_meetings_come_upcoming_soonest_first_then_past_most_recent_first(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    for day in (D(2026, 11, 2), D(2026, 12, 7), D(2026, 11, 16), D(2026, 11, 30)):
        factory.meeting(date=day, actor=officer)
    page = officer_client.get(reverse("meetings:list", kwargs={"org": "home"})).content.decode()
    assert _listed(page) == [
        "30 November 2026",
        "7 December 2026",
        "16 November 2026",
        "2 November 2026",
    ]
    body = officer_client.get(f"{API}/meetings").json()
    assert [m["date"] for m in body["meetings"]] == [
        "2026-11-30",
        "2026-12-07",
        "2026-11-16",
        "2026-11-02",
    ]


def test_a_page_of_meetings_may_hold_the_last_to_come_and_the_first_past(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    meetings(factory, officer, 0, 60)  # 30 to come, 30 past
    first = officer_client.get(f"{API}/meetings").json()
    second = officer_client.get(f"{API}/meetings?page=2").json()
    assert (first["count"], first["pages"], len(first["meetings"])) == (60, 2, 50)
    dates = [m["date"] for m in first["meetings"] + second["meetings"]]
    assert len(set(dates)) == 60
    upcoming, past = dates[:30], dates[30:]
    assert upcoming == sorted(upcoming) and min(upcoming) >= TODAY.isoformat()
    assert past == sorted(past, reverse=True) and max(past) < TODAY.isoformat()


def test_meetings_are_filtered_by_group_when_and_dates(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    other = factory.group(name="Tenants Forum")
    factory.meeting(date=D(2026, 11, 2), actor=officer)
    factory.meeting(date=D(2026, 12, 7), actor=officer)
    factory.meeting(group=other, date=D(2026, 11, 9), actor=officer)
    url = reverse("meetings:list", kwargs={"org": "home"})
    assert _listed(officer_client.get(url, {"group": other.pk}).content.decode()) == [
        "9 November 2026"
    ]
    assert _listed(officer_client.get(url, {"when": "upcoming"}).content.decode()) == [
        "7 December 2026"
    ]
    dates = {"start_day": "1", "start_month": "11", "start_year": "2026"}
    dates |= {"end_day": "5", "end_month": "11", "end_year": "2026"}
    assert _listed(officer_client.get(url, dates).content.decode()) == ["2 November 2026"]
    none = officer_client.get(url, {**dates, "when": "upcoming"}).content.decode()
    assert "No meetings match." in none
    api = officer_client.get(f"{API}/meetings", {"group_id": other.pk, "when": "past"}).json()
    assert [m["date"] for m in api["meetings"]] == ["2026-11-09"]
    api = officer_client.get(f"{API}/meetings", {"start": "2026-11-01", "end": "2026-11-05"})
    assert [m["date"] for m in api.json()["meetings"]] == ["2026-11-02"]


def test_a_bad_filter_says_what_to_do_and_shows_every_meeting(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    factory.meeting(date=D(2026, 11, 2), actor=officer)
    elsewhere = factory.group(factory.organisation(), name="Elsewhere Panel")
    url = reverse("meetings:list", kwargs={"org": "home"})
    backwards = {"start_day": "5", "start_month": "11", "start_year": "2026"}
    backwards |= {"end_day": "1", "end_month": "11", "end_year": "2026"}
    page = officer_client.get(url, {**backwards, "when": "someday"}).content.decode()
    assert "There is a problem" in page
    assert "The end date must be the same as or after the start date" in page
    assert "Select a valid choice" in page
    assert _listed(page) == ["2 November 2026"]
    page = officer_client.get(url, {"group": elsewhere.pk}).content.decode()
    assert "Select a valid choice" in page and _listed(page) == ["2 November 2026"]
    refused = officer_client.get(f"{API}/meetings", {"group_id": elsewhere.pk})
    assert refused.status_code == 422 and refused.json()["field"] == "group_id"
    refused = officer_client.get(f"{API}/meetings", {"start": "2026-11-05", "end": "2026-11-01"})
    assert refused.status_code == 422 and refused.json()["field"] == "end"
    assert officer_client.get(f"{API}/meetings", {"when": "someday"}).status_code == 422
    assert officer_client.get(f"{API}/meetings", {"page": "x"}).status_code == 422
    assert officer_client.get(url, {"page": "x"}).status_code == 200


# -- actions and missed meetings --------------------------------------------------------


def test_actions_are_listed_open_by_due_date_or_done_by_group(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    actions(factory, officer, 0, 4)  # 0 and 2 open, 1 and 3 done
    url = reverse("meetings:actions", kwargs={"org": "home"})
    page = officer_client.get(url).content.decode()
    assert page.index("Action 0") < page.index("Action 2") and "Action 1" not in page
    done = officer_client.get(url, {"state": "done"}).content.decode()
    assert "Action 3" in done and "Action 1" in done and "Action 0" not in done
    other = factory.group(name="Tenants Forum")
    assert "No actions match." in officer_client.get(url, {"group": other.pk}).content.decode()
    body = officer_client.get(f"{API}/actions", {"state": "done"}).json()
    assert [a["description"] for a in body["actions"]] == ["Action 3", "Action 1"]
    assert officer_client.get(f"{API}/actions", {"group_id": other.pk}).json()["count"] == 0
    assert officer_client.get(f"{API}/actions", {"state": "late"}).status_code == 422
    assert "Select a valid choice" in officer_client.get(url, {"state": "x"}).content.decode()


def test_missed_meetings_decisions_are_paged_and_filtered_by_status(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    missed(factory, officer, 0, 2)
    body = officer_client.get(f"{API}/missed-meetings", {"status": "open"}).json()
    assert (body["count"], len(body["decisions"])) == (2, 2)
    assert officer_client.get(f"{API}/missed-meetings?status=ended").json()["count"] == 0
    assert officer_client.get(f"{API}/missed-meetings?status=maybe").status_code == 422
