"""The API does what the pages do: a vela breach raised, taken to an outcome and appealed,
each step with its effective date, and the case read on a past date (as_of)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.steps import (
    inform_member,
    open_investigation,
    record_determination,
    record_notice,
    record_outcome,
)
from panelkeeper.cases.models import Case
from tests.cases.helpers import date_input
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def _post(client: Client, url: str, body: dict[str, Any], status: int = 200) -> dict[str, Any]:
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == status, response.content
    return response.json()  # type: ignore[no-any-return]


def _nexus_reminder_on_5_november(factory: Factory) -> Case:
    """A nexus minor breach ended with a reminder on 5 November: notice due in three days."""
    factory.code_in_force("nexus")
    on = dt.date(2026, 11, 5)
    case: Case = factory.breach_case(
        factory.panel_member(), preset="nexus", raised_by="staff", today=on
    )
    open_investigation(case=case, actor=None, effective=on, today=on)
    record_determination(case=case, level="minor", actor=None, effective=on, today=on)
    record_outcome(case=case, outcome="reminder", actor=None, effective=on, today=on)
    return case


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
    raised_case = Case.objects.get(pk=raised["id"])
    for role in ("customer_involvement_team", "service_improvement_team"):
        _post(
            officer_client,
            f"{steps}/seat",
            {
                "role_key": role,
                "user_id": factory.invited_to_case(raised_case).pk,
                "effective": "2026-11-04",
            },
        )
    _post(
        officer_client,
        f"{steps}/seat",
        {
            "role_key": "involved_customer",
            "member_id": factory.involved_customer().pk,
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
    assert appealed["state"] == "appealed" and appealed["appeal"]["out_of_time"] is False

    refused = officer_client.post(
        f"{steps}/outcome", {"outcome": "asked_to_leave"}, content_type="application/json"
    )
    assert refused.status_code == 422 and refused.json()["rule"] == "BR-10"

    earlier = officer_client.get(f"/api/v1/cases/home/{raised['id']}", {"as_of": "2026-11-03"})
    assert earlier.json()["as_of"] == "2026-11-03"
    assert Case.objects.get().appeal_officer is not None


def test_a_deadline_met_a_day_late_is_late_in_the_api_as_on_the_page_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = _nexus_reminder_on_5_november(factory)
    record_notice(case=case, sent_on=dt.date(2026, 11, 9), channel="email", actor=None, today=TODAY)
    page = officer_client.get(
        reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    ).content.decode()
    assert "Met on 9 November 2026" in page and ">Late<" in page
    answer = officer_client.get(f"/api/v1/cases/home/{case.pk}").json()
    notice = next(d for d in answer["deadlines"] if d["key"] == "notice")
    # Three calendar days from the private meeting on 5 November: due on the 8th.
    assert notice["due"] == "2026-11-08" and notice["met_on"] == "2026-11-09"
    assert notice["status"] == "met" and notice["late"] is True


def test_a_deadline_in_calendar_days_says_days_left_not_working_days_interpretation_1(
    factory: Factory, officer_client: Client
) -> None:
    case = _nexus_reminder_on_5_november(factory)
    # Friday 6 November: two calendar days to Sunday the 8th, though no working day.
    as_of = dt.date(2026, 11, 6)
    page = officer_client.get(
        reverse("cases:detail", kwargs={"org": "home", "pk": case.pk}), date_input("as_of", as_of)
    ).content.decode()
    assert "2 days left" in page and "working day" not in page.split("Due dates")[1]
    answer = officer_client.get(f"/api/v1/cases/home/{case.pk}", {"as_of": "2026-11-06"}).json()
    notice = next(d for d in answer["deadlines"] if d["key"] == "notice")
    assert notice["working_days"] is False
    assert notice["days_left"] == 2 and notice["working_days_left"] is None


def test_a_deadline_in_working_days_still_says_working_days_left_br_5(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    on = dt.date(2026, 11, 2)
    case = factory.breach_case(factory.panel_member(), preset="vela", today=on)
    inform_member(case=case, actor=None, effective=on, today=on)
    answer = officer_client.get(f"/api/v1/cases/home/{case.pk}", {"as_of": "2026-11-02"}).json()
    conclude = next(d for d in answer["deadlines"] if d["key"] == "conclude")
    assert conclude["working_days"] is True and conclude["days_left"] is None
    # Ten working days from Monday 2 November end on Monday 16 November.
    assert conclude["due"] == "2026-11-16" and conclude["working_days_left"] == 10
