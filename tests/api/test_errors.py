"""One error shape everywhere: every error the API answers is the refusal body, and
every operation documents the errors it may answer."""

from typing import Any

from django.test import Client

from panelkeeper.api import api
from panelkeeper.cases.models import Case
from panelkeeper.lib.api import RefusalOut
from tests.factory import Factory

SHAPE = set(RefusalOut.model_fields)


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    paths = api.get_openapi_schema()["paths"]
    return [(path, method, op) for path, ops in paths.items() for method, op in ops.items()]


def refers_to_refusal(answer: dict[str, Any]) -> bool:
    schema = answer["content"]["application/json"]["schema"]
    return bool(schema.get("$ref", "").endswith("/RefusalOut"))


def test_every_operation_documents_its_errors_in_the_one_shape() -> None:
    missing = []
    for path, method, op in operations():
        signed_in = bool(op.get("security"))
        expected = {"404", "422"} | ({"401", "403"} if signed_in else set())
        answers = {str(code): answer for code, answer in op["responses"].items()}
        for status in sorted(expected):
            if status not in answers or not refers_to_refusal(answers[status]):
                missing.append(f"{method.upper()} {path} {status}")
    assert missing == []


def test_every_error_answer_documented_is_the_refusal_body() -> None:
    others = [
        f"{method.upper()} {path} {status}"
        for path, method, op in operations()
        for status, answer in op["responses"].items()
        if int(status) >= 400 and not refers_to_refusal(answer)
    ]
    assert others == []


def test_401_403_404_and_422_all_answer_the_refusal_body(
    client: Client, auditor_client: Client, officer_client: Client, factory: Factory
) -> None:
    case: Case = factory.the_case
    anonymous = client.get("/api/v1/me")
    forbidden = auditor_client.post(f"/api/v1/cases/home/{case.pk}/steps/withdraw")
    missing = officer_client.get("/api/v1/cases/home/999999")
    bad_query = officer_client.get(f"/api/v1/cases/home/{case.pk}?as_of=someday")
    for response, status in ((anonymous, 401), (forbidden, 403), (missing, 404), (bad_query, 422)):
        assert response.status_code == status
        body = response.json()
        assert set(body) == SHAPE and isinstance(body["detail"], str)


def test_a_bad_query_value_is_named_as_sent(officer_client: Client, factory: Factory) -> None:
    response = officer_client.get(f"/api/v1/cases/home/{factory.the_case.pk}?as_of=someday")
    assert response.json()["field"] == "as_of"
    assert response.json()["rule"] == "validation"


def test_a_body_with_several_mistakes_lists_each_as_sent(officer_client: Client, db: None) -> None:
    response = officer_client.post(
        "/api/v1/cases/home", {"member_id": "x"}, content_type="application/json"
    )
    body = response.json()
    assert response.status_code == 422 and isinstance(body["detail"], str)
    fields = {problem["field"] for problem in body["problems"]}
    assert {"member_id", "description", "setting", "raised_by"} <= fields
    assert body["field"] == "member_id"
