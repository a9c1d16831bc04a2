"""The meetings pages: saving through forms, refusals shown, and bounded queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.models import Attendance, Meeting, MissedMeetings
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group, PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages read today from the clock; pin it to the suite's Monday 23 November 2026."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def test_an_officer_schedules_a_meeting_and_lands_on_its_page(
    factory: Factory, officer_client: Client, panel: Group
) -> None:
    url = reverse("meetings:schedule", kwargs={"org": "home", "group": panel.pk})
    response = officer_client.post(
        url,
        {
            "date_day": "3",
            "date_month": "12",
            "date_year": "2026",
            "starts_at": "18:30",
            "place": "Hope Street",
            "chair_basis": "standing",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "meetings:detail", kwargs={"org": "home", "pk": meeting.pk}
    )
    assert AuditEntry.objects.filter(action="meeting.scheduled").exists()


def test_a_past_date_for_a_scheduled_meeting_is_shown_as_an_error(
    officer_client: Client, panel: Group
) -> None:
    url = reverse("meetings:schedule", kwargs={"org": "home", "group": panel.pk})
    response = officer_client.post(
        url,
        {
            "date_day": "20",
            "date_month": "11",
            "date_year": "2026",
            "starts_at": "18:30",
            "place": "Hope Street",
            "chair_basis": "standing",
        },
    )
    assert response.status_code == 200
    assert "20 November 2026 has passed" in response.content.decode()
    assert not Meeting.objects.exists()


def test_attendance_for_everyone_saves_all_or_nothing_mtg_1(
    factory: Factory, officer_client: Client, nexus: PolicyVersion
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    ann = factory.panel_member(full_name="Ann")
    bob = factory.panel_member(full_name="Bob")
    url = reverse("meetings:attendance", kwargs={"org": "home", "pk": meeting.pk})
    bad = {
        f"presence_{ann.pk}": "present",
        f"presence_{bob.pk}": "apologies",  # no date given
    }
    response = officer_client.post(url, bad)
    assert response.status_code == 200
    assert "Enter the date the apologies were given" in response.content.decode()
    assert not Attendance.objects.exists()
    good = {
        **bad,
        f"given_{bob.pk}_day": "10",
        f"given_{bob.pk}_month": "11",
        f"given_{bob.pk}_year": "2026",
    }
    assert officer_client.post(url, good).status_code == 302
    assert {a.member_id: a.presence for a in Attendance.objects.all()} == {
        ann.pk: "present",
        bob.pk: "apologies",
    }


def test_the_third_absence_shows_on_the_next_meetings_page_mtg_2(
    factory: Factory, officer_client: Client, officer: User, nexus: PolicyVersion
) -> None:
    member = factory.panel_member(full_name="Mo Missing")
    upcoming = factory.meeting(date=D(2026, 12, 10))
    for month in (9, 10, 11):
        meeting = factory.meeting(date=D(2026, month, 12))
        record_attendance(
            meeting=meeting, member=member, presence="absent", actor=officer, today=TODAY
        )
    page = officer_client.get(reverse("meetings:detail", kwargs={"org": "home", "pk": upcoming.pk}))
    assert "Mo Missing has missed 3 meetings in a row" in page.content.decode()
    decision = MissedMeetings.objects.get()
    url = reverse("meetings:decide_missed", kwargs={"org": "home", "pk": decision.pk})
    response = officer_client.post(
        url,
        {
            "outcome": "accept",
            "reason": "Caring for a parent",
            "decided_on_day": "23",
            "decided_on_month": "11",
            "decided_on_year": "2026",
        },
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.status == "accepted"


def test_a_member_sends_apologies_from_the_portal_and_sees_their_record_mtg_1(
    factory: Factory, nexus: PolicyVersion
) -> None:
    member = factory.member_record
    meeting = factory.meeting(date=D(2026, 12, 3))
    client = Client()
    client.force_login(factory.member())
    url = reverse("meetings:apologies", kwargs={"member": member.pk, "pk": meeting.pk})
    response = client.post(url, {"reason": "Away with family", "arrives_at": ""})
    assert response.status_code == 302
    entry = Attendance.objects.get()
    assert (entry.member, entry.apologies_given_on, entry.late) == (member, TODAY, False)
    portal = client.get(reverse("meetings:portal", kwargs={"member": member.pk}))
    assert "Your attendance over the last year" in portal.content.decode()


def test_overdue_actions_are_flagged_for_the_owner_and_the_officer_mtg_6(
    factory: Factory, officer_client: Client, officer: User
) -> None:
    from panelkeeper.meetings.actions import allocate_action

    meeting = factory.meeting(date=D(2026, 11, 2))
    member = factory.member_record
    allocate_action(
        meeting=meeting,
        description="Read the repairs survey",
        due_on=D(2026, 11, 20),
        owner_member=member,
        actor=officer,
    )
    officer_page = officer_client.get(reverse("meetings:actions", kwargs={"org": "home"}))
    assert "Overdue" in officer_page.content.decode()
    client = Client()
    client.force_login(factory.member())
    portal = client.get(reverse("meetings:portal", kwargs={"member": member.pk}))
    assert "Read the repairs survey" in portal.content.decode()
    assert "Overdue" in portal.content.decode()


# -- bounded queries -------------------------------------------------------------------


def _fill(factory: Factory, officer: User, count: int) -> tuple[Group, list[Member]]:
    panel = factory.panel()
    members = [factory.panel_member(full_name=f"Member {n}") for n in range(4)]
    for n in range(count):
        meeting = factory.meeting(date=D(2026, 11, 20) - dt.timedelta(days=7 * n))
        for i, member in enumerate(members):
            presence = ("present", "absent")[(n + i) % 2]
            record_attendance(
                meeting=meeting, member=member, presence=presence, actor=officer, today=TODAY
            )
    return panel, members


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


PAGES: dict[str, Callable[[Group, Member, Meeting], str]] = {
    "list": lambda g, m, x: reverse("meetings:list", kwargs={"org": "home"}),
    "detail": lambda g, m, x: reverse("meetings:detail", kwargs={"org": "home", "pk": x.pk}),
    "group attendance": lambda g, m, x: reverse(
        "meetings:group_attendance", kwargs={"org": "home", "group": g.pk}
    ),
    "member attendance": lambda g, m, x: reverse(
        "meetings:member_attendance", kwargs={"org": "home", "member": m.pk}
    ),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_meeting_and_attendance_pages_run_as_many_queries_at_3_and_30_meetings(
    page: str, officer: User, officer_client: Client
) -> None:
    counts = []
    for size in (3, 30):
        factory = Factory()
        factory._home = officer.grants.get().organisation  # the officer's own organisation
        group, members = _fill(factory, officer, size)
        latest = Meeting.objects.filter(group=group).order_by("-date").first()
        assert latest is not None
        counts.append(_queries(officer_client, PAGES[page](group, members[0], latest)))
        group.name = f"{group.name} ({size})"  # the next size makes a new panel
        group.save()
    assert counts[0] == counts[1]


def test_where_the_code_asks_for_reasons_the_attendance_page_takes_one_mtg_1(
    factory: Factory, officer_client: Client, insight: PolicyVersion
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 19))  # a Thursday: due by Tuesday 17th
    ann = factory.panel_member(full_name="Ann")
    url = reverse("meetings:attendance", kwargs={"org": "home", "pk": meeting.pk})
    given = {
        f"presence_{ann.pk}": "apologies",
        f"given_{ann.pk}_day": "18",
        f"given_{ann.pk}_month": "11",
        f"given_{ann.pk}_year": "2026",
    }
    response = officer_client.post(url, given)
    assert response.status_code == 200
    assert f'id="id_reason_{ann.pk}_error"' in response.content.decode()
    assert not Attendance.objects.exists()
    assert officer_client.post(url, {**given, f"reason_{ann.pk}": "Unwell"}).status_code == 302
    entry = Attendance.objects.get()
    assert (entry.reason, entry.late) == ("Unwell", True)
