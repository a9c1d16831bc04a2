"""A member's records in the API (statuses, signatures, appraisals, expenses) and the
organisation's documents: each paged, at the same cost in queries whatever its length."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import count

import pytest
from django.test import Client
from django.utils import timezone

from panelkeeper.members.models import (
    Appraisal,
    DocumentVersion,
    Member,
    MemberStatus,
)
from tests.factory import Factory
from tests.paging import assert_same_queries_at_3_and_30

API = "/api/v1/members/home"


_serial = count(1)


def version(factory: Factory) -> DocumentVersion:
    """A version of a document of its own, so that any number can be published a day."""
    return factory.document_version(f"paper_{next(_serial)}")


def statuses(factory: Factory, member: Member) -> Callable[[int], object]:
    def add(n: int) -> None:
        MemberStatus.objects.bulk_create(
            MemberStatus(
                member=member,
                status="active",
                reason="Back",
                effective_from=dt.date(2026, 2, 1) + dt.timedelta(days=i),
                recorded_at=timezone.now(),
            )
            for i in range(n)
        )

    return add


def signatures(factory: Factory, member: Member) -> Callable[[int], object]:
    def add(n: int) -> None:
        for _ in range(n):
            signature = factory.signature(member, version(factory))
            factory.countersignature(signature)

    return add


def appraisals(factory: Factory, member: Member) -> Callable[[int], object]:
    return lambda n: Appraisal.objects.bulk_create(
        Appraisal(member=member, kind="appraisal", held_on=dt.date(2026, 3, 1)) for _ in range(n)
    )


def expenses(factory: Factory, member: Member) -> Callable[[int], object]:
    return lambda n: factory.claims(member, n)


def documents(factory: Factory, member: Member) -> Callable[[int], object]:
    def add(n: int) -> None:
        for _ in range(n):
            version(factory)

    return add


@pytest.mark.parametrize(
    ("path", "rows", "adder"),
    [
        ("/members/{member}/statuses", "statuses", statuses),
        ("/members/{member}/signatures", "signatures", signatures),
        ("/members/{member}/appraisals", "appraisals", appraisals),
        ("/members/{member}/expenses", "expenses", expenses),
        ("/documents", "versions", documents),
    ],
)
def test_an_officers_list_is_paged_at_the_same_cost_for_3_and_30(
    factory: Factory,
    officer_client: Client,
    path: str,
    rows: str,
    adder: Callable[[Factory, Member], Callable[[int], object]],
) -> None:
    member = factory.panel_member()
    url = API + path.format(member=member.pk)
    assert_same_queries_at_3_and_30(officer_client, url, adder(factory, member))
    body = officer_client.get(url).json()
    assert body["count"] >= 30 and body["pages"] == 1 and len(body[rows]) == body["count"]


@pytest.mark.parametrize(("path", "adder"), [("/signatures", signatures), ("/expenses", expenses)])
def test_a_members_own_list_is_paged_at_the_same_cost_for_3_and_30(
    factory: Factory,
    path: str,
    adder: Callable[[Factory, Member], Callable[[int], object]],
) -> None:
    member = factory.member_record
    client = Client()
    client.force_login(factory.member())
    url = f"/api/v1/my/{member.pk}{path}"
    assert_same_queries_at_3_and_30(client, url, adder(factory, member))
    add = adder(factory, member)
    add(25)
    body = client.get(url, {"page": 2}).json()
    assert (body["page"], body["pages"], body["count"]) == (2, 2, 55)
