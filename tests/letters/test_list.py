"""The letters list, on the page, in the API and in a member's portal: paged, filtered by
member, kind, sent or not and the days sent, with the same filters and refusals in both."""

from __future__ import annotations

import datetime as dt
from itertools import count
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.letters.kinds import LetterKind
from panelkeeper.letters.models import Channel, Dispatch, Letter, Recipient
from panelkeeper.members.models import Member
from tests.factory import Factory
from tests.paging import as_page_form, assert_same_queries_at_3_and_30

_serial = count(1)


def letters(
    member: Member,
    n: int = 1,
    *,
    kind: str = LetterKind.RESIGN_REQUEST,
    on: dt.date = dt.date(2026, 11, 23),
    sent: bool = True,
) -> list[Letter]:
    """``n`` letters to ``member``, as issuing leaves them (a PDF is never read by a list)."""
    made = Letter.objects.bulk_create(
        Letter(
            organisation=member.group.organisation,
            member=member,
            kind=kind,
            subject=f"Letter {next(_serial)}",
            text="Dear member",
            html="<p>Dear member</p>",
            pdf=b"%PDF-",
            sha256="0" * 64,
            channel=Channel.EMAIL,
            issued_on=on,
            issued_at=dt.datetime.combine(on, dt.time(12), tzinfo=dt.UTC),
        )
        for _ in range(n)
    )
    if sent:
        Dispatch.objects.bulk_create(
            Dispatch(
                letter=letter,
                recipient=Recipient.MEMBER,
                channel=Channel.EMAIL,
                to_name=member.full_name,
                to_address="member@example.org",
                sent_on=on,
                sent_at=timezone.now(),
            )
            for letter in made
        )
    return made


def page_url(factory: Factory, **query: Any) -> str:
    url = reverse("letters:list", kwargs={"org": factory.home.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def api_ids(client: Client, factory: Factory, **query: Any) -> list[int]:
    response = client.get(f"/api/v1/letters/{factory.home.slug}", query)
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["letters"]]


@pytest.fixture
def mixed(factory: Factory) -> dict[str, Letter]:
    """One letter of each sort the filters tell apart, oldest first."""
    one, two = factory.panel_member(), factory.panel_member()
    return {
        "october": letters(one, on=dt.date(2026, 10, 5))[0],
        "warning": letters(one, kind=LetterKind.WARNING, on=dt.date(2026, 11, 2))[0],
        "unsent": letters(two, on=dt.date(2026, 11, 20), sent=False)[0],
        "two": letters(two, on=dt.date(2026, 11, 23))[0],
    }


def test_the_list_is_newest_first_50_to_a_page(
    factory: Factory, officer_client: Client, mixed: dict[str, Letter]
) -> None:
    letters(factory.panel_member(), 50, on=dt.date(2026, 9, 1))
    page = officer_client.get(page_url(factory)).content.decode()
    assert "54 letters" in page and "Next" in page
    body = officer_client.get(f"/api/v1/letters/{factory.home.slug}").json()
    assert (body["page"], body["pages"], body["count"]) == (1, 2, 54)
    assert [row["id"] for row in body["letters"][:2]] == [mixed["two"].pk, mixed["unsent"].pk]
    second = officer_client.get(f"/api/v1/letters/{factory.home.slug}", {"page": 2}).json()
    assert len(second["letters"]) == 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "warning"}, ["warning"]),
        ({"sent": "unsent"}, ["unsent"]),
        ({"sent": "sent"}, ["two", "warning", "october"]),
        ({"since": "2026-11-01", "until": "2026-11-20"}, ["unsent", "warning"]),
        ({"since": "2026-11-21"}, ["two"]),
    ],
)
def test_the_page_and_the_api_filter_alike(
    factory: Factory,
    officer_client: Client,
    mixed: dict[str, Letter],
    query: dict[str, str],
    expected: list[str],
) -> None:
    ids = [mixed[name].pk for name in expected]
    assert api_ids(officer_client, factory, **query) == ids
    page = officer_client.get(page_url(factory), as_page_form(query)).content.decode()
    shown = [letter.pk for letter in mixed.values() if f"/letters/{letter.pk}/" in page]
    assert sorted(shown) == sorted(ids)


def test_a_members_letters_are_listed_from_their_id(
    factory: Factory, officer_client: Client, mixed: dict[str, Letter]
) -> None:
    member = mixed["two"].member
    assert api_ids(officer_client, factory, member=member.pk) == [
        mixed["two"].pk,
        mixed["unsent"].pk,
    ]
    page = officer_client.get(page_url(factory, member=member.pk)).content.decode()
    assert f"Letters about {member.full_name}" in page and "2 letters match" in page


def test_nothing_matching_says_so(factory: Factory, officer_client: Client) -> None:
    letters(factory.panel_member())
    page = officer_client.get(page_url(factory, kind="warning")).content.decode()
    assert "No letters match these filters." in page


def test_filters_that_do_not_validate_show_why_and_the_whole_list(
    factory: Factory, officer_client: Client, mixed: dict[str, Letter]
) -> None:
    page = officer_client.get(
        page_url(factory, since_day=30, since_month=2, since_year=2026, kind="warning")
    ).content.decode()
    assert "The first day must be a real date" in page and "4 letters" in page
    backwards = page_url(factory, since_day=2, since_month=11, since_year=2026)
    backwards += "&until_day=1&until_month=11&until_year=2026"
    page = officer_client.get(backwards).content.decode()
    assert "The last day must be the same as or after the first day" in page
    stranger = factory.panel_member(factory.panel(factory.other))
    page = officer_client.get(page_url(factory, member=stranger.pk, sent="maybe")).content.decode()
    assert "Choose a member of this organisation" in page and "4 letters" in page
    assert "Select whether the letter was sent from the list" in page


def test_the_api_refuses_filters_the_page_would_not_take(
    factory: Factory, officer_client: Client
) -> None:
    api = f"/api/v1/letters/{factory.home.slug}"
    backwards = officer_client.get(api, {"since": "2026-11-02", "until": "2026-11-01"})
    assert backwards.status_code == 422
    assert backwards.json()["field"] == "until"
    stranger = factory.panel_member(factory.panel(factory.other))
    elsewhere = officer_client.get(api, {"member": stranger.pk})
    assert elsewhere.status_code == 422
    assert elsewhere.json()["detail"] == "Choose a member of this organisation"
    assert officer_client.get(api, {"kind": "no_such"}).status_code == 422
    assert officer_client.get(api, {"sent": "maybe"}).status_code == 422


def test_the_list_runs_the_same_queries_for_3_and_30_letters(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member()
    assert_same_queries_at_3_and_30(officer_client, page_url(factory), lambda n: letters(member, n))


def test_the_api_list_runs_the_same_queries_for_3_and_30_letters(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member()
    url = f"/api/v1/letters/{factory.home.slug}?sent=sent&since=2026-01-01"
    assert_same_queries_at_3_and_30(officer_client, url, lambda n: letters(member, n))


def test_a_members_own_letters_are_paged_in_the_portal_and_the_api(factory: Factory) -> None:
    member = factory.member_record
    letters(factory.panel_member(), 2)
    client = Client()
    client.force_login(factory.member())
    portal = reverse("letters:mine", kwargs={"member": member.pk})
    api = f"/api/v1/letters/mine/{member.pk}/letters"
    assert_same_queries_at_3_and_30(client, portal, lambda n: letters(member, n))
    assert client.get(portal).content.decode().count("Sent on ") == 25
    body = client.get(api, {"page": 2}).json()
    assert (body["count"], body["pages"], len(body["letters"])) == (30, 2, 5)


def test_a_members_own_letters_in_the_api_run_the_same_queries_for_3_and_30(
    factory: Factory,
) -> None:
    member = factory.member_record
    client = Client()
    client.force_login(factory.member())
    url = f"/api/v1/letters/mine/{member.pk}/letters"
    assert_same_queries_at_3_and_30(client, url, lambda n: letters(member, n))
