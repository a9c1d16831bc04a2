"""The cases API's contract: one operation per step with its own body, coded values as
enums or listed by the vocabulary operation, next steps naming the operation to call,
refusals naming the field as sent, and what the case page shows."""

from __future__ import annotations

from typing import Any

from django.test import Client

from panelkeeper.api import api
from panelkeeper.cases.actions import ACTIONS
from panelkeeper.cases.api.schemas import VocabularyOut
from panelkeeper.cases.api.step_schemas import STEP_BODIES
from panelkeeper.cases.models import Case
from tests.factory import Factory


def _openapi() -> dict[str, Any]:
    return api.get_openapi_schema()


def _body(op: dict[str, Any]) -> dict[str, Any]:
    return op["requestBody"]["content"]["application/json"]["schema"]  # type: ignore[no-any-return]


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type="application/json")


def test_each_step_is_its_own_operation_with_its_own_body() -> None:
    paths = _openapi()["paths"]
    assert not [p for p in paths if "{action}" in p]
    steps = {p.rsplit("/", 1)[1]: ops["post"] for p, ops in paths.items() if "/steps/" in p}
    assert set(steps) == set(ACTIONS)
    assert _body(steps["determine"])["required"] == ["level"]
    notice = _body(steps["notice"])
    assert sorted(notice["required"]) == ["channel", "sent_on"]
    assert notice["$defs"]["Channel"]["enum"] == ["email", "post", "hand"]
    assert _body(steps["add-person"])["required"] == ["role"]
    assert "enum" in _body(steps["decide-appeal"])["$defs"]["AppealResult"]
    assert len({op["operationId"] for op in steps.values()}) == len(ACTIONS)


def test_each_step_body_holds_its_words_to_the_limits_of_the_steps_form() -> None:
    """The API takes no longer text than the case page's form for the same step, and its
    docs give the limit as maxLength."""
    paths = _openapi()["paths"]
    checked = 0
    for slug, action in ACTIONS.items():
        body = STEP_BODIES[slug]
        documented = _body(paths[f"/api/v1/cases/{{org}}/{{case_id}}/steps/{slug}"]["post"])
        for name, field in action.form.base_fields.items():
            limit = getattr(field, "max_length", None)
            if limit is None or name not in body.model_fields:
                continue
            assert getattr(body, "form_fields", {}).get(name) is field, (slug, name)
            options = documented["properties"][name].get("anyOf", [documented["properties"][name]])
            assert limit in [o.get("maxLength") for o in options], (slug, name)
            checked += 1
    assert checked >= 10


def test_every_field_whose_values_come_from_the_code_names_a_list_of_the_vocabulary() -> None:
    named: set[str] = set()

    def walk(schema: Any) -> None:
        if isinstance(schema, dict):
            if "x-vocabulary" in schema:
                named.add(schema["x-vocabulary"])
            for value in schema.values():
                walk(value)
        elif isinstance(schema, list):
            for value in schema:
                walk(value)

    walk(_openapi()["paths"])
    assert {"seats", "levels", "outcomes", "informal_steps", "clauses"} <= named
    assert named <= set(VocabularyOut.model_fields)


def test_the_vocabulary_lists_seats_levels_outcomes_by_level_and_clause_ids(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("nexus")
    words = officer_client.get("/api/v1/cases/home/vocabulary").json()
    levels = [level["key"] for level in words["levels"]]
    assert "minor" in levels and levels[-1] == "no_breach"
    reminder = next(o for o in words["outcomes"] if o["key"] == "reminder")
    assert reminder["levels"] == ["minor"]
    assert "nexus.3.5.d" in [clause["key"] for clause in words["clauses"]]
    assert {"key": "meeting", "label": "At a meeting"} in words["settings"]
    assert any(role["staff"] for role in words["roles"])


def test_the_vocabulary_answers_404_while_no_code_is_in_force(
    officer_client: Client, db: None
) -> None:
    response = officer_client.get("/api/v1/cases/home/vocabulary")
    assert response.status_code == 404 and isinstance(response.json()["detail"], str)


def test_a_breach_cites_a_standard_by_the_id_the_rulebook_shows_br_0(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("nexus")
    body = {
        "member_id": factory.subject_record.pk,
        "description": "Talked over others at the meeting.",
        "setting": "meeting",
        "clauses": ["nexus.3.5.d"],
        "raised_by": "staff",
    }
    raised = _post(officer_client, "/api/v1/cases/home", body)
    assert raised.status_code == 201, raised.content
    assert raised.json()["clauses"] == ["nexus.3.5.d"]


def test_a_setting_outside_the_enum_is_refused_listing_the_allowed_values(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    body = {
        "member_id": factory.subject_record.pk,
        "description": "Leaked a draft report.",
        "setting": "pub",
        "raised_by": "staff",
    }
    refused = _post(officer_client, "/api/v1/cases/home", body).json()
    assert refused["field"] == "setting" and "'scrutiny_work'" in refused["detail"]


def test_next_steps_name_the_operation_to_call_and_its_path(
    factory: Factory, officer_client: Client
) -> None:
    case: Case = factory.breach_case(preset="vela")
    read = officer_client.get(f"/api/v1/cases/home/{case.pk}").json()
    operations = {
        op["operationId"]: path for path, ops in _openapi()["paths"].items() for op in ops.values()
    }
    assert read["next_steps"]
    for step in read["next_steps"]:
        template = operations[step["operation_id"]]
        assert template.replace("{org}", "home").replace("{case_id}", str(case.pk)) == step["path"]
    assert "case_step_open_investigation" in [s["operation_id"] for s in read["next_steps"]]


def test_a_refusal_names_the_field_as_sent(factory: Factory, officer_client: Client) -> None:
    case: Case = factory.breach_case(preset="vela")
    steps = f"/api/v1/cases/home/{case.pk}/steps"
    future = {"sent_on": "2099-01-01", "channel": "post"}
    assert _post(officer_client, f"{steps}/notice", future).json()["field"] == "sent_on"
    nobody = {"role": "witness", "member_id": 999999}
    assert _post(officer_client, f"{steps}/add-person", nobody).json()["field"] == "member_id"


def test_the_case_gives_the_complaints_route_and_its_conflict_work_item(
    factory: Factory, officer_client: Client
) -> None:
    case: Case = factory.breach_case(preset="nexus", clauses=["nexus.3.5.d"])
    read = officer_client.get(f"/api/v1/cases/home/{case.pk}").json()
    assert read["complaints_route"] == "the customer complaints procedure"
    assert read["conflict_work_item_id"] == case.work_id and case.work_id is not None
    assert read["chair_stand_in"] is None


def test_the_case_names_who_acts_in_the_chairs_place_interpretation_10(
    factory: Factory, officer_client: Client
) -> None:
    case: Case = factory.breach_case(factory.chair_record, preset="herefordshire")
    read = officer_client.get(f"/api/v1/cases/home/{case.pk}").json()
    assert read["chair_stand_in"] == "Vice Chair of the Challenge Group"


def test_events_recorded_late_and_an_appeal_out_of_time_are_told_apart(
    factory: Factory, officer_client: Client
) -> None:
    case: Case = factory.breach_case(preset="vela")
    read = officer_client.get(f"/api/v1/cases/home/{case.pk}").json()
    raised = read["events"][0]
    assert "late" not in raised and raised["recorded_late"] is True  # raised 2 Nov, on 23rd
