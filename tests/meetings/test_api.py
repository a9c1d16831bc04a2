"""The meetings API does what the pages do; refusals answer 422 and save nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from panelkeeper.accounts.models import User
from panelkeeper.meetings.models import Attendance, Meeting, MissedMeetings, VoteCast
from panelkeeper.organisations.models import Group, PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY

API = "/api/v1/meetings/home"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def call(client: Client, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
    response = client.generic(method, url, json.dumps(body or {}), content_type="application/json")
    return response.status_code, response.json() if response.content else None


def test_scheduling_in_the_past_answers_422_and_saves_nothing(
    officer_client: Client, panel: Group
) -> None:
    status, body = call(
        officer_client,
        "POST",
        f"{API}/groups/{panel.pk}/meetings",
        {"date": "2026-11-20", "starts_at": "18:30", "place": "Hope Street"},
    )
    assert status == 422 and body["field"] == "date"
    assert not Meeting.objects.exists()


def test_a_nexus_meeting_by_api_attendance_votes_and_the_missed_meetings_decision(
    factory: Factory, officer_client: Client, officer: User, nexus: PolicyVersion, panel: Group
) -> None:
    mo = factory.panel_member(full_name="Mo")
    ann = factory.panel_member(full_name="Ann")
    status, upcoming = call(
        officer_client,
        "POST",
        f"{API}/groups/{panel.pk}/meetings",
        {"date": "2026-12-10", "starts_at": "18:30", "online_link": "https://meet.example/p"},
    )
    assert status == 201
    for day in ("2026-09-10", "2026-10-08", "2026-11-12"):
        status, meeting = call(
            officer_client,
            "POST",
            f"{API}/groups/{panel.pk}/meetings",
            {"date": day, "starts_at": "18:30", "place": "Hall", "held": True},
        )
        assert status == 201
        status, _ = call(
            officer_client,
            "PUT",
            f"{API}/meetings/{meeting['id']}/attendance/{mo.pk}",
            {"presence": "absent"},
        )
        assert status == 200
        call(
            officer_client,
            "PUT",
            f"{API}/meetings/{meeting['id']}/attendance/{ann.pk}",
            {"presence": "present"},
        )
    status, detail = call(officer_client, "GET", f"{API}/meetings/{upcoming['id']}")
    assert [item["kind"] for item in detail["agenda"]] == ["missed_meetings"]
    decisions = f"{API}/meetings/{meeting['id']}/decisions"
    # Nexus decides by consensus (MTG-3): a vote is refused, and consensus is the default.
    status, refused = call(
        officer_client, "POST", decisions, {"motion": "Adopt the report", "method": "vote"}
    )
    assert status == 422 and refused["rule"] == "MTG-3" and refused["field"] == "method"
    status, decision = call(officer_client, "POST", decisions, {"motion": "Adopt the report"})
    assert status == 201 and decision["method"] == decision["outcome"] == "consensus"
    votes = f"{API}/decisions/{decision['id']}/votes"
    status, refused = call(officer_client, "POST", votes, {"member_id": ann.pk, "vote": "for"})
    assert status == 422 and "reached by consensus" in refused["detail"]
    assert not VoteCast.objects.exists()
    missed = MissedMeetings.objects.get()
    status, decided = call(
        officer_client,
        "POST",
        f"{API}/missed-meetings/{missed.pk}/decide",
        {"accept": False, "reason": "No contact", "decided_on": "2026-11-23"},
    )
    assert status == 200 and decided["status"] == "ended"
    status, report = call(officer_client, "GET", f"{API}/groups/{panel.pk}/attendance")
    mine = {m["full_name"]: m["summary"] for m in report["members"]}
    assert mine["Mo"]["expected"] == 3 and mine["Mo"]["absent"] == 3
    assert mine["Ann"]["in_words"] == "attended 3 of 3 meetings expected (100%)"


def test_attendance_for_a_member_of_another_group_answers_422(
    factory: Factory, officer_client: Client, panel: Group
) -> None:
    meeting = factory.meeting(date=dt.date(2026, 11, 12))
    stranger = factory.panel_member(group=factory.group(), full_name="Sam")
    status, body = call(
        officer_client,
        "PUT",
        f"{API}/meetings/{meeting.pk}/attendance/{stranger.pk}",
        {"presence": "present"},
    )
    assert status == 422 and "Sam is not a member" in body["detail"]
    assert not Attendance.objects.exists()


def test_a_member_sends_apologies_through_the_api(factory: Factory, nexus: PolicyVersion) -> None:
    member = factory.member_record
    meeting = factory.meeting()
    client = Client()
    client.force_login(factory.member())
    url = f"/api/v1/meetings/portal/{member.pk}/meetings/{meeting.pk}/apologies"
    status, body = call(client, "POST", url, {"reason": "Unwell"})
    assert status == 201 and body["presence"] == "apologies"
    status, listed = call(client, "GET", f"/api/v1/meetings/portal/{member.pk}/meetings")
    assert [m["id"] for m in listed["meetings"]] == [meeting.pk]
    assert (listed["page"], listed["pages"], listed["count"]) == (1, 1, 1)


def test_papers_are_attached_by_api_and_listed_with_the_meeting(
    factory: Factory, officer_client: Client
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    meeting = factory.meeting()
    url = f"{API}/meetings/{meeting.pk}/papers"
    file = SimpleUploadedFile("agenda.txt", b"1. Apologies")
    response = officer_client.post(url, {"title": "Agenda pack", "file": file})
    assert response.status_code == 201
    _, detail = call(officer_client, "GET", f"{API}/meetings/{meeting.pk}")
    assert [p["title"] for p in detail["papers"]] == ["Agenda pack"]
    assert officer_client.post(url, {"title": "No file"}).status_code == 422


def test_a_members_attendance_by_api_lists_each_meeting_with_its_standing(
    factory: Factory, officer_client: Client, officer: User, nexus: PolicyVersion
) -> None:
    from panelkeeper.meetings.attendance import record_attendance
    from panelkeeper.meetings.schedule import cancel_meeting

    member = factory.panel_member(full_name="Pat")
    held = factory.meeting(date=dt.date(2026, 11, 12))
    cancelled = factory.meeting(date=dt.date(2026, 11, 30))
    cancel_meeting(meeting=cancelled, reason="Snow", actor=officer, today=TODAY)
    record_attendance(meeting=held, member=member, presence="present", actor=officer, today=TODAY)
    status, record = call(
        officer_client, "GET", f"{API}/members/{member.pk}/attendance?end=2026-12-31"
    )
    assert status == 200
    assert [(s["date"], s["standing"], s["presence"]) for s in record["seats"]] == [
        ("2026-11-12", "expected", "present"),
        ("2026-11-30", "cancelled", None),
    ]
    assert record["summary"]["expected"] == 1
