"""The concerns API: public raising and follow-up, officers' operations (BR-1, BR-2)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from panelkeeper.accounts.models import User
from panelkeeper.cases.models import Case
from panelkeeper.concerns import receipts
from panelkeeper.concerns.models import Concern
from tests.factory import Factory

API = "/api/v1/concerns/home"
WRONG = "7KQ2-M9XD-4TPB-HC3R"


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(API + path, body, content_type="application/json")


def concern_body(**overrides: Any) -> dict[str, Any]:
    body = {
        "what_happened": "Was rude in the scrutiny workshop.",
        "happened_on": "2026-11-10",
        "setting": "scrutiny_work",
        "reporter_kind": "staff",
        "anonymous": True,
    }
    return body | overrides


def test_anyone_raises_an_anonymous_concern_and_gets_the_code_once(factory: Factory) -> None:
    factory.code_in_force("thirteen")
    response = post(Client(), "", concern_body())
    assert response.status_code == 201
    code = response.json()["receipt_code"]
    assert receipts.normalise(code) is not None
    concern = Concern.objects.get()
    assert concern.receipt_digest == receipts.digest(code)
    assert response.json()["routed_to"] == "Customer Experience Manager"


def test_a_refused_concern_answers_422_with_the_field_and_saves_nothing(factory: Factory) -> None:
    factory.code_in_force("vela")
    response = post(Client(), "", concern_body(reporter_kind="board_member"))
    assert response.status_code == 422
    assert response.json()["field"] == "anonymous"
    bad = post(Client(), "", concern_body(setting="pub", anonymous=False))
    assert bad.status_code == 422 and bad.json()["field"] == "setting"
    assert not Concern.objects.exists()


def test_a_member_of_the_public_raises_a_named_concern_where_the_code_allows_br_1(
    factory: Factory,
) -> None:
    factory.code_in_force("vela")
    named = {"reporter_name": "Pat", "reporter_contact": "pat@example.org", "anonymous": False}
    response = post(Client(), "", concern_body(reporter_kind="public", **named))
    assert response.status_code == 201 and response.json()["receipt_code"] is None
    assert Concern.objects.get().reporter_kind == "public"
    factory.code_in_force("nexus", factory.organisation(slug="nexus-like"))
    path = "/api/v1/concerns/nexus-like"
    refused = Client().post(
        path, concern_body(reporter_kind="public", **named), content_type="application/json"
    )
    assert refused.status_code == 422 and refused.json()["field"] == "reporter_kind"


def test_raising_with_an_unknown_organisation_answers_404(factory: Factory) -> None:
    response = Client().post(
        "/api/v1/concerns/nowhere", concern_body(), content_type="application/json"
    )
    assert response.status_code == 404


def test_the_sixth_concern_from_one_client_answers_429(factory: Factory) -> None:
    factory.code_in_force("thirteen")
    client = Client(REMOTE_ADDR="198.51.100.50")
    for _ in range(5):
        assert post(client, "", concern_body()).status_code == 201
    assert post(client, "", concern_body()).status_code == 429
    assert Concern.objects.count() == 5


def test_follow_up_with_the_code_in_the_body_shows_status_and_sends_a_message(
    factory: Factory, officer: User
) -> None:
    from panelkeeper.concerns.handling import reply_to_concern

    concern = factory.concern(anonymous=True)
    reply_to_concern(
        concern=concern, officer=officer, body="When was it?", today=concern.happened_on
    )
    response = post(Client(), "/follow-up", {"code": concern.code, "message": "12 November."})
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "Received"
    assert [(m["sender"], m["body"]) for m in data["messages"]] == [
        ("officer", "When was it?"),
        ("reporter", "12 November."),
    ]


def test_a_wrong_code_gets_the_same_answer_with_and_without_concerns(factory: Factory) -> None:
    factory.code_in_force("thirteen")
    before = post(Client(), "/follow-up", {"code": WRONG})
    factory.concern(anonymous=True)
    after = post(Client(), "/follow-up", {"code": WRONG})
    malformed = post(Client(), "/follow-up", {"code": "hello"})
    assert before.status_code == after.status_code == malformed.status_code == 404
    assert before.json() == after.json() == malformed.json()


def test_the_sixth_code_attempt_answers_429_even_when_right(factory: Factory) -> None:
    concern = factory.concern(anonymous=True)
    client = Client(REMOTE_ADDR="198.51.100.60")
    for _ in range(5):
        assert post(client, "/follow-up", {"code": WRONG}).status_code == 404
    assert post(client, "/follow-up", {"code": concern.code}).status_code == 429


def test_officers_list_read_reply_and_close(factory: Factory, officer_client: Client) -> None:
    concern = factory.concern(anonymous=True)
    listed = officer_client.get(API)
    assert listed.status_code == 200
    assert [c["id"] for c in listed.json()["concerns"]] == [concern.pk]
    assert listed.json()["concerns"][0]["reporter_name"] == ""
    reply = post(officer_client, f"/{concern.pk}/messages", {"body": "Which meeting?"})
    assert reply.status_code == 201
    detail = officer_client.get(f"{API}/{concern.pk}").json()
    assert [m["body"] for m in detail["messages"]] == ["Which meeting?"]
    empty = post(officer_client, f"/{concern.pk}/close", {"reason": " "})
    assert empty.status_code == 422 and empty.json()["field"] == "reason"
    closed = post(officer_client, f"/{concern.pk}/close", {"reason": "Not about a member."})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"


def test_officers_record_a_contact_with_a_named_reporter(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern()
    refused = post(officer_client, f"/{concern.pk}/messages", {"body": "Hello"})
    assert refused.status_code == 422
    done = post(
        officer_client,
        f"/{concern.pk}/messages",
        {"body": "Emailed her.", "channel": "email", "sent_on": "2026-11-20"},
    )
    assert done.status_code == 201 and done.json()["channel"] == "email"


def test_officers_triage_into_a_breach_case(factory: Factory, officer_client: Client) -> None:
    concern = factory.concern(anonymous=True)
    member = factory.panel_member()
    response = post(
        officer_client,
        f"/{concern.pk}/triage",
        {"member_id": member.pk, "clauses": ["code_of_conduct"]},
    )
    assert response.status_code == 200, response.json()
    case = Case.objects.get()
    assert response.json()["case_id"] == case.pk
    assert case.anonymous and case.member == member


def test_triage_about_another_organisations_member_is_refused(
    factory: Factory, officer_client: Client
) -> None:
    concern = factory.concern(anonymous=True)
    stranger = factory.panel_member(factory.group(factory.other))
    response = post(
        officer_client,
        f"/{concern.pk}/triage",
        {"member_id": stranger.pk, "clauses": ["code_of_conduct"]},
    )
    assert response.status_code == 422 and response.json()["field"] == "member_id"
    assert not Case.objects.exists()


def test_another_organisations_concern_answers_404(
    factory: Factory, officer_client: Client
) -> None:
    theirs = factory.concern(factory.other)
    assert officer_client.get(f"{API}/{theirs.pk}").status_code == 404


def test_a_text_too_long_is_refused_not_cut_short(factory: Factory) -> None:
    factory.code_in_force("thirteen")
    response = post(Client(), "", concern_body(about_whom="x" * 201))
    assert response.status_code == 422
    assert response.json() == {
        # The public form's own message: the API refuses as the form does.
        "detail": "Who it is about must be 200 characters or fewer",
        "rule": "validation",
        "field": "about_whom",
        "problems": [],
    }
    assert not Concern.objects.exists()
