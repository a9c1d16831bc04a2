"""A case read by officers, on its page and through the API, costs as many queries with
30 people, seats and invitations as with 3 (STYLE 17): its events, parties and seats are
each read once, and what the page says of them is found among those rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.cases.models import Case, CaseParty, PartyRole, Seat, SeatRelease
from panelkeeper.cases.procedure import history_of
from tests.factory import Factory
from tests.paging import assert_same_queries_at_3_and_30

ON = dt.date(2026, 11, 3)


def _involving(factory: Factory, case: Case) -> Callable[[int], None]:
    """Adds ``n`` of each to ``case``: a witness known by name only, a member who gave
    guidance on its first step, someone taken off it, a seat held, a seat released and
    an invitation from outside the team."""
    first_step = case.events.order_by("id").first()

    def add(n: int) -> None:
        now = timezone.now()
        for _ in range(n):
            helper = factory.panel_member()
            people = [
                CaseParty(case=case, role=PartyRole.WITNESS, name="Wendy Witness"),
                CaseParty(case=case, role=PartyRole.ADVISED, member=helper, step=first_step),
                CaseParty(
                    case=case,
                    role=PartyRole.IMPLICATED,
                    name="Ian Implicated",
                    removed_on=ON,
                    removed_reason="Added by mistake.",
                ),
            ]
            for person in people:
                person.added_on, person.recorded_at = ON, now
                person.save()
            for released in (False, True):
                seat = Seat.objects.create(
                    case=case,
                    role_key="service_improvement_team",
                    role_title="Service Improvement Team",
                    user=factory.user(),
                    seated_on=ON,
                    recorded_at=now,
                )
                if released:
                    SeatRelease.objects.create(
                        seat=seat, released_on=ON, reason="Filled by mistake.", recorded_at=now
                    )
            factory.invited_to_case(case)

    return add


def test_the_case_page_runs_as_many_queries_for_30_people_as_for_3(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    url = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    assert_same_queries_at_3_and_30(officer_client, url, _involving(factory, case))
    page = officer_client.get(url).content.decode()
    assert "Filled by mistake." in page and "Added by mistake." in page


def test_a_case_in_the_api_runs_as_many_queries_for_30_people_as_for_3(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    url = f"/api/v1/cases/home/{case.pk}"
    assert_same_queries_at_3_and_30(officer_client, url, _involving(factory, case))
    answer = officer_client.get(url).json()
    assert len(answer["people"]) == 1 + 30 * 2  # the reporter; those taken off are not listed
    assert len(answer["seats"]) == 30  # released seats are not listed
    assert len(answer["events"][0]["given_by"]) == 30


def test_the_members_other_cases_read_by_the_caller_count_as_those_read_apart_br_8(
    factory: Factory,
) -> None:
    earlier = factory.decided_case()
    later = factory.breach_case(effective=dt.date(2026, 11, 20))
    others = list(Case.objects.filter(pk=earlier.pk).select_related("policy_version"))
    with CaptureQueriesContext(connection) as queries:
        given = history_of(later, others=others)
    assert len(queries) == 1  # the events of both cases
    assert given == history_of(later)
    rows, counted = given
    assert [row.case_id for row in rows] == [later.pk] * len(rows) and rows
    assert [c.case_id for c in counted] == [earlier.reference] and counted[0].events
