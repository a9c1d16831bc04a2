"""The organisation's settings: the bank holidays its working days skip, page and API."""

from __future__ import annotations

import json

from django.conf import settings
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.organisations.models import Organisation
from tests.factory import Factory
from tests.organisations.conftest import audit_actions

SETTINGS = reverse("organisations:settings", kwargs={"org": "home"})
CHANGE = reverse("organisations:change_settings", kwargs={"org": "home"})
API = "/api/v1/organisations/home/settings"


def bearer(factory: Factory, user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {factory.token(user).plaintext}"}


def send(client: Client, method: str, body: object, headers: dict[str, str]) -> object:
    return client.generic(
        method, API, json.dumps(body), content_type="application/json", headers=headers
    )


def test_the_settings_page_names_the_region_in_plain_words(
    factory: Factory, auditor_client: Client
) -> None:
    factory.home.region = Organisation.Region.SCOTLAND
    factory.home.save()
    factory.closure_day()
    content = auditor_client.get(SETTINGS).content.decode()
    assert "Scotland" in content and "SCT" not in content
    assert "1 recorded" in content
    assert CHANGE not in content  # an auditor reads, never changes


def test_an_officer_changes_the_region_and_it_is_audited(
    factory: Factory, officer_client: Client
) -> None:
    assert CHANGE in officer_client.get(SETTINGS).content.decode()
    response = officer_client.post(CHANGE, {"region": "WLS"}, follow=True)
    assert response.redirect_chain == [(SETTINGS, 302)]
    assert "Bank holidays set to those of Wales" in response.content.decode()
    factory.home.refresh_from_db()
    assert factory.home.region == "WLS"
    assert audit_actions(factory.home) == ["organisation.region_changed"]


def test_saving_the_same_region_records_nothing(factory: Factory, officer_client: Client) -> None:
    officer_client.post(CHANGE, {"region": "ENG"})
    assert audit_actions(factory.home) == []


def test_the_form_refuses_a_region_it_does_not_know(
    factory: Factory, officer_client: Client
) -> None:
    response = officer_client.post(CHANGE, {"region": "FRA"})
    assert response.status_code == 200
    assert "Select England, Scotland, Wales or Northern Ireland" in response.content.decode()
    factory.home.refresh_from_db()
    assert factory.home.region == "ENG"


def test_the_api_reads_and_changes_the_settings_as_the_page_does(
    client: Client, factory: Factory, officer: User
) -> None:
    headers = bearer(factory, officer)
    body = client.get(API, headers=headers).json()
    assert body == {
        "region": "ENG",
        "region_name": "England",
        "closure_days": 0,
        "name": factory.home.name,
        "postal_address": "",
        "contact_email": "",
        "telephone": "",
        "has_logo": False,
        "concern_form": f"{settings.BASE_URL.rstrip('/')}/concerns/{factory.home.slug}/",
    }
    response = send(client, "PATCH", {"region": "NIR"}, headers)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response.json()["region_name"] == "Northern Ireland"  # type: ignore[attr-defined]
    response = send(client, "PUT", {"region": "SCT"}, headers)
    assert response.json()["region"] == "SCT"  # type: ignore[attr-defined]
    factory.home.refresh_from_db()
    assert factory.home.region == "SCT"
    assert audit_actions(factory.home) == ["organisation.region_changed"] * 2


def test_the_api_refuses_what_the_form_refuses(
    client: Client, factory: Factory, officer: User
) -> None:
    headers = bearer(factory, officer)
    response = send(client, "PUT", {}, headers)
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert response.json()["field"] == "region"  # type: ignore[attr-defined]
    assert "Select the nation" in response.json()["detail"]  # type: ignore[attr-defined]
    assert send(client, "PATCH", {"region": "FRA"}, headers).status_code == 422  # type: ignore[attr-defined]
    assert audit_actions(factory.home) == []


def test_an_auditor_may_read_the_settings_but_not_change_them(
    client: Client, factory: Factory, auditor: User
) -> None:
    headers = bearer(factory, auditor)
    assert client.get(API, headers=headers).status_code == 200
    assert send(client, "PATCH", {"region": "SCT"}, headers).status_code == 403  # type: ignore[attr-defined]
