"""Recording many members' attendance at once (MTG-1): a fixed number of queries whatever
the group's size, one audit entry for each member as when recorded one by one, and each
member's run of missed meetings (MTG-2) read once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.chain import verify_chain
from panelkeeper.audit.models import AuditEntry
from panelkeeper.meetings.attendance import Entry, RefusedFor, record_attendances
from panelkeeper.meetings.models import Attendance, Meeting, MissedMeetings
from panelkeeper.members.models import Member
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date
API = "/api/v1/meetings/home"
PAST = (D(2026, 9, 10), D(2026, 10, 8))

pytestmark = pytest.mark.usefixtures("pinned_today", "nexus")


def _absent_twice(factory: Factory, officer: User, members: list[Member]) -> None:
    """Each of ``members`` missed the two meetings before, so a third opens a decision."""
    for day in PAST:
        meeting = factory.meeting(group=members[0].group, date=day)
        record_attendances(
            meeting=meeting,
            entries=[Entry(m, "absent") for m in members],
            actor=officer,
            today=TODAY,
        )


def _the_rest_page(client: Client, meeting: Meeting) -> None:
    url = reverse("meetings:record_rest", kwargs={"org": "home", "pk": meeting.pk})
    assert client.post(url, {"presence": "absent"}).status_code == 302


def _the_rest_api(client: Client, meeting: Meeting) -> None:
    url = f"{API}/meetings/{meeting.pk}/not-yet-recorded"
    answer = client.post(url, {"presence": "absent"}, content_type="application/json")
    assert answer.status_code == 200, answer.content


def _a_page_of_the_form(client: Client, meeting: Meeting) -> None:
    members = Member.objects.filter(group=meeting.group)
    url = reverse("meetings:attendance", kwargs={"org": "home", "pk": meeting.pk})
    answer = client.post(url, {f"presence_{m.pk}": "absent" for m in members})
    assert answer.status_code == 302, answer.content[:2000]


WAYS: dict[str, Callable[[Client, Meeting], None]] = {
    "not yet recorded, page": _the_rest_page,
    "not yet recorded, API": _the_rest_api,
    "a page of the attendance form": _a_page_of_the_form,
}


@pytest.mark.parametrize("way", list(WAYS))
def test_recording_3_or_30_members_absent_runs_as_many_queries_and_opens_each_decision_mtg_2(
    way: str, factory: Factory, officer: User, officer_client: Client
) -> None:
    counts = []
    for size in (3, 30):
        group = factory.panel() if size == 3 else factory.group(factory.home, name="Large panel")
        members = [factory.panel_member(group=group) for _ in range(size)]
        _absent_twice(factory, officer, members)
        meeting = factory.meeting(group=group, date=D(2026, 11, 12))
        last_before = AuditEntry.objects.order_by("-id").values_list("id", flat=True)[0]
        with CaptureQueriesContext(connection) as captured:
            WAYS[way](officer_client, meeting)
        counts.append(len(captured))
        assert Attendance.objects.filter(meeting=meeting, presence="absent").count() == size
        opened = MissedMeetings.objects.filter(member__in=members, status="open")
        assert sorted(opened.values_list("member_id", flat=True)) == [m.pk for m in members]
        logged = list(AuditEntry.objects.filter(pk__gt=last_before).order_by("id"))
        actions = [e.action for e in logged]
        assert actions.count("attendance.recorded") == size
        assert actions.count("missed_meetings.opened") == size
        recorded = {e.object_id for e in logged if e.action == "attendance.recorded"}
        assert recorded == {
            str(pk)
            for pk in Attendance.objects.filter(meeting=meeting).values_list("pk", flat=True)
        }
    assert counts[0] == counts[1], counts
    assert verify_chain(factory.home.pk).intact


def test_correcting_many_at_once_logs_each_as_corrected_and_keeps_one_entry_each(
    factory: Factory, officer: User
) -> None:
    members = [factory.panel_member() for _ in range(4)]
    meeting = factory.meeting(date=D(2026, 11, 12))
    record_attendances(
        meeting=meeting,
        entries=[Entry(m, "present") for m in members[:2]],
        actor=officer,
        today=TODAY,
    )

    record_attendances(
        meeting=meeting,
        entries=[Entry(m, "apologies", D(2026, 11, 2), "Away") for m in members],
        actor=officer,
        today=TODAY,
    )

    entries = Attendance.objects.filter(meeting=meeting).order_by("member_id")
    assert [(e.presence, e.reason) for e in entries] == [("apologies", "Away")] * 4
    actions = list(
        AuditEntry.objects.filter(object_type="meetings.Attendance")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert (
        actions
        == ["attendance.recorded"] * 2 + ["attendance.corrected"] * 2 + ["attendance.recorded"] * 2
    )


def test_a_refusal_for_one_member_names_them_and_saves_nobody(
    factory: Factory, officer: User
) -> None:
    members = [factory.panel_member() for _ in range(3)]
    meeting = factory.meeting(date=D(2026, 11, 12))
    late = Entry(members[1], "apologies", D(2026, 11, 13))

    with pytest.raises(RefusedFor) as refused:
        record_attendances(
            meeting=meeting,
            entries=[Entry(members[0], "present"), late, Entry(members[2], "present")],
            actor=officer,
            today=TODAY,
        )

    assert refused.value.member == members[1]
    assert refused.value.field == "apologies_given_on"
    assert not Attendance.objects.filter(meeting=meeting).exists()
    assert not AuditEntry.objects.filter(object_type="meetings.Attendance").exists()
