"""Officers' pages for pieces of work and their conflict decisions (COI-2, COI-3)."""

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.models import ConflictDecision, WorkItem
from tests.factory import Factory
from tests.registers.conftest import audit_actions
from tests.registers.test_views_officers import date_fields, url


def test_an_officer_adds_a_piece_of_work_and_sees_its_conflict_check(
    officer_client: Client, factory: Factory, member: Member
) -> None:
    factory.interest(member, description="Sister works for the repairs contractor")
    data = {
        "kind": "project",
        "title": "Repairs scrutiny",
        **date_fields("on", dt.date(2026, 12, 3)),
    }
    response = officer_client.post(url("add_work_item"), data)
    work = WorkItem.objects.get()
    assert response.status_code == 302 and response["Location"] == url("work_item", pk=work.pk)
    assert audit_actions(work) == ["work_item.opened"]
    page = officer_client.get(url("work_item", pk=work.pk))
    assert "Mina Member" in page.text and "Sister works for the repairs contractor" in page.text
    assert "Not decided" in page.text


def test_an_officer_records_a_partial_withdrawal_named_by_the_code_coi_2_coi_3(
    officer_client: Client, factory: Factory, vela: PolicyVersion, member: Member
) -> None:
    work = factory.work_item(on=dt.date(2026, 11, 20))
    address = url("decide_conflict", pk=work.pk, member=member.pk)
    form = officer_client.get(address)
    assert "the person leading the scrutiny project" in form.text
    assert "Customer Involvement Team" in form.text
    data = {
        "decision": "in_part",
        "parts": "",
        "grounds": "interest",
        "decided_by_role": "project_lead",
        "told_role": "customer_involvement_team",
        **date_fields("decided_on", dt.date(2026, 11, 19)),
        **date_fields("told_on", dt.date(2026, 11, 18)),
    }
    missing = officer_client.post(address, data)
    assert "Say which parts of the work the member withdraws from" in missing.text
    assert not ConflictDecision.objects.exists()
    assert officer_client.post(address, {**data, "parts": "Site visit"}).status_code == 302
    row = ConflictDecision.objects.get()
    assert (row.decision, row.parts, row.decided_by_role) == (
        "in_part",
        "Site visit",
        "project_lead",
    )
    page = officer_client.get(url("work_item", pk=work.pk))
    assert "Decided by the person leading the scrutiny project on 19 November 2026" in page.text


def test_without_a_code_in_force_the_decision_page_says_so(
    officer_client: Client, factory: Factory, member: Member
) -> None:
    work = factory.work_item()
    response = officer_client.get(url("decide_conflict", pk=work.pk, member=member.pk), follow=True)
    assert "No code of conduct was in force on 3 December 2026" in response.text


def test_another_organisations_work_is_not_found(officer_client: Client, factory: Factory) -> None:
    work = factory.work_item(factory.other)
    assert officer_client.get(url("work_item", pk=work.pk)).status_code == 404


def test_the_conflict_check_runs_the_same_queries_at_3_and_30_members(
    auditor_client: Client, factory: Factory
) -> None:
    work = factory.work_item()

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert auditor_client.get(url("work_item", pk=work.pk)).status_code == 200
        return len(captured)

    for _ in range(3):
        factory.interest(factory.panel_member())
    few = count()
    for _ in range(27):
        factory.interest(factory.panel_member())
    assert count() == few
    assert (
        reverse("registers:work_items", kwargs={"org": "home"})
        in auditor_client.get(url("work_item", pk=work.pk)).text
    )
