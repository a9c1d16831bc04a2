"""The registers API: the same rules as the pages, for officers, members and the public."""

import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.models import ConflictDecision, Gift, Interest
from tests.factory import Factory
from tests.registers.conftest import audit_actions, in_force

API = "/api/v1/registers"


def post(client: Client, path: str, body: dict[str, Any], method: str = "POST") -> Any:
    return client.generic(method, API + path, json.dumps(body), content_type="application/json")


def test_an_officer_declares_and_closes_an_interest_and_lists_the_register(
    officer_client: Client, member: Member
) -> None:
    created = post(
        officer_client,
        "/home/interests",
        {
            "member_id": member.pk,
            "kind": "personal",
            "description": "Owns a flat",
            "starts_on": "2026-01-10",
        },
    )
    assert created.status_code == 201, created.content
    interest_id = created.json()["id"]
    closed = post(officer_client, f"/home/interests/{interest_id}/close", {"ends_on": "2026-11-01"})
    assert closed.status_code == 200 and closed.json()["ends_on"] == "2026-11-01"
    listed = officer_client.get(API + "/home/interests", {"state": "ended"}).json()
    assert [i["id"] for i in listed["interests"]] == [interest_id]
    assert (listed["page"], listed["pages"], listed["count"]) == (1, 1, 1)
    assert audit_actions(Interest.objects.get()) == ["interest.declared", "interest.closed"]


def test_a_to_date_before_the_from_date_answers_422_with_the_field(
    officer_client: Client, member: Member
) -> None:
    response = post(
        officer_client,
        "/home/interests",
        {
            "member_id": member.pk,
            "kind": "personal",
            "description": "Owns a flat",
            "starts_on": "2026-05-01",
            "ends_on": "2026-04-01",
        },
    )
    assert response.status_code == 422
    assert response.json()["field"] == "ends_on"
    assert not Interest.objects.exists()


def gift_body(**fields: Any) -> dict[str, Any]:
    body = {
        "giver_kind": "contractor",
        "giver_name": "Brightside Roofing Ltd",
        "description": "Lunch",
        "value": "12.50",
        "given_on": "2026-11-10",
    }
    body.update(fields)
    return body


def test_a_gift_that_is_not_money_answers_422_and_nothing_is_saved(
    officer_client: Client, vela: PolicyVersion, member: Member
) -> None:
    response = post(officer_client, "/home/gifts", gift_body(member_id=member.pk, value="lots"))
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Enter the estimated value in pounds and pence, like 25 or 12.50",
        "rule": "validation",
        "field": "value",
        "problems": [],
    }
    assert not Gift.objects.exists()


def test_an_officer_declares_a_gift_and_a_second_decision_is_refused(
    officer_client: Client, factory: Factory, member: Member
) -> None:
    in_force(factory, "thirteen")
    created = post(
        officer_client, "/home/gifts", gift_body(member_id=member.pk, direction="offered")
    )
    assert created.status_code == 201, created.content
    gift = created.json()
    assert (gift["status"], gift["value"], gift["direction"]) == (
        "waiting_for_decision",
        "12.50",
        "offered",
    )
    decision = {"outcome": "declined", "decided_on": "2026-11-20"}
    first = post(officer_client, f"/home/gifts/{gift['id']}/decision", decision)
    assert first.status_code == 200 and first.json()["decided_by"] == "Olive Officer"
    second = post(
        officer_client, f"/home/gifts/{gift['id']}/decision", {**decision, "outcome": "kept"}
    )
    assert second.status_code == 422 and "already decided" in second.json()["detail"]
    assert Gift.objects.get().outcome == "declined"
    waiting = officer_client.get(API + "/home/gifts", {"status": "decided"}).json()
    assert [g["id"] for g in waiting["gifts"]] == [gift["id"]]


def test_work_items_decisions_and_conflicts_through_the_api_coi_2_coi_4(
    officer_client: Client, factory: Factory, vela: PolicyVersion, member: Member
) -> None:
    factory.interest(member)
    work = post(
        officer_client, "/home/work-items", {"kind": "case", "title": "Case 7", "on": "2026-11-20"}
    )
    assert work.status_code == 201
    work_id = work.json()["id"]
    detail = officer_client.get(f"{API}/home/work-items/{work_id}").json()
    assert [line["member_id"] for line in detail["check"]] == [member.pk]
    assert detail["conflicts"]["undecided"] == [member.pk]
    decided = post(
        officer_client,
        f"/home/work-items/{work_id}/decisions",
        {
            "member_id": member.pk,
            "decision": "in_part",
            "parts": "The vote",
            "grounds": "witness",
            "decided_by_role": "customer_involvement_team",
            "decided_on": "2026-11-20",
            "told_role": "project_lead",
            "told_on": "2026-11-20",
        },
    )
    assert decided.status_code == 201, decided.content
    assert decided.json()["told_title"] == "the person leading the scrutiny project"
    detail = officer_client.get(f"{API}/home/work-items/{work_id}").json()
    assert detail["conflicts"]["in_part"] == {str(member.pk): "The vote"}
    assert ConflictDecision.objects.get().grounds == "witness"


def test_settings_are_read_and_set(officer_client: Client, auditor_client: Client) -> None:
    assert auditor_client.get(API + "/home/settings").json() == {
        "review_months": 12,
        "published": False,
    }
    response = post(
        officer_client, "/home/settings", {"review_months": 6, "published": True}, "PUT"
    )
    assert response.status_code == 200 and response.json()["published"] is True
    bad = post(officer_client, "/home/settings", {"review_months": 0, "published": True}, "PUT")
    assert bad.status_code == 422 and bad.json()["field"] == "review_months"


def test_a_member_reads_and_adds_to_their_own_register(
    member_client: Client, vela: PolicyVersion, member: Member
) -> None:
    base = f"/mine/{member.pk}"
    created = post(
        member_client,
        base + "/interests",
        {"kind": "membership", "description": "Tenants' forum", "starts_on": "2026-02-01"},
    )
    assert created.status_code == 201
    gift = post(member_client, base + "/gifts", gift_body())
    assert gift.status_code == 201 and gift.json()["status"] == "waiting_for_meeting"
    reviewed = post(member_client, base + "/review", {"nil": True})
    assert reviewed.status_code == 422 and reviewed.json()["field"] == "nil"
    closed = post(
        member_client, f"{base}/interests/{created.json()['id']}/close", {"ends_on": "2026-11-22"}
    )
    assert closed.status_code == 200
    assert post(member_client, base + "/review", {"nil": True}).status_code == 201
    mine = member_client.get(API + base).json()
    assert mine["last_reviewed"] == timezone.localdate().isoformat()
    assert len(mine["interests"]) == 1 and len(mine["gifts"]) == 1 and not mine["review_overdue"]


def test_another_members_register_is_not_found_through_the_api(
    member_client: Client, factory: Factory
) -> None:
    other = factory.panel_member()
    assert member_client.get(f"{API}/mine/{other.pk}").status_code == 404
    response = post(member_client, f"/mine/{other.pk}/review", {})
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("method", ["PATCH", "DELETE"])
def test_a_wrong_method_is_refused(officer_client: Client, method: str) -> None:
    assert officer_client.generic(method, API + "/home/interests").status_code == 405


def test_a_token_for_another_organisation_does_not_reach_home(
    factory: Factory, outsider: User
) -> None:
    token = factory.token(outsider, factory.other)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token.plaintext}")
    assert client.get(API + "/home/interests").status_code == 404
    assert client.get(API + "/other/interests").status_code == 200
