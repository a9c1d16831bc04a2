"""The API: bearer tokens or the session, 401 JSON for strangers, docs served locally."""

import re

import pytest
from django.http import HttpRequest
from django.test import Client, RequestFactory
from ninja.errors import HttpError

from panelkeeper.accounts.models import Grant, User
from panelkeeper.accounts.permissions import api_staff
from panelkeeper.accounts.tokens import revoke_token
from panelkeeper.api import api
from tests.factory import Factory


def bearer(plaintext: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {plaintext}"}


def test_anonymous_callers_get_401_in_json(client: Client, db: None) -> None:
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Send an API token as 'Authorization: Bearer <token>', or sign in first.",
        "rule": None,
        "field": None,
        "problems": [],
    }


def test_me_with_a_token_names_the_caller_and_the_tokens_organisation_only(
    client: Client, factory: Factory, officer: User
) -> None:

    Grant.objects.create(user=officer, organisation=factory.other, role=Grant.Role.AUDITOR)
    new = factory.token(officer)
    body = client.get("/api/v1/me", headers=bearer(new.plaintext)).json()
    assert body["email"] == officer.email
    assert body["name"] == "Olive Officer"
    assert body["grants"] == [
        {"organisation": "home", "organisation_name": "Home Housing", "role": "officer"}
    ]
    assert body["token"] == {"name": "test", "prefix": new.token.prefix, "organisation": "home"}


def test_me_with_the_session_lists_every_grant(officer_client: Client, officer: User) -> None:
    body = officer_client.get("/api/v1/me").json()
    assert [grant["organisation"] for grant in body["grants"]] == ["home"]
    assert body["token"] is None


def test_a_revoked_token_gets_401(client: Client, factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    assert client.get("/api/v1/me", headers=bearer(new.plaintext)).status_code == 200
    revoke_token(prefix=new.token.prefix)
    response = client.get("/api/v1/me", headers=bearer(new.plaintext))
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")


def test_a_wrong_token_gets_401(client: Client, db: None) -> None:
    assert client.get("/api/v1/me", headers=bearer("pk_00000000_nope")).status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Basic abc"}).status_code == 401


def test_the_openapi_document_describes_the_operations_and_bearer_auth(
    client: Client, db: None
) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/me" in schema["paths"]
    schemes = schema["components"]["securitySchemes"]
    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())


def test_the_docs_load_their_scripts_and_styles_from_our_own_static_files(
    client: Client, db: None
) -> None:
    page = client.get("/api/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)
    for source in sources:
        assert source.startswith("/static/"), source
    assert "cdn" not in page.lower()


# api_staff on a throwaway operation: the same ladder as pages, in JSON.


@api_staff(Grant.Role.OFFICER)
def officers_operation(request: HttpRequest, org: str) -> str:
    return f"{request.organisation.slug}"  # type: ignore[attr-defined]


def api_request(rf: RequestFactory, user: User, token: object = None) -> HttpRequest:
    request = rf.get("/api/v1/anything")
    request.user = user
    request.api_token = token  # type: ignore[attr-defined]
    return request


def test_api_staff_lets_the_right_role_through(rf: RequestFactory, officer: User) -> None:
    assert officers_operation(api_request(rf, officer), org="home") == "home"


def test_api_staff_answers_403_for_own_organisation_without_the_role(
    rf: RequestFactory, auditor: User
) -> None:
    with pytest.raises(HttpError) as refused:
        officers_operation(api_request(rf, auditor), org="home")
    assert refused.value.status_code == 403


def test_api_staff_answers_404_for_another_organisation(
    rf: RequestFactory, factory: Factory, outsider: User
) -> None:
    assert factory.home.slug == "home"
    with pytest.raises(HttpError) as refused:
        officers_operation(api_request(rf, outsider), org="home")
    assert refused.value.status_code == 404


def test_a_token_acts_only_for_its_own_organisation(
    rf: RequestFactory, factory: Factory, officer: User
) -> None:
    Grant.objects.create(user=officer, organisation=factory.other, role=Grant.Role.OFFICER)
    token = factory.token(officer, factory.home).token
    assert officers_operation(api_request(rf, officer, token), org="home") == "home"
    with pytest.raises(HttpError) as refused:
        officers_operation(api_request(rf, officer, token), org="other")
    assert refused.value.status_code == 404


def test_every_operation_has_a_summary_written_for_it(client: Client, db: None) -> None:
    """Not the one ninja makes from the function's name ("Create Expense"): an operation
    without a docstring would get it."""

    defaults = {
        operation.view_func.__name__.title().replace("_", " ")
        for bound in api._get_bound_routers()
        for path_view in bound.path_operations.values()
        for operation in path_view.operations
    }
    schema = client.get("/api/openapi.json").json()
    summaries = [op["summary"] for ops in schema["paths"].values() for op in ops.values()]
    assert len(summaries) > 100
    assert not defaults & set(summaries)
    assert all(summary and not summary.endswith(".") for summary in summaries)
