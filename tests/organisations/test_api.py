"""The organisations API: the same policies and the same domain functions as the pages."""

from __future__ import annotations

import datetime as dt
import json

from django.test import Client

from panelkeeper.accounts.models import Grant, User
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.rules.explain.rulebook import rulebook
from panelkeeper.rules.policy.presets import load_preset, preset_text
from tests.factory import Factory
from tests.organisations.conftest import audit_actions, hold_every_title
from tests.organisations.test_policies import BROKEN

BASE = "/api/v1/organisations"


def bearer(
    factory: Factory, user: User, organisation: Organisation | None = None
) -> dict[str, str]:
    return {"Authorization": f"Bearer {factory.token(user, organisation).plaintext}"}


def post_json(client: Client, path: str, body: object, headers: dict[str, str]) -> object:
    return client.post(path, json.dumps(body), content_type="application/json", headers=headers)


def test_a_token_lists_only_the_organisation_it_was_made_for(
    client: Client, factory: Factory, officer: User
) -> None:
    Grant.objects.create(user=officer, organisation=factory.other, role=Grant.Role.AUDITOR)
    response = client.get(BASE, headers=bearer(factory, officer))
    assert response.json() == [{"slug": "home", "name": "Home Housing", "region": "ENG"}]


def test_the_session_lists_every_organisation_of_the_user(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    Grant.objects.create(user=officer, organisation=factory.other, role=Grant.Role.AUDITOR)
    slugs = [o["slug"] for o in officer_client.get(BASE).json()]
    assert slugs == ["home", "other"]


def test_an_organisation_comes_with_its_groups_and_version_in_force(
    client: Client, factory: Factory, auditor: User
) -> None:
    group = factory.group(name="Customer Scrutiny Panel")
    version = factory.published_version()
    body = client.get(f"{BASE}/home", headers=bearer(factory, auditor)).json()
    assert body["groups"] == [{"id": group.pk, "name": "Customer Scrutiny Panel"}]
    assert body["version_in_force"] == version.pk


def test_versions_list_and_one_version_give_their_metadata(
    client: Client, factory: Factory, auditor: User
) -> None:
    version = factory.published_version(version="2026-1")
    headers = bearer(factory, auditor)
    listed = client.get(f"{BASE}/home/policy-versions", headers=headers).json()["versions"]
    assert [v["version"] for v in listed] == ["2026-1"]
    one = client.get(f"{BASE}/home/policy-versions/{version.pk}", headers=headers).json()
    assert one["status"] == "published"
    assert (one["approved_on"], one["in_force_from"]) == ("2026-02-02", "2026-02-02")


def test_a_versions_source_is_its_exact_text(
    client: Client, factory: Factory, auditor: User
) -> None:
    text = "# ours\r\n" + preset_text("insight")
    version = factory.draft_version(source=text)
    response = client.get(
        f"{BASE}/home/policy-versions/{version.pk}/source", headers=bearer(factory, auditor)
    )
    assert response.status_code == 200
    assert response.content == text.encode()
    assert response["Content-Type"] == "application/toml"


def test_an_officer_creates_a_draft_from_a_preset(
    client: Client, factory: Factory, officer: User
) -> None:
    response = post_json(
        client, f"{BASE}/home/policy-versions", {"preset": "thirteen"}, bearer(factory, officer)
    )
    assert response.status_code == 201
    draft = PolicyVersion.objects.get(pk=response.json()["id"])
    assert draft.source == preset_text("thirteen")
    assert audit_actions(draft) == ["policy_version.draft_created"]


def test_a_text_with_three_problems_answers_422_with_three_problems(
    client: Client, factory: Factory, officer: User
) -> None:
    response = post_json(
        client,
        f"{BASE}/home/policy-versions",
        {"source": BROKEN, "file_name": "ours.toml"},
        bearer(factory, officer),
    )
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert len(problems) == 3
    assert {p["field"] for p in problems} >= {"colour", "interpretations.not_a_setting"}
    assert all(p["detail"].startswith("ours.toml: ") for p in problems)
    assert not PolicyVersion.objects.exists()


def test_a_draft_needs_a_preset_or_a_source_but_not_both(
    client: Client, factory: Factory, officer: User
) -> None:
    headers = bearer(factory, officer)
    for body in ({}, {"preset": "vela", "source": "x"}):
        response = post_json(client, f"{BASE}/home/policy-versions", body, headers)
        assert response.status_code == 422
    assert not PolicyVersion.objects.exists()


def test_publishing_without_role_holders_answers_422_listing_them(
    client: Client, factory: Factory, officer: User
) -> None:
    draft = factory.draft_version(preset="vela")
    response = post_json(
        client,
        f"{BASE}/home/policy-versions/{draft.pk}/publish",
        {"approved_on": "2026-11-02", "in_force_from": "2026-12-01"},
        bearer(factory, officer),
    )
    assert response.status_code == 422
    assert [t["field"] for t in response.json()["problems"]] == [
        "customer_involvement_team",
        "service_improvement_team",
        "group_director_of_operations",
    ]
    draft.refresh_from_db()
    assert draft.status == PolicyVersion.Status.DRAFT


def test_an_officer_publishes_a_draft(client: Client, factory: Factory, officer: User) -> None:
    draft = factory.draft_version(preset="vela")
    hold_every_title(factory)
    response = post_json(
        client,
        f"{BASE}/home/policy-versions/{draft.pk}/publish",
        {"approved_on": "2026-11-02", "in_force_from": "2026-12-01"},
        bearer(factory, officer),
    )
    assert response.status_code == 200
    assert response.json()["status"] == "published"
    draft.refresh_from_db()
    assert draft.in_force_from == dt.date(2026, 12, 1)
    assert audit_actions(draft) == ["policy_version.published"]


def test_a_bad_publish_body_answers_422_saying_what_to_send(
    client: Client, factory: Factory, officer: User
) -> None:
    draft = factory.draft_version()
    response = post_json(
        client,
        f"{BASE}/home/policy-versions/{draft.pk}/publish",
        {"approved_on": "yesterday"},
        bearer(factory, officer),
    )
    assert response.status_code == 422
    assert "approved_on" in response.json()["detail"]


def test_the_rulebook_is_the_code_in_force_as_json(
    client: Client, factory: Factory, auditor: User
) -> None:
    version = factory.published_version(preset="vela")
    body = client.get(f"{BASE}/home/rulebook", headers=bearer(factory, auditor)).json()
    book = rulebook(load_preset("vela"))
    assert body["version"]["id"] == version.pk
    assert body["title"] == book.title
    assert [s["title"] for s in body["sections"]] == [s.title for s in book.sections]
    first = book.sections[1].rules[0]
    assert body["sections"][1]["rules"][0] == {
        "ids": list(first.ids),
        "ref": first.ref,
        "text": first.text,
    }
    assert [i["number"] for i in body["interpretations"]] == [
        i.number for i in book.interpretations
    ]


def test_without_a_code_in_force_the_rulebook_answers_404(
    client: Client, factory: Factory, auditor: User
) -> None:
    factory.draft_version()
    assert client.get(f"{BASE}/home/rulebook", headers=bearer(factory, auditor)).status_code == 404


def test_the_ladder_other_organisation_404_wrong_role_403_anonymous_401(
    client: Client, factory: Factory, auditor: User, outsider: User
) -> None:
    draft = factory.draft_version()
    paths = [f"{BASE}/home", f"{BASE}/home/policy-versions/{draft.pk}", f"{BASE}/home/rulebook"]
    for path in paths:
        assert client.get(path).status_code == 401
        theirs = client.get(path, headers=bearer(factory, outsider, factory.other))
        assert theirs.status_code == 404
        assert theirs["Content-Type"].startswith("application/json")
    response = post_json(
        client, f"{BASE}/home/policy-versions", {"preset": "vela"}, bearer(factory, auditor)
    )
    assert response.status_code == 403
    other_draft = factory.draft_version(factory.other)
    path = f"{BASE}/home/policy-versions/{other_draft.pk}"
    assert client.get(path, headers=bearer(factory, auditor)).status_code == 404
    assert PolicyVersion.objects.count() == 2


def test_the_openapi_document_describes_the_draft_body(client: Client, db: None) -> None:
    document = client.get("/api/openapi.json").json()
    operation = document["paths"]["/api/v1/organisations/{org}/policy-versions"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    assert {"preset", "source", "file_name"} <= set(schema["properties"])


def test_an_officer_deletes_a_draft_but_never_a_published_version(
    client: Client, factory: Factory, officer: User
) -> None:
    headers = bearer(factory, officer)
    draft = factory.draft_version()
    published = factory.published_version()
    assert (
        client.delete(f"{BASE}/home/policy-versions/{draft.pk}", headers=headers).status_code == 204
    )
    refused = client.delete(f"{BASE}/home/policy-versions/{published.pk}", headers=headers)
    assert refused.status_code == 422
    assert "cannot be discarded" in refused.json()["detail"]
    assert list(PolicyVersion.objects.all()) == [published]


def test_an_officer_gives_a_title_to_someone_with_a_grant_here_br_2(
    client: Client, factory: Factory, officer: User, holder: User, outsider: User
) -> None:
    factory.draft_version(preset="vela")
    headers = bearer(factory, officer)
    path = f"{BASE}/home/role-holders"
    body = {"role_key": "service_improvement_team", "effective_from": "2026-11-02"}
    refused = post_json(client, path, body | {"user_id": outsider.pk}, headers)
    assert refused.status_code == 422
    assert refused.json()["field"] == "user_id"
    made = post_json(client, path, body | {"user_id": holder.pk}, headers)
    assert made.status_code == 201
    assert made.json()["user_name"] == "Hana Holder"
    listed = client.get(path, headers=bearer(factory, holder)).json()["role_holders"]
    assert [(h["role_key"], h["effective_until"]) for h in listed] == [
        ("service_improvement_team", None)
    ]
    undeclared = post_json(client, path, body | {"role_key": "x", "user_id": holder.pk}, headers)
    assert undeclared.status_code == 422


def test_an_officer_adds_a_closure_day_and_a_weekend_is_refused(
    client: Client, factory: Factory, officer: User
) -> None:
    headers = bearer(factory, officer)
    path = f"{BASE}/home/closure-days"
    made = post_json(client, path, {"date": "2026-12-07", "reason": "Office move"}, headers)
    assert made.status_code == 201
    assert made.json()["date"] == "2026-12-07"
    weekend = post_json(client, path, {"date": "2026-12-06", "reason": "x"}, headers)
    assert weekend.status_code == 422
    assert "Sunday" in weekend.json()["detail"]
    assert [d["reason"] for d in client.get(path, headers=headers).json()["closure_days"]] == [
        "Office move"
    ]


def test_the_rulebook_gives_the_approval_date_recorded_on_publishing_gov_1(
    client: Client, factory: Factory, auditor: User
) -> None:
    """The nexus file states 3 August 2011; a version recorded as approved on another
    day says that day in the rulebook, as the home page and the version do."""
    factory.published_version(preset="nexus", approved_on=dt.date(2026, 1, 5))
    body = client.get(f"{BASE}/home/rulebook", headers=bearer(factory, auditor)).json()
    texts = [rule["text"] for section in body["sections"] for rule in section["rules"]]
    approvals = [text for text in texts if "approved on" in text]
    assert approvals == ["This version was approved on 5 January 2026."]
    assert body["version"]["approved_on"] == "2026-01-05"
    factory.published_version(
        preset="vela", approved_on=dt.date(2026, 3, 2), in_force_from=dt.date(2026, 3, 2)
    )
    body = client.get(f"{BASE}/home/rulebook", headers=bearer(factory, auditor)).json()
    about = [rule["text"] for rule in body["sections"][0]["rules"]]
    assert about[-1] == "This version was approved on 2 March 2026."
