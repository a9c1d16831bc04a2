"""Appointments and appraisals (MEM-4); expenses and rewards, the only payments (MEM-5)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Appraisal, Expense
from panelkeeper.members.support import decide_expense, record_appraisal, submit_expense
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def claim(factory: Factory, **changes: object) -> Expense:
    arguments: dict[str, object] = {
        "kind": "expense",
        "activity": "Panel meeting",
        "activity_on": dt.date(2026, 3, 3),
        "amount": "£12.50",
        "description": "Bus fare",
        **changes,
    }
    return submit_expense(
        member=factory.member_record, actor=factory.officer(), today=TODAY, **arguments
    )  # type: ignore[arg-type]


def test_an_appraisal_records_training_needs_and_training_given_mem_4(factory: Factory) -> None:
    appraisal = record_appraisal(
        member=factory.member_record,
        kind="appraisal",
        held_on=dt.date(2026, 6, 1),
        training_needs="Reading performance data",
        training_given="Scrutiny basics course",
        notes="",
        actor=factory.officer(),
        today=TODAY,
    )
    assert appraisal.training_needs == "Reading performance data"
    assert AuditEntry.objects.filter(action="appraisal.recorded").count() == 1


def test_an_appraisal_in_the_future_is_refused(factory: Factory) -> None:
    with pytest.raises(Refused, match="today or in the past"):
        record_appraisal(
            member=factory.member_record,
            kind="appointment",
            held_on=dt.date(2027, 1, 1),
            training_needs="",
            training_given="",
            notes="",
            actor=None,
            today=TODAY,
        )
    assert not Appraisal.objects.exists()


def test_a_claim_moves_submitted_approved_paid_mem_5(factory: Factory) -> None:
    expense = claim(factory)
    assert expense.amount == Decimal("12.50") and expense.state == "submitted"
    officer = factory.officer()
    decide_expense(expense=expense, state="approved", actor=officer, today=TODAY)
    decide_expense(expense=expense, state="paid", actor=officer, today=TODAY)
    expense.refresh_from_db()
    assert expense.state == "paid" and expense.paid_on == TODAY and expense.decided_by == officer
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions[-3:] == ["expense.submitted", "expense.approved", "expense.paid"]


def test_a_refusal_needs_a_reason_and_ends_the_claim_mem_5(factory: Factory) -> None:
    expense = claim(factory, kind="reward")
    officer = factory.officer()
    with pytest.raises(Refused, match="Enter the reason"):
        decide_expense(expense=expense, state="refused", actor=officer, today=TODAY)
    decide_expense(
        expense=expense, state="refused", actor=officer, today=TODAY, reason="No receipt"
    )
    with pytest.raises(Refused, match="it can move to nothing more"):
        decide_expense(expense=expense, state="paid", actor=officer, today=TODAY)
    expense.refresh_from_db()
    assert expense.state == "refused" and expense.refusal_reason == "No receipt"


def test_a_claim_cannot_be_paid_before_it_is_approved(factory: Factory) -> None:
    expense = claim(factory)
    with pytest.raises(Refused, match="approved or refused"):
        decide_expense(expense=expense, state="paid", actor=factory.officer(), today=TODAY)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "twelve"}, "Enter the amount in pounds"),
        ({"amount": "0"}, "more than £0"),
        ({"amount": "1.234"}, "no more than 2 decimal places"),
        ({"activity": " "}, "Enter the activity"),
        ({"kind": "salary"}, "Select expense or reward"),
        ({"activity_on": dt.date(2027, 1, 1)}, "today or in the past"),
    ],
)
def test_a_bad_claim_is_refused_and_nothing_saved(
    factory: Factory, changes: dict[str, object], message: str
) -> None:
    with pytest.raises(Refused, match=message):
        claim(factory, **changes)
    assert not Expense.objects.exists()


def test_officers_submit_and_decide_claims_on_the_member_page(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.member_record
    url = reverse("members:add_expense", kwargs={"org": factory.home.slug, "pk": member.pk})
    response = officer_client.post(
        url,
        {
            "kind": "expense",
            "activity": "Site visit",
            "activity_on_day": "3",
            "activity_on_month": "3",
            "activity_on_year": "2026",
            "amount": "7.20",
        },
    )
    assert response.status_code == 302
    expense = Expense.objects.get()
    decide = reverse("members:decide_expense", kwargs={"org": factory.home.slug, "pk": expense.pk})
    page = officer_client.post(decide, {"state": "refused"}, follow=True).content.decode()
    assert "Enter the reason for refusing the claim" in page
    officer_client.post(decide, {"state": "refused", "reason": "Outside the policy"})
    expense.refresh_from_db()
    assert expense.state == "refused"


def test_a_member_sees_their_training_and_claims_in_the_portal(factory: Factory) -> None:
    claim(factory, activity="Mystery shopping")
    client = Client()
    client.force_login(factory.member())
    page = client.get(reverse("members:my_record", kwargs={"member": factory.member_record.pk}))
    assert "Mystery shopping" in page.content.decode()
    assert "Approve" not in page.content.decode()
