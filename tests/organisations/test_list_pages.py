"""The organisation's lists in the API (staff, invitations, titles and their holders,
closure days, versions of the code), a case's guests and one's own cases: each answers
a page, at the same cost in queries whatever its length. (Invitations to a title wait
one a title at most, so the titles a code declares bound them.)"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest
from django.test import Client

from panelkeeper.accounts.models import Grant
from tests.factory import Factory
from tests.paging import assert_same_queries_at_3_and_30

ORG = "/api/v1/organisations/home"
_serial = count(1)


def title() -> str:
    """A staff title of its own, so that each holder's term is open."""
    return f"title_{next(_serial)}"


def repeat(make: Callable[[], object]) -> Callable[[int], None]:
    def add(n: int) -> None:
        for _ in range(n):
            make()

    return add


LISTS: list[tuple[str, str, Callable[[Factory], Callable[[int], None]]]] = [
    (f"{ORG}/staff", "staff", lambda f: repeat(lambda: f.staff(Grant.Role.AUDITOR))),
    (f"{ORG}/invitations", "invitations", lambda f: repeat(f.invitation)),
    (f"{ORG}/role-holders", "role_holders", lambda f: repeat(lambda: f.role_holder(title()))),
    (
        f"{ORG}/role-holders/people",
        "people",
        lambda f: repeat(lambda: f.staff(Grant.Role.AUDITOR)),
    ),
    (f"{ORG}/closure-days", "closure_days", lambda f: repeat(f.closure_day)),
    (f"{ORG}/policy-versions", "versions", lambda f: repeat(f.draft_version)),
]


@pytest.mark.parametrize(
    ("url", "rows", "adder"), LISTS, ids=[row[1] + row[0][-8:] for row in LISTS]
)
def test_an_organisation_list_is_paged_at_the_same_cost_for_3_and_30(
    factory: Factory,
    officer_client: Client,
    url: str,
    rows: str,
    adder: Callable[[Factory], Callable[[int], None]],
) -> None:
    assert_same_queries_at_3_and_30(officer_client, url, adder(factory))
    body = officer_client.get(url).json()
    assert body["page"] == 1 and body["count"] >= 30 and len(body[rows]) == body["count"]
    add = adder(factory)
    add(50 - body["count"] + 1)
    second = officer_client.get(url, {"page": 2}).json()
    assert (second["page"], second["pages"], second["count"]) == (2, 2, 51)
    assert len(second[rows]) == 1


def test_a_cases_guests_are_paged_at_the_same_cost_for_3_and_30(
    factory: Factory, officer_client: Client
) -> None:
    url = f"/api/v1/cases/home/{factory.the_case.pk}/guests"
    assert_same_queries_at_3_and_30(officer_client, url, repeat(factory.case_invitation))
    assert officer_client.get(url).json()["count"] == 30


def test_ones_own_cases_are_paged_at_the_same_cost_for_3_and_30(factory: Factory) -> None:
    client = Client()
    client.force_login(factory.subject())
    add = repeat(lambda: factory.breach_case(factory.subject_record))
    assert_same_queries_at_3_and_30(client, "/api/v1/cases/mine", add)
    body = client.get("/api/v1/cases/mine").json()
    assert body["count"] >= 30 and len(body["cases"]) == body["count"]
