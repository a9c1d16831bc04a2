"""Recording a large group's attendance a page at a time (MTG-1): each page saved on its
own keeps what the others recorded; everyone not yet recorded marked at once."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.listing import Tally, members_listed, tally
from panelkeeper.meetings.models import Attendance, Meeting, MissedMeetings
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY
from tests.paging import assert_same_queries_at_3_and_30

D = dt.date
API = "/api/v1/meetings/home"


pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def meeting(factory: Factory) -> Meeting:
    return factory.meeting(date=D(2026, 11, 12))


@pytest.fixture
def crowd(factory: Factory) -> list[Member]:
    """A group of 120 members, listed by name: Member 000 to Member 119."""
    return [factory.panel_member(full_name=f"Member {n:03}") for n in range(120)]


def url_of(meeting: Meeting, **query: str) -> str:
    url = reverse("meetings:attendance", kwargs={"org": "home", "pk": meeting.pk})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def listed(page: str) -> list[int]:
    """The members whose attendance the page offers to record, by id, in order."""
    return [int(pk) for pk in dict.fromkeys(re.findall(r'name="presence_(\d+)"', page))]


def presences(meeting: Meeting) -> dict[int, str]:
    return dict(Attendance.objects.filter(meeting=meeting).values_list("member_id", "presence"))


def test_a_large_group_is_listed_fifty_at_a_time_by_name(
    meeting: Meeting, crowd: list[Member], officer_client: Client
) -> None:
    first = officer_client.get(url_of(meeting)).content.decode()
    assert listed(first) == [m.pk for m in crowd[:50]]
    assert "120 members expected: 0 present" in first and "120 not yet recorded" in first
    last = officer_client.get(url_of(meeting, page="3")).content.decode()
    assert listed(last) == [m.pk for m in crowd[100:]]
    found = officer_client.get(url_of(meeting, name="member+10")).content.decode()
    assert listed(found) == [m.pk for m in crowd[100:110]]
    assert "120 members expected: 0 present" in found  # the whole group, not those listed
    assert "No members match." in officer_client.get(url_of(meeting, name="Zed")).content.decode()
    detail = reverse("meetings:detail", kwargs={"org": "home", "pk": meeting.pk})
    shown = officer_client.get(detail, {"page": "3"}).content.decode()
    assert "Member 100" in shown and "Member 099" not in shown and "page 3 of 3" in shown


def test_the_page_runs_the_same_queries_for_3_members_as_for_30(
    factory: Factory, meeting: Meeting, officer_client: Client, officer: User
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            member = factory.panel_member()
            record_attendance(
                meeting=meeting, member=member, presence="present", actor=officer, today=TODAY
            )

    assert_same_queries_at_3_and_30(officer_client, url_of(meeting), add)


def test_the_tally_counts_only_the_members_expected_in_one_query_mtg_1(
    factory: Factory, meeting: Meeting, officer: User
) -> None:
    here = [factory.panel_member() for _ in range(4)]
    gone = factory.panel_member()
    for member, presence in zip(
        [*here[:3], gone], ["present", "apologies", "absent", "present"], strict=True
    ):
        given = D(2026, 11, 1) if presence == "apologies" else None
        record_attendance(
            meeting=meeting,
            member=member,
            presence=presence,
            apologies_given_on=given,
            actor=officer,
            today=TODAY,
        )
    Member.objects.filter(pk=gone.pk).update(ended_on=D(2026, 11, 1))  # left before it
    expected = members_listed(meeting).count()
    with CaptureQueriesContext(connection) as counted:
        numbers = tally(meeting)
    assert len(counted) == 1
    assert numbers == Tally(expected=expected, present=1, apologies=1, absent=1)
    assert numbers.not_recorded == expected - 3 and gone not in members_listed(meeting)


def test_each_page_saved_keeps_what_the_other_pages_recorded_mtg_1(
    meeting: Meeting, crowd: list[Member], officer_client: Client
) -> None:
    page_one = {f"presence_{m.pk}": "present" for m in crowd[:50]}
    response = officer_client.post(url_of(meeting), page_one)
    assert response.status_code == 302 and response["Location"] == url_of(meeting)
    page_two = {f"presence_{m.pk}": "absent" for m in crowd[50:100]}
    assert officer_client.post(url_of(meeting, page="2"), page_two).status_code == 302
    expected = {m.pk: "present" for m in crowd[:50]} | {m.pk: "absent" for m in crowd[50:100]}
    assert presences(meeting) == expected
    # Page one again, as it was shown: its choices are filled in from what was recorded.
    again = officer_client.get(url_of(meeting)).content.decode()
    assert again.count('value="present" checked') == 50
    # Correcting one member on page one changes that member only.
    changed = officer_client.post(url_of(meeting), {f"presence_{crowd[0].pk}": "absent"})
    assert changed.status_code == 302
    assert presences(meeting) == expected | {crowd[0].pk: "absent"}


def test_a_member_chosen_but_gone_from_the_page_meanwhile_is_still_saved(
    meeting: Meeting, crowd: list[Member], officer_client: Client, officer: User
) -> None:
    """The list of those not yet recorded moves as others are recorded: what was chosen
    on the page as it was shown is saved, whichever page the member is now on."""
    shown = listed(officer_client.get(url_of(meeting, shown="not_recorded")).content.decode())
    for member in crowd[:10]:  # another officer records the first ten meanwhile
        record_attendance(
            meeting=meeting,
            member=member,
            presence="present",
            actor=officer,
            today=TODAY,
        )
    chosen = {f"presence_{pk}": "absent" for pk in shown[10:]}
    response = officer_client.post(url_of(meeting, shown="not_recorded"), chosen)
    assert response.status_code == 302
    assert len(presences(meeting)) == 50
    assert all(presences(meeting)[pk] == "absent" for pk in shown[10:])
    # The next page of those not yet recorded is what remains.
    rest = officer_client.get(url_of(meeting, shown="not_recorded")).content.decode()
    assert listed(rest) == [m.pk for m in crowd[50:100]]


def test_a_refusal_on_a_page_saves_nothing_of_it(
    meeting: Meeting, crowd: list[Member], officer_client: Client
) -> None:
    chosen = {f"presence_{m.pk}": "present" for m in crowd[50:100]}
    chosen[f"presence_{crowd[60].pk}"] = "apologies"  # without the date they were given
    response = officer_client.post(url_of(meeting, page="2"), chosen)
    assert response.status_code == 200
    assert "Enter the date the apologies were given" in response.content.decode()
    assert listed(response.content.decode()) == [m.pk for m in crowd[50:100]]
    assert presences(meeting) == {}
    nothing = officer_client.post(url_of(meeting, page="2"), {})
    assert "for at least one member on this page" in nothing.content.decode()


def test_everyone_not_yet_recorded_is_marked_present_at_once_mtg_1(
    factory: Factory, meeting: Meeting, crowd: list[Member], officer_client: Client, officer: User
) -> None:
    record_attendance(
        meeting=meeting,
        member=crowd[3],
        presence="apologies",
        apologies_given_on=D(2026, 11, 10),
        actor=officer,
        today=TODAY,
    )
    url = reverse("meetings:record_rest", kwargs={"org": "home", "pk": meeting.pk})
    empty = officer_client.post(url, {})
    assert "Select present or absent without apologies" in empty.content.decode()
    assert officer_client.post(url, {"presence": "apologies"}).status_code == 200
    assert len(presences(meeting)) == 1
    response = officer_client.post(url, {"presence": "present"})
    assert response.status_code == 302
    assert presences(meeting) == {m.pk: "present" for m in crowd} | {crowd[3].pk: "apologies"}
    again = officer_client.post(url, {"presence": "absent"})
    assert "already recorded for every member expected" in again.content.decode()


def test_nobody_is_marked_present_or_absent_before_the_meeting(
    factory: Factory, crowd: list[Member], officer_client: Client
) -> None:
    coming = factory.meeting(date=D(2026, 12, 3))
    page = officer_client.get(url_of(coming)).content.decode()
    assert "Record everyone not yet recorded" not in page
    url = reverse("meetings:record_rest", kwargs={"org": "home", "pk": coming.pk})
    refused = officer_client.post(url, {"presence": "present"})
    assert "Record who attended on the day or after" in refused.content.decode()
    assert presences(coming) == {}


def test_the_page_of_a_meeting_to_come_reads_no_code_of_conduct(
    factory: Factory, crowd: list[Member], officer_client: Client, nexus: PolicyVersion
) -> None:
    """The code's rule on missed meetings is read only for the warning above the form
    that marks everyone not yet recorded, which a meeting to come does not show."""
    coming, held = factory.meeting(date=D(2026, 12, 3)), factory.meeting(date=D(2026, 11, 12))
    with CaptureQueriesContext(connection) as before:
        assert officer_client.get(url_of(coming)).status_code == 200
    with CaptureQueriesContext(connection) as after:
        page = officer_client.get(url_of(held)).content.decode()
    assert "The code of conduct counts meetings missed in a row." in page
    assert not [q for q in before.captured_queries if "policyversion" in q["sql"]]
    assert [q for q in after.captured_queries if "policyversion" in q["sql"]]


def absent_from(factory: Factory, officer: User, *days: dt.date) -> Member:
    """Mo Missing, absent without apologies from a meeting on each of ``days``."""
    mo = factory.panel_member(full_name="Mo Missing")
    for day in days:
        meeting = factory.meeting(date=day)
        record_attendance(meeting=meeting, member=mo, presence="absent", actor=officer, today=TODAY)
    return mo


def test_where_the_code_counts_missed_meetings_marking_absent_warns_and_counts_mtg_2(
    factory: Factory, officer_client: Client, officer: User, nexus: PolicyVersion
) -> None:
    mo = absent_from(factory, officer, D(2026, 9, 10), D(2026, 10, 8))
    latest = factory.meeting(date=D(2026, 11, 12))
    page = officer_client.get(url_of(latest)).content.decode()
    assert "The code of conduct counts meetings missed in a row." in page
    url = reverse("meetings:record_rest", kwargs={"org": "home", "pk": latest.pk})
    assert officer_client.post(url, {"presence": "absent"}).status_code == 302
    assert MissedMeetings.objects.get().member == mo


def test_the_api_lists_a_page_of_members_and_marks_the_rest_as_the_page_does(
    meeting: Meeting, crowd: list[Member], officer_client: Client, officer: User
) -> None:
    record_attendance(
        meeting=meeting, member=crowd[0], presence="absent", actor=officer, today=TODAY
    )
    url = f"{API}/meetings/{meeting.pk}/attendance"
    body = officer_client.get(url, {"page": 3}).json()
    assert (body["page"], body["pages"], body["count"], len(body["members"])) == (3, 3, 120, 20)
    assert (body["expected"], body["absent"], body["not_recorded"]) == (120, 1, 119)
    first = officer_client.get(url, {"name": "Member 000"}).json()["members"]
    assert first == [
        {
            "member_id": crowd[0].pk,
            "full_name": "Member 000",
            "attendance": {
                "member_id": crowd[0].pk,
                "presence": "absent",
                "apologies_given_on": None,
                "reason": "",
                "arrives_at": None,
                "late": False,
            },
        }
    ]
    waiting = officer_client.get(url, {"shown": "not_recorded"}).json()
    assert waiting["count"] == 119
    assert officer_client.get(url, {"shown": "everyone"}).status_code == 422
    assert officer_client.get(url, {"name": "x" * 101}).status_code == 422
    rest = f"{API}/meetings/{meeting.pk}/not-yet-recorded"
    refused = officer_client.post(rest, {"presence": "apologies"}, content_type="application/json")
    assert refused.status_code == 422 and refused.json()["field"] == "presence"
    done = officer_client.post(rest, {"presence": "present"}, content_type="application/json")
    assert (done.status_code, done.json()) == (200, {"recorded": 119})
    assert (
        officer_client.post(
            rest, {"presence": "present"}, content_type="application/json"
        ).status_code
        == 422
    )


def test_marking_everyone_present_ends_an_open_run_of_missed_meetings_mtg_2(
    factory: Factory, officer_client: Client, officer: User, nexus: PolicyVersion
) -> None:
    absent_from(factory, officer, D(2026, 9, 10), D(2026, 10, 8), D(2026, 10, 22))
    assert MissedMeetings.objects.get().status == "open"
    latest = factory.meeting(date=D(2026, 11, 12))
    url = reverse("meetings:record_rest", kwargs={"org": "home", "pk": latest.pk})
    assert officer_client.post(url, {"presence": "present"}).status_code == 302
    assert MissedMeetings.objects.get().status == "withdrawn"
