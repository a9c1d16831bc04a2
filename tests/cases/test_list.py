"""The officers' case list: next due date first, overdue first, bounded queries."""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.cases.changes.steps import inform_member
from panelkeeper.cases.listing import Listed, case_rows, listed_cases
from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import assess_case
from panelkeeper.cases.recount import recount_due_dates
from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar
from panelkeeper.rules.ladder.model import NO_BREACH
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


def _case(pk: int, *, state: str, level: str = "", due: dt.date | None = None) -> Listed:
    return (pk, state, level, due, f"Member <{pk}>")


def test_each_row_says_the_state_the_level_and_the_working_days_left_br_5() -> None:
    cases = [
        _case(7, state="investigating", level="minor", due=dt.date(2026, 11, 24)),
        _case(8, state="reported", due=dt.date(2026, 11, 23)),
        _case(9, state="decided", level=NO_BREACH, due=dt.date(2026, 11, 30)),
        _case(10, state="informal", due=dt.date(2026, 11, 20)),
        _case(11, state="closed", level="extra_training"),
    ]
    rows = case_rows(
        cases, today=TODAY, calendar=WorkingCalendar(Region.ENG), link=lambda pk: f"/c/{pk}/"
    )
    shown = [(r["reference"], r["member"], r["state"], r["due"], r["days_left"]) for r in rows]
    assert shown == [
        (
            "C-00007",
            "Member <7>",
            "Being investigated (minor)",
            "24 November 2026",
            "1 working day left",
        ),
        ("C-00008", "Member <8>", "Reported", "23 November 2026", "0 working days left"),
        ("C-00009", "Member <9>", "Decided (no breach)", "30 November 2026", "5 working days left"),
        ("C-00010", "Member <10>", "Informal stage", "20 November 2026", ""),
        ("C-00011", "Member <11>", "Closed (extra training)", "", ""),
    ]
    assert [r["left"] for r in rows] == [1, 0, 5, -1, None]
    assert [r["link"] for r in rows][:2] == ["/c/7/", "/c/8/"]


def test_the_list_shows_a_case_not_yet_overdue_with_its_working_days_left_br_5(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.breach_case(factory.panel_member(full_name="Ann & Bo"))
    Case.objects.filter(pk=case.pk).update(next_due=TODAY + dt.timedelta(days=3650))
    page = officer_client.get(reverse("cases:list", kwargs={"org": "home"})).content.decode()
    assert f'">{case.reference}</a></td>' in page
    assert '<td class="govuk-table__cell">Ann &amp; Bo</td>' in page
    assert re.search(r'<span class="govuk-body-s">\(\d{4} working days left\)</span>', page)
    assert "Overdue" not in page


def test_the_list_reads_each_case_with_its_members_name_by_next_due_br_5(
    factory: Factory,
) -> None:
    later = factory.breach_case(factory.panel_member(full_name="Cy Later"))
    sooner = factory.breach_case(factory.panel_member(full_name="Di Sooner"))
    Case.objects.filter(pk=later.pk).update(next_due=dt.date(2026, 12, 4), level="minor")
    Case.objects.filter(pk=sooner.pk).update(next_due=dt.date(2026, 11, 24))
    assert list(listed_cases(factory.home)) == [
        (sooner.pk, sooner.state, "", dt.date(2026, 11, 24), "Di Sooner"),
        (later.pk, later.state, "minor", dt.date(2026, 12, 4), "Cy Later"),
    ]
