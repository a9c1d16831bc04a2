"""Erasure on request, the schedule and legal holds, on the pages and through the API."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.changes.people import add_party
from panelkeeper.cases.models import CaseParty
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Expense, Member, Signature
from panelkeeper.retention.erasure import erase_member
from panelkeeper.retention.holds import place_hold
from panelkeeper.retention.models import LegalHold, RetentionPeriod
from tests.factory import Factory
from tests.retention.clock import clock_at
from tests.retention.records import end_membership

API = "/api/v1/retention"


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    with clock_at(dt.date(2026, 12, 10)):
        yield


def test_erasure_is_refused_with_every_reason_a_record_must_stay(
    factory: Factory, officer: User
) -> None:
    case = factory.the_case
    place_hold(organisation=factory.home, reason="A claim.", actor=officer, case=case)
    with pytest.raises(Refused) as refusal:
        erase_member(member=case.member, organisation=factory.home, actor=officer)
    assert refusal.value.message == (
        "Their membership has not ended. End it first: the record is needed while they serve. "
        f"Case {case.reference} about them is still open. "
        f"Case {case.reference} about them is under a legal hold."
    )
    assert Member.objects.get(pk=case.member.pk).full_name == "Sam Subject"


def test_erasure_anonymises_the_member_and_other_peoples_cases_keep_working(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    case = factory.the_case
    witness = factory.panel_member(full_name="Wendy Witness", email="wendy@example.org")
    factory.signature(witness, factory.document_version("code_of_conduct"))
    add_party(case=case, role="witness", actor=officer, member=witness, today=dt.date(2026, 11, 5))
    end_membership(witness, officer)
    case_url = reverse("cases:detail", kwargs={"org": factory.home.slug, "pk": case.pk})
    assert "Wendy Witness" in officer_client.get(case_url).content.decode()
    page = officer_client.get(
        reverse("retention:erase", kwargs={"org": factory.home.slug, "pk": witness.pk})
    )
    assert "Erase their records" in page.content.decode()
    response = officer_client.post(
        reverse("retention:erase", kwargs={"org": factory.home.slug, "pk": witness.pk}),
        {"confirm": "on"},
    )
    assert response.status_code == 302
    witness.refresh_from_db()
    assert (witness.full_name, witness.email) == (f"Former member {witness.pk}", "")
    assert not Signature.objects.filter(member=witness).exists()
    assert CaseParty.objects.get(case=case, member=witness).display_name.startswith("Former")
    entry = AuditEntry.objects.get(action="member.erased")
    assert entry.actor == officer and entry.fields == []
    case_page = officer_client.get(case_url)
    assert case_page.status_code == 200
    assert "Wendy Witness" not in case_page.content.decode()
    assert f"Former member {witness.pk}: a witness" in case_page.content.decode()


def test_the_erase_page_says_why_records_must_stay_and_offers_no_button(
    factory: Factory, officer_client: Client
) -> None:
    url = reverse(
        "retention:erase", kwargs={"org": factory.home.slug, "pk": factory.member_record.pk}
    )
    page = officer_client.get(url).content.decode()
    assert "Their membership has not ended" in page and "Erase their records" not in page
    refused = officer_client.post(url, {"confirm": "on"})
    assert (
        refused.status_code == 200 and "Their membership has not ended" in refused.content.decode()
    )


def test_the_schedule_page_shows_each_kind_in_words_and_an_officer_changes_one(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    url = reverse("retention:schedule", kwargs={"org": factory.home.slug})
    page = officer_client.get(url).content.decode()
    assert "Closed cases that found a breach" in page and "6 years after the last step" in page
    change = reverse(
        "retention:change_period", kwargs={"org": factory.home.slug, "kind": "letters"}
    )
    assert officer_client.post(change, {"months": "0"}).status_code == 200
    assert not RetentionPeriod.objects.exists()
    assert officer_client.post(change, {"months": "84"}).status_code == 302
    assert "7 years after the day the letter was issued (changed by your organisation)" in (
        officer_client.get(url).content.decode()
    )
    assert AuditEntry.objects.filter(action="retention_period.set", actor=officer).exists()


def test_an_officer_holds_a_case_by_its_reference_and_lifts_it_with_a_reason(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    case = factory.the_case
    place = reverse("retention:hold", kwargs={"org": factory.home.slug})
    data = {"record": "case", "reference": case.reference, "reason": "A claim."}
    assert officer_client.post(place, data).status_code == 302
    hold = LegalHold.objects.get()
    assert (hold.case, hold.placed_by) == (case, officer)
    again = officer_client.post(place, data).content.decode()
    assert "already on legal hold" in again
    lift = reverse("retention:lift", kwargs={"org": factory.home.slug, "pk": hold.pk})
    assert officer_client.post(lift, {"reason": ""}).status_code == 200
    assert officer_client.post(lift, {"reason": "Settled."}).status_code == 302
    hold.refresh_from_db()
    assert (hold.lifted_by, hold.lifted_reason) == (officer, "Settled.")
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"legal_hold.placed", "legal_hold.lifted"} <= actions
    page = officer_client.get(reverse("retention:holds", kwargs={"org": factory.home.slug}))
    assert "lifted by" in page.content.decode()


def test_another_organisations_member_cannot_be_held(
    factory: Factory, officer_client: Client
) -> None:
    stranger = factory.panel_member(factory.panel(factory.other))
    place = reverse("retention:hold", kwargs={"org": factory.home.slug})
    data = {"record": "member", "reference": str(stranger.pk), "reason": "A claim."}
    page = officer_client.post(place, data).content.decode()
    assert "has that number" in page and not LegalHold.objects.exists()


def _api(
    client: Client, method: str, path: str, body: dict[str, object] | None = None
) -> tuple[int, object]:
    response = client.generic(method, API + path, json.dumps(body or {}), "application/json")
    return response.status_code, response.json() if response.content else None


def test_the_api_sets_a_period_holds_lifts_and_refuses_an_erasure(
    factory: Factory, officer_client: Client
) -> None:
    org = factory.home.slug
    status, period = _api(officer_client, "PUT", f"/{org}/schedule/letters", {"months": 60})
    assert status == 200 and period["months"] == 60  # type: ignore[index]
    status, refused = _api(officer_client, "PUT", f"/{org}/schedule/letters", {"months": 0})
    assert status == 422 and refused["field"] == "months"  # type: ignore[index]
    member = factory.member_record
    status, hold = _api(
        officer_client, "POST", f"/{org}/legal-holds/members/{member.pk}", {"reason": "A claim."}
    )
    assert status == 201 and hold["member_id"] == member.pk  # type: ignore[index]
    status, lifted = _api(
        officer_client, "POST", f"/{org}/legal-holds/{hold['id']}/lift", {"reason": "Settled."}
    )  # type: ignore[index]
    assert status == 200 and lifted["lifted_reason"] == "Settled."  # type: ignore[index]
    status, refusal = _api(officer_client, "POST", f"/{org}/erasures/members/{member.pk}")
    assert status == 422 and "membership has not ended" in refusal["detail"]  # type: ignore[index]
    status, due = _api(officer_client, "GET", f"/{org}/due")
    assert status == 200 and due["due"] == []  # type: ignore[index]


def _queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_dry_run_and_holds_pages_make_as_many_queries_for_30_records_as_for_3(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    due = reverse("retention:due", kwargs={"org": factory.home.slug})
    holds = reverse("retention:holds", kwargs={"org": factory.home.slug})
    counts = []
    for size in (3, 30):
        while Expense.objects.count() < size:
            member = factory.panel_member()
            Expense.objects.create(
                member=member,
                kind="expense",
                activity="Panel meeting",
                activity_on=dt.date(2019, 3, 1),
                amount="12.50",
            )
            concern = factory.concern()
            place_hold(organisation=factory.home, reason="A claim.", actor=officer, concern=concern)
        page = officer_client.get(due).content.decode()
        assert f"Expense and reward claims: {size}" in page
        counts.append((_queries_for(officer_client, due), _queries_for(officer_client, holds)))
    assert counts[0] == counts[1]
