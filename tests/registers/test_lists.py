"""The registers' lists a page at a time, and their filters, on pages and through the API."""

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.registers.interests import confirm_register, review_cutoff
from panelkeeper.registers.listing import interest_register
from panelkeeper.registers.views.officer import PAGE_SIZE
from tests.factory import Factory

API = "/api/v1/registers/home"


def url(name: str) -> str:
    return reverse(f"registers:{name}", kwargs={"org": "home"})


@pytest.fixture
def people(factory: Factory) -> dict[str, Any]:
    """Ann in the panel with a current job; Bob in a second group, whose interest ended."""
    ann = factory.panel_member(full_name="Ann Avery")
    other_group = factory.group(factory.home, name="Estate Forum")
    bob = factory.panel_member(other_group, full_name="Bob Brown")
    factory.interest(ann, kind="employment", description="Job at the council")
    factory.interest(
        bob, kind="personal", description="Lives on the estate", ends_on=dt.date(2026, 3, 1)
    )
    factory.gift(ann, description="Early cake", given_on=dt.date(2026, 3, 2))
    factory.gift(bob, description="Late flowers", given_on=dt.date(2026, 10, 20))
    factory.work_item(title="Repairs scrutiny")
    factory.work_item(title="Agenda on lifts", kind="agenda_item")
    return {"ann": ann, "bob": bob, "group": other_group}


def test_the_interests_register_filters_by_group(
    auditor_client: Client, people: dict[str, Any]
) -> None:
    group = people["group"].pk
    page = auditor_client.get(url("interests"), {"group": group})
    assert "Lives on the estate" in page.text and "Job at the council" not in page.text
    assert "1 interest match your filters" in page.text


def test_an_invalid_filter_shows_its_message_and_the_whole_register(
    officer_client: Client, factory: Factory, people: dict[str, Any]
) -> None:
    elsewhere = factory.group(factory.other, name="Not ours")
    for bad in ({"group": elsewhere.pk}, {"group": "lots"}, {"kind": "nonsense"}):
        page = officer_client.get(url("interests"), bad)
        assert page.status_code == 200
        assert "There is a problem" in page.text and "from the list" in page.text
        assert "Job at the council" in page.text and "Lives on the estate" in page.text


def test_no_interests_matching_says_so(officer_client: Client, people: dict[str, Any]) -> None:
    page = officer_client.get(url("interests"), {"name": "Zed"})
    assert "No interests match your filters." in page.text


def test_the_gifts_register_filters_by_name_and_dates_given(
    officer_client: Client, people: dict[str, Any]
) -> None:
    page = officer_client.get(url("gifts"), {"name": "bob"})
    assert "Late flowers" in page.text and "Early cake" not in page.text
    since = {"given_from_day": "1", "given_from_month": "10", "given_from_year": "2026"}
    page = officer_client.get(url("gifts"), since)
    assert "Late flowers" in page.text and "Early cake" not in page.text
    until = {"given_to_day": "31", "given_to_month": "3", "given_to_year": "2026"}
    page = officer_client.get(url("gifts"), until)
    assert "Early cake" in page.text and "Late flowers" not in page.text


def test_dates_the_wrong_way_round_show_a_message_and_every_gift(
    officer_client: Client, people: dict[str, Any]
) -> None:
    wrong = {
        **{"given_from_day": "1", "given_from_month": "10", "given_from_year": "2026"},
        **{"given_to_day": "1", "given_to_month": "3", "given_to_year": "2026"},
    }
    page = officer_client.get(url("gifts"), wrong)
    assert "The last date must be the same as or after the first date" in page.text
    assert "Early cake" in page.text and "Late flowers" in page.text
    page = officer_client.get(url("gifts"), {"given_from_day": "31", "given_from_month": "2"})
    assert "The first date must include a year" in page.text


def test_work_is_filtered_by_title_and_kind(officer_client: Client, people: dict[str, Any]) -> None:
    page = officer_client.get(url("work_items"), {"title": "repairs"})
    assert "Repairs scrutiny" in page.text and "Agenda on lifts" not in page.text
    page = officer_client.get(url("work_items"), {"kind": "agenda_item"})
    assert "Agenda on lifts" in page.text and "Repairs scrutiny" not in page.text
    page = officer_client.get(url("work_items"), {"kind": "meeting"})
    assert "Select a kind of work from the list" in page.text
    assert "Agenda on lifts" in page.text and "Repairs scrutiny" in page.text


def test_the_register_is_shown_a_page_at_a_time(officer_client: Client, factory: Factory) -> None:
    member = factory.panel_member(full_name="Prolific Declarer")
    for n in range(PAGE_SIZE + 1):
        factory.interest(
            member,
            description=f"Interest number {n:03d}",
            starts_on=dt.date(2026, 1, 1) + dt.timedelta(days=n),
        )
    first = officer_client.get(url("interests"))
    assert "Interest number 050" in first.text and "Interest number 000" not in first.text
    assert 'rel="next"' in first.text
    second = officer_client.get(url("interests"), {"page": "2", "name": "prolific"})
    assert "Interest number 000" in second.text and "Interest number 050" not in second.text
    assert "name=prolific" in second.text  # the links keep the filters


def test_only_members_due_are_listed_for_review_coi_1(
    officer_client: Client, factory: Factory
) -> None:
    officer = factory.officer()
    today = timezone.localdate()
    stale = factory.panel_member(full_name="Sam Stale")
    fresh = factory.panel_member(full_name="Fay Fresh")
    factory.panel_member(full_name="Never Declared")
    confirm_register(member=stale, nil=True, actor=officer, today=today - dt.timedelta(days=400))
    confirm_register(member=fresh, nil=True, actor=officer, today=today)
    page = officer_client.get(url("reviews_due"))
    assert "Sam Stale" in page.text and "Never Declared" in page.text
    assert "Fay Fresh" not in page.text
    assert "2 members must confirm or update" in page.text


@pytest.mark.parametrize(
    ("today", "months", "cutoff"),
    [
        (dt.date(2026, 11, 23), 12, dt.date(2025, 11, 23)),
        # Reviewed on 29, 30 or 31 January, a month later is clamped to 28 February.
        (dt.date(2026, 2, 28), 1, dt.date(2026, 1, 31)),
        (dt.date(2026, 3, 30), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 2, 29), 12, dt.date(2027, 2, 28)),
    ],
)
def test_the_last_review_day_still_due_follows_the_review_period_coi_1(
    today: dt.date, months: int, cutoff: dt.date
) -> None:
    assert review_cutoff(months, today) == cutoff


def test_the_interests_register_is_read_in_its_indexed_order(factory: Factory) -> None:
    order = interest_register(factory.home, {}, today=dt.date(2026, 11, 23)).query.order_by
    assert list(order) == ["-starts_on", "-id"]


# -- the API ---------------------------------------------------------------------


def test_the_api_pages_and_filters_the_registers_as_the_pages_do(
    officer_client: Client, people: dict[str, Any]
) -> None:
    group = people["group"].pk
    listed = officer_client.get(f"{API}/interests", {"group": group}).json()
    assert [i["description"] for i in listed["interests"]] == ["Lives on the estate"]
    assert (listed["page"], listed["pages"], listed["count"]) == (1, 1, 1)
    gifts = officer_client.get(f"{API}/gifts", {"given_from": "2026-10-01"}).json()
    assert [g["description"] for g in gifts["gifts"]] == ["Late flowers"]
    work = officer_client.get(f"{API}/work-items", {"title": "lifts"}).json()
    assert [w["title"] for w in work["work_items"]] == ["Agenda on lifts"]
    due = officer_client.get(f"{API}/reviews-due").json()
    assert sorted(m["member"] for m in due["members"]) == ["Ann Avery", "Bob Brown"]


@pytest.mark.parametrize(
    ("path", "query", "field", "detail"),
    [
        ("interests", {"kind": "nonsense"}, "kind", "Send kind as one of"),
        ("interests", {"group": "999999"}, "group", "Select a group from the list"),
        ("interests", {"name": "x" * 101}, "name", "Enter 100 characters or fewer"),
        (
            "gifts",
            {"given_from": "2026-10-01", "given_to": "2026-03-01"},
            "given_to",
            "The last date must be the same as or after the first date",
        ),
        ("gifts", {"given_from": "1066-10-14"}, "given_from", "Enter a date between 1900 and 2100"),
        ("work-items", {"kind": "meeting"}, "kind", "Send kind as one of"),
    ],
)
def test_the_api_refuses_a_filter_the_page_refuses(
    officer_client: Client,
    people: dict[str, Any],
    path: str,
    query: dict[str, str],
    field: str,
    detail: str,
) -> None:
    response = officer_client.get(f"{API}/{path}", query)
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    assert detail in response.json()["detail"]


def test_the_api_refuses_another_organisations_group_as_a_filter(
    officer_client: Client, factory: Factory, people: dict[str, Any]
) -> None:
    elsewhere = factory.group(factory.other, name="Not ours")
    response = officer_client.get(f"{API}/interests", {"group": elsewhere.pk})
    assert response.status_code == 422
    assert response.json()["field"] == "group"


@pytest.mark.parametrize(
    ("path", "query", "second"),
    [
        (
            "gifts",
            {"given_from": "2026-10-01", "given_to": "2026-03-01"},
            ("given_to", "The last date must be the same as or after the first date"),
        ),
        ("interests", {"group": "999999"}, ("group", "Select a group from the list")),
    ],
)
def test_the_api_lists_each_filter_it_refuses_when_several_are_wrong(
    officer_client: Client,
    people: dict[str, Any],
    path: str,
    query: dict[str, str],
    second: tuple[str, str],
) -> None:
    response = officer_client.get(f"{API}/{path}", {"name": "x" * 101, **query})
    assert response.status_code == 422, response.content
    body = response.json()
    assert (body["detail"], body["field"]) == ("Correct the 2 problems listed.", "name")
    assert [(p["field"], p["detail"]) for p in body["problems"]] == [
        ("name", "Enter 100 characters or fewer"),
        second,
    ]
