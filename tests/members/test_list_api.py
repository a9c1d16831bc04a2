"""The members list in the API: paged as the other lists are, searched and filtered by
the members page's own form."""

from __future__ import annotations

from django.test import Client

from tests.factory import Factory
from tests.paging import assert_same_queries_at_3_and_30

API = "/api/v1/members/home/members"


def test_the_list_is_by_name_50_to_a_page(factory: Factory, officer_client: Client) -> None:
    factory.many_members(51)
    body = officer_client.get(API).json()
    assert (body["page"], body["pages"], body["count"], len(body["members"])) == (1, 2, 51, 50)
    names = [m["full_name"] for m in body["members"]]
    assert names == sorted(names)
    assert len(officer_client.get(API, {"page": 2}).json()["members"]) == 1


def test_a_search_the_page_would_refuse_is_refused(officer_client: Client) -> None:
    long = officer_client.get(API, {"q": "x" * 101})
    assert long.status_code == 422 and long.json()["field"] == "q"
    assert officer_client.get(API, {"sign_in": "sometimes"}).status_code == 422


def test_the_list_runs_the_same_queries_for_3_and_30_members(
    factory: Factory, officer_client: Client
) -> None:
    url = f"{API}?q=member&sign_in=not_invited"
    assert_same_queries_at_3_and_30(officer_client, url, factory.many_members)
