"""The API for changing a draft part by part: read, change, differences (GOV-1)."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.organisations.part_data import api_key
from panelkeeper.rules.policy.presets import preset_text
from tests.factory import Factory
from tests.organisations.conftest import audit_actions

API = "/api/v1/organisations/home/policy-versions"


def put(client: Client, draft: PolicyVersion, slug: str, values: dict[str, Any]) -> Any:
    return client.put(
        f"{API}/{draft.pk}/parts/{slug}",
        json.dumps({"values": values}),
        content_type="application/json",
    )


def entry(body: dict[str, Any], slug: str, key: str) -> dict[str, Any]:
    [part] = [p for p in body["parts"] if p["slug"] == slug] if "parts" in body else [body]
    [found] = [e for e in part["entries"] if e["key"] == key]
    return found


def test_a_draft_is_read_part_by_part_with_values_and_words(
    factory: Factory, auditor_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    body = auditor_client.get(f"{API}/{draft.pk}/parts").json()
    assert body["compared_with"] == "the thirteen preset"
    window = entry(body, "appeals", "breach.appeal.window")
    assert window["kind"] == "deadline"
    assert window["value"] == {
        "within": "10 working days",
        "from": "notice_received",
        "target": False,
    }
    assert window["words"] == (
        "10 working days after the member receives written notice of the decision"
    )
    titles = entry(body, "titles", "roles.staff")
    assert {"key": "head_of_touchpoints", "title": "Head of Touchpoints"} in titles["value"]


def test_a_part_is_changed_and_its_difference_listed(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    window = {"within": "15 working days", "from": "notice_received", "target": False}
    response = put(officer_client, draft, "appeals", {"breach.appeal.window": window})
    assert response.status_code == 200, response.json()
    assert entry(response.json(), "appeals", "breach.appeal.window")["value"] == window
    draft.refresh_from_db()
    assert 'within = "15 working days"' in draft.source
    assert audit_actions(draft) == ["policy_version.draft_changed"]
    [change] = officer_client.get(f"{API}/{draft.pk}/differences").json()
    assert change["label"] == "Appeal window"
    assert change["text"].startswith("Appeal window: 10 working days after")


def test_a_gift_threshold_is_set_in_whole_pounds_and_listed_in_words_gift_1(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="vela")
    refused = put(officer_client, draft, "gifts", {"gifts.declare_over": 0})
    assert refused.status_code == 422
    assert refused.json()["field"] == "gifts.declare_over"
    draft.refresh_from_db()
    assert draft.source == preset_text("vela")
    response = put(officer_client, draft, "gifts", {"gifts.declare_over": 30})
    assert response.status_code == 200, response.json()
    threshold = entry(response.json(), "gifts", "gifts.declare_over")
    assert (threshold["kind"], threshold["value"], threshold["words"]) == ("pounds", 30, "£30")
    [change] = officer_client.get(f"{API}/{draft.pk}/differences").json()
    assert change["text"] == "Gifts worth this much or less need not be reported: not set → £30"


def test_a_new_title_is_added_with_its_duties_in_one_put(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    titles = officer_client.get(f"{API}/{draft.pk}/parts").json()
    staff = entry(titles, "titles", "roles.staff")["value"]
    added = {"key": "", "title": "Tenancy Standards Lead", "duties": ["breach.investigated_by"]}
    response = put(officer_client, draft, "titles", {"roles.staff": [added, *staff]})
    assert response.status_code == 200, response.json()
    investigators = entry(response.json(), "titles", "breach.investigated_by")["value"]
    assert investigators == ["customer_experience_manager", "tenancy_standards_lead"]
    listed = entry(response.json(), "titles", "roles.staff")["value"]
    assert {"key": "tenancy_standards_lead", "title": "Tenancy Standards Lead"} in listed


def test_duties_for_a_title_that_has_a_key_or_a_title_with_none_are_refused(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    kept = {"key": "head_of_touchpoints", "title": "Head", "duties": ["breach.appeal.to"]}
    response = put(officer_client, draft, "titles", {"roles.staff": [kept]})
    assert response.status_code == 422
    assert response.json()["field"] == "roles.staff[0].duties"
    bare = {"key": "", "title": "Tenancy Standards Lead"}
    staff = [{"key": "customer_involvement_team", "title": "Customer Involvement Team"}]
    staff += [{"key": "customer_experience_manager", "title": "Customer Experience Manager"}]
    staff += [{"key": "head_of_touchpoints", "title": "Head of Touchpoints"}]
    staff += [{"key": "director_of_experience", "title": "Director of Experience"}]
    response = put(officer_client, draft, "titles", {"roles.staff": [*staff, bare]})
    assert response.status_code == 422
    assert response.json()["field"] == "roles.staff[4].duties"
    draft.refresh_from_db()
    assert draft.source == preset_text("thirteen")


def test_a_draft_is_started_from_a_published_version_with_the_next_name(
    factory: Factory, officer_client: Client, auditor_client: Client
) -> None:
    in_force = factory.published_version(preset="thirteen", version="2.0")
    body = json.dumps({"from_version": in_force.pk})
    response = officer_client.post(API, body, content_type="application/json")
    assert response.status_code == 201, response.json()
    assert response.json()["version"] == "2.1"
    named = json.dumps({"from_version": in_force.pk, "version_name": "Kestrel 3"})
    assert officer_client.post(API, named, content_type="application/json").json()["version"] == (
        "Kestrel 3"
    )
    both = json.dumps({"from_version": in_force.pk, "preset": "vela"})
    assert officer_client.post(API, both, content_type="application/json").status_code == 422
    theirs = factory.published_version(factory.other)
    other = json.dumps({"from_version": theirs.pk})
    assert officer_client.post(API, other, content_type="application/json").status_code == 422
    assert auditor_client.post(API, body, content_type="application/json").status_code == 403
    assert PolicyVersion.objects.filter(organisation=factory.home).count() == 3


def test_a_drafts_rulebook_is_read_before_publishing_with_its_changes(
    factory: Factory, officer_client: Client, auditor_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    window = {"within": "15 working days", "from": "notice_received", "target": False}
    assert (
        put(officer_client, draft, "appeals", {"breach.appeal.window": window}).status_code == 200
    )
    book = auditor_client.get(f"{API}/{draft.pk}/rulebook").json()
    assert book["version"]["id"] == draft.pk and book["version"]["status"] == "draft"
    texts = [rule["text"] for section in book["sections"] for rule in section["rules"]]
    appeal = [text for text in texts if text.startswith("The appeal is made within")]
    assert appeal == [
        "The appeal is made within 15 working days of the day the member receives written "
        "notice of the decision."
    ]
    theirs = factory.draft_version(factory.other)
    assert auditor_client.get(f"{API}/{theirs.pk}/rulebook").status_code == 404


def test_a_deadline_of_0_is_refused_at_its_key_as_on_the_form(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    window = {"within": "0 working days", "from": "notice_received"}
    response = put(officer_client, draft, "appeals", {"breach.appeal.window": window})
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "breach.appeal.window"
    assert "1 or more" in body["detail"]
    draft.refresh_from_db()
    assert draft.source == preset_text("thirteen")


def test_an_outcome_on_no_level_is_refused_at_its_key(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    outcomes = entry(
        officer_client.get(f"{API}/{draft.pk}/parts").json(), "outcomes", "breach.outcomes"
    )["value"]
    outcomes[0]["levels"] = []
    response = put(officer_client, draft, "outcomes", {"breach.outcomes": outcomes})
    assert response.status_code == 422
    assert [p["field"] for p in response.json()["problems"]] == ["breach.outcomes[0].levels"]
    draft.refresh_from_db()
    assert draft.source == preset_text("thirteen")


def test_a_setting_the_part_lacks_or_a_wrong_shape_is_refused(
    factory: Factory, officer_client: Client
) -> None:
    draft = factory.draft_version(preset="thirteen")
    unknown = put(officer_client, draft, "appeals", {"colour": "blue"})
    assert unknown.status_code == 422 and unknown.json()["field"] == "colour"
    shape = put(officer_client, draft, "appeals", {"breach.appeal.window": "soon"})
    assert shape.status_code == 422 and shape.json()["field"] == "breach.appeal.window"
    assert put(officer_client, draft, "colour", {}).status_code == 404
    draft.refresh_from_db()
    assert draft.source == preset_text("thirteen")


def test_a_published_version_is_refused(factory: Factory, officer_client: Client) -> None:
    version = factory.published_version(preset="thirteen")
    response = put(officer_client, version, "appeals", {"breach.appeal.in_writing": False})
    assert response.status_code == 422
    assert "cannot be changed" in response.json()["detail"]


def test_form_names_become_the_apis_dotted_keys() -> None:
    assert api_key("breach__appeal__window") == "breach.appeal.window"
    assert api_key("breach__outcomes-0-levels") == "breach.outcomes[0].levels"
    assert api_key("conduct__parts-1-standards-2-text") == "conduct.parts[1].standards[2].text"
