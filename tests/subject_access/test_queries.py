"""The request list and the access log run the same number of queries for 3 records as
for 30."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.members.models import Member
from panelkeeper.subject_access.lead import choose_lead
from panelkeeper.subject_access.models import PauseReason, Requester
from panelkeeper.subject_access.requests import log_request, pause
from tests.factory import Factory

D = dt.date


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _requests(factory: Factory, officer: User, count: int, member: Member | None = None) -> None:
    """``count`` requests, every other one paused: by ``member``, or each by a new member."""
    for n in range(count):
        made = log_request(
            organisation=factory.home,
            requester=Requester.MEMBER,
            member=member or factory.panel_member(),
            received_on=D(2026, 11, 2),
            actor=officer,
            today=D(2026, 11, 2),
        )
        if n % 2:
            pause(
                request=made,
                reason=PauseReason.IDENTITY,
                paused_on=D(2026, 11, 3),
                note="",
                actor=officer,
                today=D(2026, 11, 3),
            )


def test_the_list_and_the_log_run_the_same_queries_for_3_as_for_30(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    choose_lead(organisation=factory.home, user=officer, actor=officer, today=D(2026, 11, 1))
    listing = reverse("subject_access:list", kwargs={"org": "home"})
    log = reverse("subject_access:access_log", kwargs={"org": "home"})
    today = reverse("today:today", kwargs={"org": "home"})
    member_page = "members:detail"
    _requests(factory, officer, 3)
    for member in Member.objects.of(factory.home).order_by("id")[:3]:
        officer_client.get(reverse(member_page, kwargs={"org": "home", "pk": member.pk}))
    few = [_queries(officer_client, url) for url in (listing, log, today)]
    _requests(factory, officer, 27)
    for member in Member.objects.of(factory.home).order_by("id")[3:30]:
        officer_client.get(reverse(member_page, kwargs={"org": "home", "pk": member.pk}))
    assert [_queries(officer_client, url) for url in (listing, log, today)] == few


def test_a_members_own_requests_are_paged_at_the_same_cost_for_3_and_30(
    factory: Factory, officer: User
) -> None:
    client = Client()
    client.force_login(factory.member())
    member = factory.member_record.pk
    page = reverse("subject_access:mine", kwargs={"member": member})
    api = f"/api/v1/subject-access/mine/{member}/requests"
    _requests(factory, officer, 3, factory.member_record)
    few = [_queries(client, url) for url in (page, api)]
    _requests(factory, officer, 27, factory.member_record)
    assert [_queries(client, url) for url in (page, api)] == few
    body = client.get(api, {"page": 2}).json()
    assert (body["count"], body["pages"], len(body["requests"])) == (30, 2, 5)
    assert client.get(page).text.count("Asked on ") == 25
