"""The concerns list, on the page and in the API: paged, filtered by status and the days
received, with the same filters and refusals in both."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.concerns.models import Concern
from tests.factory import Factory
from tests.paging import as_page_form, assert_same_queries_at_3_and_30

API = "/api/v1/concerns/home"


def received(concern: Concern, day: dt.date, *, closed: bool = False) -> Concern:
    """``concern`` as if received late in the evening of ``day`` (local time), and closed
    that day where ``closed``."""
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(23, 30)))
    shut = {"status": "closed", "closed_on": day, "closed_reason": "Not a member."}
    Concern.objects.filter(pk=concern.pk).update(received_at=at, **(shut if closed else {}))
    return concern


@pytest.fixture
def mixed(factory: Factory) -> dict[str, Concern]:
    return {
        "october": received(factory.concern(), dt.date(2026, 10, 5)),
        "closed": received(factory.concern(), dt.date(2026, 11, 2), closed=True),
        "november": received(factory.concern(anonymous=True), dt.date(2026, 11, 20)),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "closed"}, ["closed"]),
        ({"status": "received"}, ["november", "october"]),
        ({"since": "2026-11-01", "until": "2026-11-20"}, ["november", "closed"]),
        ({"until": "2026-11-19"}, ["closed", "october"]),
        ({"since": "2026-11-20", "until": "2026-11-20"}, ["november"]),
    ],
)
def test_the_page_and_the_api_filter_alike(
    officer_client: Client, mixed: dict[str, Concern], query: dict[str, str], expected: list[str]
) -> None:
    ids = [mixed[name].pk for name in expected]
    listed = officer_client.get(API, query)
    assert [row["id"] for row in listed.json()["concerns"]] == ids
    page = officer_client.get(reverse("concerns:list", kwargs={"org": "home"}), as_page_form(query))
    shown = [c.pk for c in mixed.values() if f"/concerns/{c.pk}/" in page.text]
    assert sorted(shown) == sorted(ids)
    assert f"{len(ids)} concern" in page.text


def test_the_list_is_paged_50_at_a_time(factory: Factory, officer_client: Client) -> None:
    for _ in range(51):
        factory.concern()
    body = officer_client.get(API, {"page": 2}).json()
    assert (body["page"], body["pages"], body["count"], len(body["concerns"])) == (2, 2, 51, 1)
    page = officer_client.get(reverse("concerns:list", kwargs={"org": "home"})).text
    assert "51 concerns" in page and "Next" in page


def test_nothing_matching_says_so_and_bad_filters_show_why(
    officer_client: Client, mixed: dict[str, Concern]
) -> None:
    url = reverse("concerns:list", kwargs={"org": "home"})
    none = officer_client.get(url, as_page_form({"since": "2027-01-01"})).text
    assert "No concerns match these filters." in none
    bad: dict[str, Any] = {"status": "lost", "until_day": "31", "until_month": "4"}
    page = officer_client.get(url, bad | {"until_year": "2026"}).text
    assert "Select a status from the list" in page and "The last day must be a real date" in page
    assert "3 concerns" in page


def test_the_api_refuses_filters_the_page_would_not_take(officer_client: Client) -> None:
    backwards = officer_client.get(API, {"since": "2026-11-02", "until": "2026-11-01"})
    assert backwards.status_code == 422 and backwards.json()["field"] == "until"
    assert officer_client.get(API, {"status": "lost"}).status_code == 422


def test_the_api_list_runs_the_same_queries_for_3_and_30_concerns(
    factory: Factory, officer_client: Client
) -> None:
    def add(n: int) -> None:
        for _ in range(n):
            factory.concern()

    assert_same_queries_at_3_and_30(officer_client, f"{API}?status=received", add)
