"""The API refuses what the forms refuse, and answers bad input with 400, 413 or 422 in the
one refusal body, never 500; nothing is saved."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.test.utils import override_settings

from panelkeeper.meetings.models import Meeting
from panelkeeper.members.models import Member
from panelkeeper.registers.models import Interest
from tests.factory import Factory

INTERESTS = "/api/v1/registers/home/interests"


@pytest.fixture
def officer_api(factory: Factory) -> Client:
    """An officer calling with an API token."""
    token = factory.token(factory.officer()).plaintext
    return Client(headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def member(factory: Factory) -> Member:
    return factory.panel_member()


def interest(member: Member, **fields: Any) -> dict[str, Any]:
    return {
        "member_id": member.pk,
        "kind": "personal",
        "description": "Owns a flat on the estate",
        "starts_on": "2026-01-10",
        **fields,
    }


def post(client: Client, url: str, body: object, **options: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json", **options)


def assert_refused(response: Any, status: int, field: str | None) -> dict[str, Any]:
    assert response.status_code == status, response.content
    body: dict[str, Any] = response.json()
    assert isinstance(body["detail"], str) and body["detail"]
    assert body["rule"] == "validation"
    assert body["field"] == field
    return body


def test_a_nul_character_is_refused_on_the_field_sent(officer_api: Client, member: Member) -> None:
    response = post(officer_api, INTERESTS, interest(member, description="Owns\x00a flat"))
    assert_refused(response, 422, "description")
    assert not Interest.objects.exists()


def test_text_longer_than_the_form_allows_is_refused_with_the_forms_own_message(
    officer_api: Client, member: Member
) -> None:
    response = post(officer_api, INTERESTS, interest(member, description="x" * 1001))
    body = assert_refused(response, 422, "description")
    assert "1000" in body["detail"] or "1,000" in body["detail"]
    assert not Interest.objects.exists()
    assert post(officer_api, INTERESTS, interest(member, description="x" * 1000)).status_code == 201


def test_the_docs_give_the_forms_length_limit(client: Client, db: None) -> None:
    schema = client.get("/api/openapi.json").json()
    body = schema["paths"][INTERESTS.replace("home", "{org}")]["post"]["requestBody"]
    description = body["content"]["application/json"]["schema"]["properties"]["description"]
    assert description["maxLength"] == 1000


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])
def test_a_year_outside_1900_to_2100_is_refused(
    officer_api: Client, member: Member, day: str
) -> None:
    response = post(officer_api, INTERESTS, interest(member, starts_on=day))
    assert_refused(response, 422, "starts_on")
    assert not Interest.objects.exists()


def test_the_first_and_last_days_of_the_range_are_accepted(
    officer_api: Client, member: Member
) -> None:
    first = post(officer_api, INTERESTS, interest(member, starts_on="1900-01-01"))
    assert first.status_code == 201, first.content
    last = post(officer_api, INTERESTS, interest(member, ends_on="2100-12-31"))
    assert last.status_code == 201, last.content


def test_a_date_in_a_query_outside_the_range_is_refused(
    officer_api: Client, member: Member
) -> None:
    url = f"/api/v1/members/home/members/{member.pk}/statuses"
    assert_refused(officer_api.get(url, {"known_on": "9999-12-31"}), 422, "known_on")
    assert officer_api.get(url, {"known_on": "2026-12-31"}).status_code == 200


def test_a_time_with_a_time_zone_is_refused(officer_api: Client, member: Member) -> None:
    response = post(
        officer_api,
        f"/api/v1/meetings/home/groups/{member.group_id}/meetings",
        {"date": "2027-01-14", "starts_at": "18:30+01:00", "place": "Hope Street"},
    )
    assert_refused(response, 422, "starts_at")
    assert not Meeting.objects.exists()


def test_a_body_that_is_not_json_answers_400(officer_api: Client, member: Member) -> None:
    response = officer_api.post(INTERESTS, '{"member_id": ', content_type="application/json")
    assert_refused(response, 400, None)
    assert not Interest.objects.exists()


def test_a_form_body_without_its_boundary_answers_400_to_a_session(factory: Factory) -> None:
    session = Client(enforce_csrf_checks=True)
    session.force_login(factory.member())
    member = factory.member_record
    session.cookies["csrftoken"] = "c" * 32
    response = session.post(
        f"/api/v1/my/{member.pk}/expenses",
        b"kind=travel",
        content_type="multipart/form-data",
        headers={"X-CSRFToken": "c" * 32},
    )
    assert_refused(response, 400, None)


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_a_body_over_the_upload_limit_answers_413(officer_api: Client, member: Member) -> None:
    response = post(officer_api, INTERESTS, interest(member, description="x" * 20_000))
    body = assert_refused(response, 413, None)
    assert "at most 9 KB" in body["detail"]
    assert not Interest.objects.exists()


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/members/home/members?page=100000000000000000000", "page"),
        ("/api/v1/tokens/home?page=100000000000000000000", "page"),
        ("/api/v1/registers/home/interests?group=100000000000000000000", "group"),
    ],
)
def test_a_number_too_large_to_store_is_refused(officer_api: Client, url: str, field: str) -> None:
    assert_refused(officer_api.get(url), 422, field)


def test_a_page_past_the_last_answers_the_last(officer_api: Client, member: Member) -> None:
    response = officer_api.get("/api/v1/members/home/members", {"page": 1_000_000})
    assert response.status_code == 200
    assert [m["id"] for m in response.json()["members"]] == [member.pk]
