"""``as_of`` after today is a projection: what will be due and overdue on that day if
nothing more is recorded, marked so on the case page and in every API read that takes
``as_of`` (DESIGN "The API"; BR-5)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.cases.changes.steps import inform_member
from panelkeeper.cases.models import Case
from panelkeeper.rules.dates import long_date
from tests.cases.helpers import date_input
from tests.factory import Factory

API = "/api/v1/cases/home"


def _informed_today(factory: Factory) -> tuple[Case, dt.date]:
    """A vela breach whose member was told today: ten working days to deal with it."""
    today = timezone.localdate()
    case: Case = factory.breach_case(
        factory.panel_member(), preset="vela", effective=today, today=today
    )
    inform_member(case=case, actor=None, effective=today, today=today)
    return case, today


def _conclude(answer: dict[str, Any]) -> dict[str, Any]:
    return next(d for d in answer["deadlines"] if d["key"] == "conclude")  # type: ignore[no-any-return]


def test_a_later_as_of_projects_the_deadlines_and_says_so_in_the_api_br_5(
    factory: Factory, officer_client: Client
) -> None:
    case, today = _informed_today(factory)
    now = officer_client.get(f"{API}/{case.pk}").json()
    assert now["projection"] is False and now["as_of"] == today.isoformat()
    due = dt.date.fromisoformat(_conclude(now)["due"])
    assert due > today
    on_the_day = officer_client.get(f"{API}/{case.pk}", {"as_of": due.isoformat()}).json()
    assert (on_the_day["projection"], on_the_day["as_of"]) == (True, due.isoformat())
    assert _conclude(on_the_day)["status"] == "due"
    assert _conclude(on_the_day)["working_days_left"] == 0
    after = (due + dt.timedelta(days=1)).isoformat()
    day_after = officer_client.get(f"{API}/{case.pk}", {"as_of": after}).json()
    assert day_after["projection"] is True
    assert _conclude(day_after)["status"] == "overdue"


def test_the_case_list_projects_overdue_from_a_later_as_of(
    factory: Factory, officer_client: Client
) -> None:
    case, today = _informed_today(factory)
    listed = officer_client.get(API).json()
    assert listed["projection"] is False
    assert [(c["id"], c["overdue"]) for c in listed["cases"]] == [(case.pk, False)]
    later = (today + dt.timedelta(days=60)).isoformat()
    projected = officer_client.get(API, {"as_of": later}).json()
    assert (projected["projection"], projected["as_of"]) == (True, later)
    assert [(c["id"], c["overdue"]) for c in projected["cases"]] == [(case.pk, True)]
    assert projected["cases"][0]["working_days_left"] < 0


def test_a_case_you_have_a_part_in_is_projected_too(factory: Factory) -> None:
    client = Client()
    client.force_login(factory.subject())
    later = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    answer = client.get(f"/api/v1/cases/mine/{factory.the_case.pk}", {"as_of": later}).json()
    assert (answer["projection"], answer["as_of"]) == (True, later)
    earlier = client.get(f"/api/v1/cases/mine/{factory.the_case.pk}", {"as_of": "2026-11-03"})
    assert earlier.json()["projection"] is False


def test_the_case_page_marks_a_projection_and_counts_from_it(
    factory: Factory, officer_client: Client
) -> None:
    case, today = _informed_today(factory)
    url = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    later = today + dt.timedelta(days=60)
    page = officer_client.get(url, date_input("as_of", later)).content.decode()
    assert f"Projected for {long_date(later)}: if nothing more is recorded." in page
    assert "Overdue" in page
    assert "As it stood on" not in page
    # No steps are offered on a projection: they are taken today.
    assert "Next steps the code allows" not in page
    today_page = officer_client.get(url).content.decode()
    assert "Projected for" not in today_page and "Next steps the code allows" in today_page


def test_a_past_as_of_is_still_history_not_a_projection(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    url = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    page = officer_client.get(url, date_input("as_of", dt.date(2026, 11, 3))).content.decode()
    assert "As it stood on 3 November 2026" in page and "Projected for" not in page


def test_a_day_past_the_last_readable_one_is_refused_alike_on_the_page_and_in_the_api(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    url = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    page = officer_client.get(url, date_input("as_of", dt.date(2100, 1, 1)))
    assert page.status_code == 200
    assert "Choose a date no later than 31 December 2099" in page.content.decode()
    assert page.context["reading"].as_of == timezone.localdate()
    for path in (f"{API}/{case.pk}", API):
        response = officer_client.get(path, {"as_of": "2100-01-01"})
        assert response.status_code == 422
        body = response.json()
        assert (body["field"], body["rule"]) == ("as_of", "validation")
        assert "no later than 31 December 2099" in body["detail"]
