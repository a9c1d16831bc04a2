"""The API does what the pages do: a vela breach raised, taken to an outcome and appealed,
each step with its effective date, and the case read on a past date (as_of)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from panelkeeper.cases.models import Case
from tests.factory import Factory


def _post(client: Client, url: str, body: dict[str, Any], status: int = 200) -> dict[str, Any]:
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == status, response.content
    return response.json()  # type: ignore[no-any-return]


def test_a_vela_breach_through_the_api_to_an_outcome_and_an_appeal(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    raised = _post(
        officer_client,
        "/api/v1/cases/home",
        {
            "member_id": factory.subject_record.pk,
            "description": "Leaked a draft report.",
            "setting": "scrutiny_work",
            "clauses": ["confidentiality_statement"],
            "raised_by": "staff",
            "effective": "2026-11-02",
            "reporter_name": "Rita Reporter",
        },
        201,
    )
    assert raised["routed_to"] == "Customer Involvement Team"
    assert raised["reporter"] == "Rita Reporter"
    steps = f"/api/v1/cases/home/{raised['id']}/steps"
    _post(officer_client, f"{steps}/open-investigation", {"effective": "2026-11-03"})
    for role in ("customer_involvement_team", "service_improvement_team"):
        _post(
            officer_client,
            f"{steps}/seat",
            {"role_key": role, "user_id": factory.user().pk, "effective": "2026-11-04"},
        )
    _post(
        officer_client,
        f"{steps}/seat",
        {
            "role_key": "involved_customer",
            "member_id": factory.panel_member().pk,
            "effective": "2026-11-04",
        },
    )
    _post(officer_client, f"{steps}/convene", {"effective": "2026-11-05"})
    found = _post(
        officer_client, f"{steps}/determine", {"level": "major", "effective": "2026-11-10"}
    )
    assert [o["key"] for o in found["outcomes_on_offer"]] == ["asked_to_leave"]
    _post(
        officer_client, f"{steps}/outcome", {"outcome": "asked_to_leave", "effective": "2026-11-10"}
    )
    told = _post(
        officer_client,
        f"{steps}/notice",
        {"sent_on": "2026-11-11", "to": "Sam Subject", "channel": "post"},
    )
    # Posted Wednesday 11th, received Friday 13th; ten working days end on Friday 27th.
    assert told["appeal"]["window_closes"] == "2026-11-27"
    appealed = _post(officer_client, f"{steps}/appeal", {"received_on": "2026-11-16"})
    assert appealed["state"] == "appealed" and appealed["appeal"]["late"] is False

    refused = officer_client.post(
        f"{steps}/outcome", {"outcome": "asked_to_leave"}, content_type="application/json"
    )
    assert refused.status_code == 422 and refused.json()["rule"] == "BR-10"

    earlier = officer_client.get(f"/api/v1/cases/home/{raised['id']}", {"as_of": "2026-11-03"})
    assert earlier.json()["as_of"] == "2026-11-03"
    assert Case.objects.get().appeal_officer is not None
