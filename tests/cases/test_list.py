"""The officers' case list: next due date first, overdue first, bounded queries."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.cases.changes.steps import inform_member
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_case_list_runs_the_same_queries_for_3_cases_as_for_30(
    factory: Factory, officer_client: Client
) -> None:
    for _ in range(3):
        factory.breach_case(factory.panel_member())
    url = reverse("cases:list", kwargs={"org": "home"})
    api = "/api/v1/cases/home"
    few, few_api = _queries(officer_client, url), _queries(officer_client, api)
    for _ in range(27):
        factory.breach_case(factory.panel_member())
    assert _queries(officer_client, url) == few
    assert _queries(officer_client, api) == few_api


def test_cases_are_listed_by_next_due_date_overdue_first_br_5(
    factory: Factory, officer_client: Client
) -> None:
    later = factory.breach_case(factory.panel_member(), effective=dt.date(2026, 11, 20))
    inform_member(case=later, actor=None, effective=dt.date(2026, 11, 20), today=TODAY)
    overdue = factory.breach_case(factory.panel_member(), effective=dt.date(2026, 10, 1))
    inform_member(case=overdue, actor=None, effective=dt.date(2026, 10, 1), today=TODAY)
    nothing_due = factory.breach_case(factory.panel_member())
    body = officer_client.get("/api/v1/cases/home").json()
    order = [row["id"] for row in body["cases"]]
    assert order == [overdue.pk, later.pk, nothing_due.pk]
    assert body["cases"][0]["overdue"] is True
    # Ten working days from Friday 20 November: Friday 4 December.
    assert body["cases"][1]["next_due"] == "2026-12-04"
    page = officer_client.get(reverse("cases:list", kwargs={"org": "home"})).content.decode()
    assert page.index(overdue.reference) < page.index(later.reference)
    assert "Overdue" in page
