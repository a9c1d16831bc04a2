"""The deadline planner on the rulebook page and in the API (BR-5, BR-11, BR-12;
Interpretations 1 and 2): the organisation's code in force, region and closure days, and
the same refusals from both."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.organisations.models import Organisation
from tests.factory import Factory
from tests.organisations.test_api import bearer

RULEBOOK = reverse("organisations:rulebook", kwargs={"org": "home"})
API = "/api/v1/organisations/home/rulebook/deadlines"


def asked(step: str, day: str) -> dict[str, str]:
    """The page's query for ``step`` on ``day`` (YYYY-MM-DD)."""
    year, month, date = day.split("-") if day else ("", "", "")
    return {"step": step, "on_day": date, "on_month": month, "on_year": year}


def api(client: Client, factory: Factory, user: User, **query: str) -> Any:
    return client.get(API, query, headers=bearer(factory, user))


def test_the_rulebook_offers_the_codes_steps_and_plans_none_until_asked(
    factory: Factory, auditor_client: Client
) -> None:
    factory.code_in_force("vela")
    response = auditor_client.get(RULEBOOK)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Plan the deadlines" in content and 'method="get"' in content
    assert "Written notice of the decision is posted" in content
    assert "The member is told of the investigation" in content
    assert "The report is received" not in content  # vela starts no clock there
    assert "planned" not in response.context


def test_a_step_and_a_date_show_each_deadline_in_words_br_12(
    factory: Factory, auditor_client: Client
) -> None:
    factory.code_in_force("vela")
    response = auditor_client.get(RULEBOOK, asked("notice_posted", "2026-12-24"))
    content = response.content.decode()
    assert "If written notice of the decision is posted on Thursday 24 December 2026" in content
    assert "Notice counts as received" in content
    assert "Wednesday 30 December 2026" in content
    assert "Last day to appeal" in content and "Thursday 14 January 2027" in content
    assert "10 working days after Wednesday 30 December 2026" in content
    assert "(BR-12, Interpretation 2)" in content
    assert "2026-12-" not in content


def test_the_organisations_region_and_closure_days_are_counted(
    factory: Factory, officer_client: Client, auditor: User, client: Client
) -> None:
    factory.code_in_force("vela")
    Organisation.objects.filter(pk=factory.home.pk).update(region="SCT")
    factory.closure_day(date=dt.date(2026, 12, 29), reason="Office move")
    page = officer_client.get(RULEBOOK, asked("notice_posted", "2026-12-24"))
    assert "bank holidays of Scotland" in page.content.decode()
    # 29th closed, 30th and 31st the two working days.
    assert "Thursday 31 December 2026" in page.content.decode()
    body = api(client, factory, auditor, step="notice_posted", on="2026-12-24").json()
    assert body["region"] == "SCT"
    assert [(d["key"], d["on"]) for d in body["dates"]] == [
        ("notice_received", "2026-12-31"),
        ("appeal_window", "2027-01-18"),
    ]


def test_the_api_gives_the_same_plan_with_plain_values(
    factory: Factory, client: Client, auditor: User
) -> None:
    factory.code_in_force("nexus")
    response = api(client, factory, auditor, step="decision_made", on="2026-12-24")
    assert response.status_code == 200
    body = response.json()
    assert (body["step"], body["on"]) == ("decision_made", "2026-12-24")
    assert body["step_label"] == "the decision is made"
    (notice,) = body["dates"]
    assert notice["key"] == "notice" and notice["on"] == "2026-12-27"
    assert (notice["within"], notice["working_days"], notice["deadline"]) == ("3 days", False, True)
    assert "BR-11" in notice["rules"] and len(notice["applies_to"]) == 3


@pytest.mark.parametrize(
    ("step", "day", "field", "message"),
    [
        ("", "2026-12-24", "step", "Choose the step that happened"),
        ("report_received", "2026-12-24", "step", "Choose the step that happened"),
        ("notice_posted", "", "on", "Enter the date the step happened"),
        ("notice_posted", "2026-02-30", "on", "The date the step happened must be a real date"),
        ("notice_posted", "1999-12-31", "on", "Choose a day from 1 January 2000"),
    ],
)
def test_the_page_and_the_api_refuse_the_same_input_alike(
    factory: Factory,
    client: Client,
    auditor: User,
    auditor_client: Client,
    step: str,
    day: str,
    field: str,
    message: str,
) -> None:
    factory.code_in_force("vela")
    page = auditor_client.get(RULEBOOK, asked(step, day))
    assert page.status_code == 200
    assert "planned" not in page.context
    assert any(message in error for error in page.context["form"].errors[field])
    assert "There is a problem" in page.content.decode()
    response = api(client, factory, auditor, step=step, on=day)
    assert response.status_code == 422
    body = response.json()
    assert (body["field"], body["rule"]) == (field, "validation")
    assert message in body["detail"]


def test_without_a_code_in_force_there_is_no_planner_and_the_api_says_why(
    factory: Factory, client: Client, auditor: User, auditor_client: Client
) -> None:
    assert auditor_client.get(RULEBOOK).context["form"] is None
    response = api(client, factory, auditor, step="notice_posted", on="2026-12-24")
    assert response.status_code == 422
    assert "sets no deadlines for a breach" in response.json()["detail"]


def test_another_organisations_planner_answers_404(
    factory: Factory, client: Client, outsider: User
) -> None:
    factory.code_in_force("vela")
    factory.code_in_force("vela", factory.other)
    headers = bearer(factory, outsider, factory.other)
    response = client.get(API, {"step": "notice_posted", "on": "2026-12-24"}, headers=headers)
    assert response.status_code == 404
