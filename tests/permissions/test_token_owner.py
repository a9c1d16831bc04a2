"""The persona the matrix cannot be: a token's own owner (tests/accounts/matrix_rows.py
covers another officer, an auditor, members, the outsider and another organisation).

An owner, officer or auditor, sees their token and may revoke it, on the page and in the
API.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import ApiToken, User
from tests.factory import Factory


@pytest.fixture(params=["officer", "auditor"])
def owner(request: pytest.FixtureRequest, factory: Factory) -> User:
    user: User = getattr(factory, request.param)()
    return user


def test_the_owner_sees_their_token_on_the_page_and_in_the_api(
    client: Client, factory: Factory, owner: User
) -> None:
    token = factory.token(owner, name="Housing system").token
    client.force_login(owner)
    page = client.get(reverse("accounts:tokens", kwargs={"org": "home"}))
    assert page.status_code == 200 and f"pk_{token.prefix}" in page.text
    listed = client.get("/api/v1/tokens/home")
    assert listed.status_code == 200
    assert [t["prefix"] for t in listed.json()["tokens"]] == [token.prefix]


def test_the_owner_may_revoke_their_token_on_the_page(
    client: Client, factory: Factory, owner: User
) -> None:
    token = factory.token(owner).token
    client.force_login(owner)
    url = reverse("accounts:revoke_token", kwargs={"org": "home", "prefix": token.prefix})
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked is not None


def test_the_owner_may_revoke_their_token_in_the_api(
    client: Client, factory: Factory, owner: User
) -> None:
    token = factory.token(owner).token
    client.force_login(owner)
    answer = client.post(f"/api/v1/tokens/home/{token.prefix}/revoke")
    assert answer.status_code == 200 and answer.json()["state"] == "revoked"
    assert ApiToken.objects.get(pk=token.pk).revoked is not None
