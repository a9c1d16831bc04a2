"""The officers' case list: next due date first, overdue first, bounded queries."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.cases.changes.steps import inform_member
from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import assess_case
from panelkeeper.cases.recount import recount_due_dates
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


def test_a_case_keeps_which_deadline_is_next_as_its_page_reads_it_br_5(factory: Factory) -> None:
    case = factory.breach_case(factory.panel_member(), effective=dt.date(2026, 11, 2))
    inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=TODAY)
    case.refresh_from_db()
    nearest = assess_case(case, as_of=TODAY).next_deadline
    assert nearest is not None
    assert (case.next_due, case.next_deadline, case.next_due_in_working_days) == (
        nearest.due,
        nearest.key,
        nearest.working_days,
    )
    # A copy lost (as before the column was added) is written again by the recount.
    Case.objects.filter(pk=case.pk).update(next_deadline="", next_due_in_working_days=False)
    assert recount_due_dates(organisation=factory.home, today=TODAY) == 1
    case.refresh_from_db()
    assert (case.next_deadline, case.next_due_in_working_days) == ("conclude", True)
    assert recount_due_dates(organisation=factory.home, today=TODAY) == 0
