"""A member's ``ended_on`` follows their status history: set in the same change that ends
membership, cleared when the ending is undone, whichever page or operation made it."""

from __future__ import annotations

import datetime as dt
import json

from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.models import MissedMeetings
from panelkeeper.members.eligibility import Hurdle, eligibility
from panelkeeper.members.models import Member
from tests.factory import Factory
from tests.members.test_views import date_parts

API = "/api/v1/members/home"
TODAY = dt.date(2026, 11, 23)


def _status(client: Client, member: Member, status: str, on: str) -> int:
    body = {"status": status, "reason": "Recorded by the officer", "effective_from": on}
    response = client.post(
        f"{API}/members/{member.pk}/statuses", json.dumps(body), content_type="application/json"
    )
    return int(response.status_code)


def test_ending_membership_through_the_api_sets_the_end_date_and_restoring_it_clears_it_br_10(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member()
    assert _status(officer_client, member, "ended", "2026-03-02") == 201
    member.refresh_from_db()
    assert member.ended_on == dt.date(2026, 3, 2)
    assert Hurdle.ENDED in {r.hurdle for r in eligibility(member, on=dt.date(2026, 3, 2)).reasons}
    assert AuditEntry.objects.filter(action="member.updated").get().fields == ["ended_on"]
    # Undone from the same day, as an appeal that overturns an exclusion would be.
    assert _status(officer_client, member, "active", "2026-03-02") == 201
    member.refresh_from_db()
    assert member.ended_on is None


def test_ending_membership_on_the_page_sets_the_end_date_and_restoring_it_clears_it_br_10(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member()
    url = reverse("members:status", kwargs={"org": factory.home.slug, "pk": member.pk})
    for status, on, ended_on in (
        ("ended", dt.date(2026, 3, 2), dt.date(2026, 3, 2)),
        ("active", dt.date(2026, 4, 1), None),
    ):
        response = officer_client.post(
            url, {"status": status, "reason": "By hand", **date_parts("effective_from", on)}
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        member.refresh_from_db()
        assert member.ended_on == ended_on


def test_an_end_date_typed_by_hand_stays_when_the_member_is_suspended_br_9(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member()
    member.ended_on = dt.date(2026, 12, 31)
    member.save(update_fields=["ended_on"])
    assert _status(officer_client, member, "suspended", "2026-03-02") == 201
    member.refresh_from_db()
    assert member.ended_on == dt.date(2026, 12, 31)


def test_membership_cannot_end_on_the_day_it_started_br_10(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(started_on=dt.date(2026, 1, 5))
    assert _status(officer_client, member, "ended", "2026-01-05") == 422
    member.refresh_from_db()
    assert member.ended_on is None
    assert member.statuses.count() == 1


def test_the_missed_meetings_decision_through_the_api_sets_the_end_date_mtg_2(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    factory.published_version(preset="nexus", in_force_from=dt.date(2026, 1, 5))
    member = factory.panel_member(full_name="Mo Missing")
    for month in (6, 7, 8):
        meeting = factory.meeting(date=dt.date(2026, month, 12))
        record_attendance(
            meeting=meeting, member=member, presence="absent", actor=officer, today=TODAY
        )
    decision = MissedMeetings.objects.get()
    response = officer_client.post(
        f"/api/v1/meetings/home/missed-meetings/{decision.pk}/decide",
        json.dumps({"accept": False, "reason": "No contact", "decided_on": "2026-11-20"}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    member.refresh_from_db()
    assert member.ended_on == dt.date(2026, 11, 20)
