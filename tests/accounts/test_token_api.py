"""The API's token operations: the page's list, make and revoke, validated and audited by
the same domain functions; an expired token answers 401 like a wrong one."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from panelkeeper.accounts.models import ApiToken, Grant, User
from panelkeeper.audit.models import AuditEntry
from tests.factory import Factory

API = "/api/v1/tokens/home"


def bearer(plaintext: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {plaintext}"}


def test_an_expired_token_gets_the_same_401_as_a_wrong_one(
    client: Client, factory: Factory, officer: User
) -> None:
    new = factory.token(officer)
    assert client.get("/api/v1/me", headers=bearer(new.plaintext)).status_code == 200
    ApiToken.objects.filter(pk=new.token.pk).update(
        expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    expired = client.get("/api/v1/me", headers=bearer(new.plaintext))
    wrong = client.get("/api/v1/me", headers=bearer(f"pk_{new.token.prefix}_wrong"))
    assert expired.status_code == wrong.status_code == 401
    assert expired.json() == wrong.json()


def test_a_session_makes_a_token_shown_once_and_audited(
    officer_client: Client, officer: User
) -> None:
    day = timezone.localdate() + dt.timedelta(days=14)
    answer = officer_client.post(
        API, {"name": "Reports", "expires_on": day.isoformat()}, content_type="application/json"
    )
    assert answer.status_code == 201
    body = answer.json()
    token = ApiToken.objects.get()
    assert body["token"].startswith(f"pk_{token.prefix}_")
    assert body["expires_on"] == day.isoformat() and body["state"] == "active"
    assert body["user"] == officer.email and body["last_used"] is None
    assert AuditEntry.objects.filter(action="api_token.created", actor=officer).count() == 1
    listed = officer_client.get(API).json()
    assert listed["count"] == 1 and "token" not in listed["tokens"][0]


def test_without_a_date_a_token_lasts_90_days(officer_client: Client) -> None:
    answer = officer_client.post(API, {"name": "Reports"}, content_type="application/json")
    assert answer.status_code == 201
    assert answer.json()["expires_on"] == (timezone.localdate() + dt.timedelta(days=90)).isoformat()


def test_the_api_refuses_what_the_form_refuses(officer_client: Client) -> None:
    far = (timezone.localdate() + dt.timedelta(days=400)).isoformat()
    answer = officer_client.post(
        API, {"name": "Reports", "expires_on": far}, content_type="application/json"
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "expires_on"
    assert "no more than a year away" in answer.json()["detail"]
    blank = officer_client.post(API, {"name": " "}, content_type="application/json")
    assert blank.status_code == 422 and blank.json()["field"] == "name"
    assert blank.json()["detail"] == "Enter a name that says what the token is for"
    assert not ApiToken.objects.exists() and not AuditEntry.objects.exists()


def test_a_token_cannot_make_a_token(client: Client, factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    answer = client.post(
        API, {"name": "Another"}, content_type="application/json", headers=bearer(new.plaintext)
    )
    assert answer.status_code == 403 and "Sign in to make a token" in answer.json()["detail"]
    assert ApiToken.objects.count() == 1


def test_a_token_can_revoke_itself(client: Client, factory: Factory, officer: User) -> None:
    new = factory.token(officer)
    answer = client.post(f"{API}/{new.token.prefix}/revoke", headers=bearer(new.plaintext))
    assert answer.status_code == 200 and answer.json()["state"] == "revoked"
    assert client.get("/api/v1/me", headers=bearer(new.plaintext)).status_code == 401
    entry = AuditEntry.objects.get(action="api_token.revoked")
    assert entry.actor == officer and entry.object_id == str(new.token.pk)


def test_a_token_made_for_another_organisation_sees_none_of_homes_tokens(
    client: Client, factory: Factory, officer: User
) -> None:
    Grant.objects.create(user=officer, organisation=factory.other, role=Grant.Role.OFFICER)
    home_token = factory.token(officer).token
    other = factory.token(officer, organisation=factory.other)
    headers = bearer(other.plaintext)
    assert client.get(API, headers=headers).status_code == 404
    revoke = client.post(f"{API}/{home_token.prefix}/revoke", headers=headers)
    assert revoke.status_code == 404
    assert ApiToken.objects.get(pk=home_token.pk).revoked is None


def test_the_list_shows_when_each_token_was_last_used_and_whether_it_expired(
    client: Client, factory: Factory, officer: User, officer_client: Client
) -> None:
    used, old = factory.token(officer, name="used"), factory.token(officer, name="old")
    client.get("/api/v1/me", headers=bearer(used.plaintext))
    ApiToken.objects.filter(pk=old.token.pk).update(expires_on=dt.date(2026, 1, 5))
    tokens = {t["name"]: t for t in officer_client.get(API).json()["tokens"]}
    assert tokens["used"]["last_used"] is not None and tokens["used"]["state"] == "active"
    assert tokens["old"]["last_used"] is None and tokens["old"]["state"] == "expired"
