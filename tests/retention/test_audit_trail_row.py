"""The audit trail's row of the retention schedule: how many entries are due and when the
next goes, each counted by the day an entry was recorded in London."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from unittest import mock

import pytest
from django.test import Client

from panelkeeper.audit.log import record
from tests.factory import Factory
from tests.paging import queries_for
from tests.retention.clock import clock_at
from tests.retention.test_lists import SCHEDULE_QUERIES

API = "/api/v1/retention/home"
# Audit entries are kept six years: on 10 June 2026, those recorded before 10 June 2020.
TODAY = dt.date(2026, 6, 10)


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(TODAY):
        yield


def entries_at(factory: Factory, *moments: dt.datetime) -> None:
    member = factory.panel_member()
    for moment in moments:
        with mock.patch("django.utils.timezone.now", return_value=moment):
            record(
                actor=None,
                organisation=factory.home,
                action="member.changed",
                obj=member,
                fields=[],
            )


def audit_row(client: Client) -> dict[str, object]:
    rows = client.get(f"{API}/schedule").json()
    [row] = [row for row in rows if row["kind"] == "audit_entries"]
    return row


def test_the_next_entry_to_go_is_the_first_recorded_after_the_cutoff_day_in_london(
    factory: Factory, officer_client: Client
) -> None:
    entries_at(
        factory,
        # 11.30 pm on 9 June 2020 in London (summer time): before the cutoff, so due.
        dt.datetime(2020, 6, 9, 22, 30, tzinfo=dt.UTC),
        # 11.30 pm on 10 June in London: the cutoff day itself, neither due nor next.
        dt.datetime(2020, 6, 10, 22, 30, tzinfo=dt.UTC),
        # Half past midnight on 11 June in London, though still 10 June in UTC.
        dt.datetime(2020, 6, 10, 23, 30, tzinfo=dt.UTC),
    )
    row = audit_row(officer_client)
    assert (row["due_now"], row["next_due_on"]) == (1, "2026-06-11")


@pytest.mark.parametrize("url", ["/organisations/home/retention/", f"{API}/schedule", f"{API}/due"])
def test_entries_due_cost_no_more_queries_than_none(
    factory: Factory, officer_client: Client, url: str
) -> None:
    counts = []
    for added in (3, 27):
        entries_at(factory, *[dt.datetime(2019, 1, 5, 12, tzinfo=dt.UTC)] * added)
        counts.append(queries_for(officer_client, url))
    assert counts[0] == counts[1] <= SCHEDULE_QUERIES
