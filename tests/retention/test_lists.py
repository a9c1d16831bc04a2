"""The dry run's records of one kind and the legal holds, on the pages and in the API:
paged, filtered alike, at the same cost in queries whatever their number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.retention.holds import lift_hold, place_hold
from tests.factory import Factory
from tests.paging import assert_same_queries_at_3_and_30, queries_for
from tests.retention.clock import clock_at

API = "/api/v1/retention/home"


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(dt.date(2026, 12, 10)):
        yield


def old_claims(factory: Factory, n: int) -> None:
    """``n`` claims for an activity in 2019: past the six years claims are kept."""
    factory.claims(factory.panel_member(), n, on=dt.date(2019, 3, 1))


def holds(factory: Factory, officer: User, n: int, *, lifted: bool = False) -> None:
    for _ in range(n):
        hold = place_hold(
            organisation=factory.home, reason="A claim.", actor=officer, concern=factory.concern()
        )
        if lifted:
            lift_hold(hold=hold, reason="Settled.", actor=officer)


def test_one_kinds_records_are_listed_50_to_a_page(
    factory: Factory, officer_client: Client
) -> None:
    old_claims(factory, 51)
    due = reverse("retention:due", kwargs={"org": "home"})
    summary = officer_client.get(due).text
    assert "Expense and reward claims: 51" in summary and "See all 51" in summary
    page = officer_client.get(due, {"kind": "expenses", "page": 2}).text
    assert "51 records" in page and page.count("Claim by ") == 1
    body = officer_client.get(f"{API}/due", {"kind": "expenses"}).json()
    assert (body["count"], body["pages"], len(body["due"])) == (51, 2, 50)
    assert {row["kind"] for row in body["due"]} == {"expenses"}
    assert officer_client.get(f"{API}/due", {"kind": "letters"}).json()["count"] == 0


def test_a_kind_that_does_not_exist_is_refused(officer_client: Client) -> None:
    page = officer_client.get(reverse("retention:due", kwargs={"org": "home"}), {"kind": "x"})
    assert "Select a kind of record from the list" in page.text
    refused = officer_client.get(f"{API}/due", {"kind": "x"})
    assert refused.status_code == 422 and refused.json()["field"] == "kind"


def test_one_kinds_records_cost_the_same_queries_for_3_and_30(
    factory: Factory, officer_client: Client
) -> None:
    page = reverse("retention:due", kwargs={"org": "home"}) + "?kind=expenses"
    assert_same_queries_at_3_and_30(officer_client, page, lambda n: old_claims(factory, n))


def test_the_due_api_costs_the_same_queries_for_3_and_30(
    factory: Factory, officer_client: Client
) -> None:
    assert_same_queries_at_3_and_30(officer_client, f"{API}/due", lambda n: old_claims(factory, n))


def test_holds_are_filtered_alike_on_the_page_and_in_the_api(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    holds(factory, officer, 2)
    holds(factory, officer, 1, lifted=True)
    page = reverse("retention:holds", kwargs={"org": "home"})
    assert "3 legal holds" in officer_client.get(page).text
    assert "2 legal holds" in officer_client.get(page, {"state": "in_force"}).text
    lifted = officer_client.get(f"{API}/legal-holds", {"state": "lifted"}).json()
    assert lifted["count"] == 1 and lifted["holds"][0]["lifted_reason"] == "Settled."
    assert officer_client.get(f"{API}/legal-holds").json()["count"] == 3
    assert officer_client.get(f"{API}/legal-holds", {"state": "gone"}).status_code == 422
    assert "Select which holds to show" in officer_client.get(page, {"state": "gone"}).text


def test_the_holds_api_costs_the_same_queries_for_3_and_30(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    assert_same_queries_at_3_and_30(
        officer_client, f"{API}/legal-holds", lambda n: holds(factory, officer, n, lifted=True)
    )


# The session with its sign-in and its user, the grant; the holds, the periods set and the
# code in force; every part of every kind counted in one query; the audit trail's count
# and its next entry. The dry run then reads the first records of each kind it shows.
SCHEDULE_QUERIES = 8


@pytest.mark.parametrize(
    ("url", "ceiling"),
    [
        ("/organisations/home/retention/", SCHEDULE_QUERIES),
        (f"{API}/schedule", SCHEDULE_QUERIES),
        ("/organisations/home/retention/due/", SCHEDULE_QUERIES + 1),
        (f"{API}/due", SCHEDULE_QUERIES),
    ],
)
def test_the_schedule_and_the_dry_run_count_every_kind_in_a_fixed_number_of_queries(
    factory: Factory, officer_client: Client, url: str, ceiling: int
) -> None:
    counts = []
    for added in (3, 27):
        old_claims(factory, added)
        counts.append(queries_for(officer_client, url))
    assert counts[0] == counts[1] <= ceiling
