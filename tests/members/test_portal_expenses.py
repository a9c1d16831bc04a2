"""A member claims expenses and rewards from the portal and follows each claim (MEM-5).

The claim goes through ``submit_expense`` with the signed-in person as the actor; an
officer then decides it on the member's page. Another member's record answers 404.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.audit.models import AuditEntry
from panelkeeper.members.models import Expense, Member
from panelkeeper.members.support import decide_expense, submit_expense
from tests.factory import Factory


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def pages(member: Member) -> tuple[str, str]:
    """The claims page and the claim form of ``member``."""
    kwargs = {"member": member.pk}
    return reverse("members:my_expenses", kwargs=kwargs), reverse(
        "members:claim_expense", kwargs=kwargs
    )


def form_data(**changes: str) -> dict[str, str]:
    day = timezone.localdate() - dt.timedelta(days=2)
    return {
        "kind": "expense",
        "activity": "Panel meeting at the Civic Centre",
        "activity_on_day": str(day.day),
        "activity_on_month": str(day.month),
        "activity_on_year": str(day.year),
        "amount": "12.40",
        "description": "Return bus fare",
        **changes,
    }


def field_error(page: str, field: str) -> str:
    """The GOV.UK error message shown against ``field``, or "" when there is none."""
    found = re.search(rf'id="id_{field}_error"[^>]*>(.*?)</p>', page, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).replace("Error:", "").strip() if found else ""


def an_existing_claim(member: Member, activity: str = "Estate walkabout", **kwargs: Any) -> Expense:
    return submit_expense(
        member=member,
        kind=kwargs.get("kind", "expense"),
        activity=activity,
        activity_on=timezone.localdate() - dt.timedelta(days=10),
        amount=kwargs.get("amount", "5.00"),
        description="",
        actor=None,
        today=timezone.localdate(),
    )


# The page ---------------------------------------------------------------------------


def test_the_record_page_links_to_the_claims_page(factory: Factory) -> None:
    member = factory.member_record
    claims_url, _ = pages(member)
    record = client_for(factory.member()).get(
        reverse("members:my_record", kwargs={"member": member.pk})
    )
    assert claims_url in record.content.decode()


def test_a_member_claims_an_expense_and_sees_it_waiting_for_a_decision_mem_5(
    factory: Factory,
) -> None:
    member = factory.member_record
    user = factory.member()
    client = client_for(user)
    claims_url, claim_url = pages(member)
    assert claim_url in client.get(claims_url).content.decode()
    assert client.get(claim_url).status_code == 200
    response = client.post(claim_url, form_data())
    assert response.status_code == 302 and response["Location"] == claims_url
    expense = Expense.objects.get()
    assert expense.member == member and expense.submitted_by == user
    assert expense.amount == Decimal("12.40") and expense.state == Expense.State.SUBMITTED
    assert expense.activity_on == timezone.localdate() - dt.timedelta(days=2)
    entry = AuditEntry.objects.get(action="expense.submitted")
    assert entry.actor == user
    page = client.get(claims_url).content.decode()
    assert "Expense of £12.40 claimed" in page
    assert "Panel meeting at the Civic Centre" in page and "Submitted" in page


def test_a_member_claims_a_reward(factory: Factory) -> None:
    _, claim_url = pages(factory.member_record)
    response = client_for(factory.member()).post(claim_url, form_data(kind="reward", amount="£25"))
    assert response.status_code == 302
    assert Expense.objects.get().kind == Expense.Kind.REWARD


def test_a_member_sees_each_claim_approved_refused_with_its_reason_or_paid_with_its_date(
    factory: Factory,
) -> None:
    member = factory.member_record
    officer = factory.officer()
    today = timezone.localdate()
    approved = an_existing_claim(member, "Training day")
    refused = an_existing_claim(member, "Taxi home")
    paid = an_existing_claim(member, "Quarterly panel meeting")
    an_existing_claim(member, "Site visit")
    decide_expense(expense=approved, state="approved", actor=officer, today=today)
    decide_expense(
        expense=refused,
        state="refused",
        reason="Taxis need agreeing first",
        actor=officer,
        today=today,
    )
    decide_expense(expense=paid, state="approved", actor=officer, today=today)
    paid_on = today - dt.timedelta(days=1)
    decide_expense(expense=paid, state="paid", paid_on=paid_on, actor=officer, today=today)
    page = client_for(factory.member()).get(pages(member)[0]).content.decode()
    assert "Approved" in page and "Submitted" in page
    assert "Refused: Taxis need agreeing first" in page
    assert f"Paid on {paid_on:%-d %B %Y}" in page
    assert "Approve<" not in page and "Reason for refusing" not in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"amount": "0"}, "amount", "Enter an amount more than £0"),
        ({"amount": "-3.00"}, "amount", "Enter an amount more than £0"),
        ({"amount": "4.125"}, "amount", "no more than 2 decimal places"),
        ({"amount": "a few pounds"}, "amount", "Enter the amount in pounds"),
        ({"amount": ""}, "amount", "Enter the amount in pounds"),
        ({"activity": "  "}, "activity", "Enter the activity"),
        ({"kind": ""}, "kind", "Select expense or reward"),
        ({"activity_on_day": "31", "activity_on_month": "2"}, "activity_on", "a real date"),
    ],
)
def test_a_claim_with_bad_input_shows_the_error_on_its_field_and_saves_nothing(
    factory: Factory, changes: dict[str, str], field: str, message: str
) -> None:
    _, claim_url = pages(factory.member_record)
    response = client_for(factory.member()).post(claim_url, form_data(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in field_error(page, field)
    assert not Expense.objects.exists()
    assert not AuditEntry.objects.filter(action="expense.submitted").exists()


def test_a_claim_for_an_activity_in_the_future_is_refused_on_its_date_mem_5(
    factory: Factory,
) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    data = form_data(
        activity_on_day=str(tomorrow.day),
        activity_on_month=str(tomorrow.month),
        activity_on_year=str(tomorrow.year),
    )
    response = client_for(factory.member()).post(pages(factory.member_record)[1], data)
    assert response.status_code == 200
    assert "must be today or in the past" in field_error(response.content.decode(), "activity_on")
    assert not Expense.objects.exists()


def test_an_advocate_claims_for_the_member_they_act_for(factory: Factory) -> None:
    record = factory.advocated_record
    advocate = factory.advocate()
    client = client_for(advocate)
    claims_url, claim_url = pages(record)
    assert "You act for Arthur Advocated" in client.get(claims_url).content.decode()
    assert client.post(claim_url, form_data()).status_code == 302
    expense = Expense.objects.get()
    assert expense.member == record and expense.submitted_by == advocate


def test_a_member_cannot_see_or_claim_on_another_members_record(factory: Factory) -> None:
    other = factory.panel_member(full_name="Someone Else")
    an_existing_claim(other, "Their private claim")
    client = client_for(factory.member())
    claims_url, claim_url = pages(other)
    assert client.get(claims_url).status_code == 404
    assert client.get(claim_url).status_code == 404
    assert client.post(claim_url, form_data()).status_code == 404
    assert Expense.objects.count() == 1


def test_an_advocate_cannot_claim_on_the_members_own_record_they_do_not_act_for(
    factory: Factory,
) -> None:
    client = client_for(factory.advocate())
    _, claim_url = pages(factory.member_record)
    assert client.post(claim_url, form_data()).status_code == 404
    assert not Expense.objects.exists()


def test_an_officer_cannot_claim_through_the_portal(factory: Factory) -> None:
    client = client_for(factory.officer())
    _, claim_url = pages(factory.member_record)
    assert client.post(claim_url, form_data()).status_code == 404
    assert not Expense.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_nothing_is_saved(factory: Factory) -> None:
    claims_url, claim_url = pages(factory.member_record)
    for response in (Client().get(claims_url), Client().post(claim_url, form_data())):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign-in"))
    assert not Expense.objects.exists()


def test_the_claims_page_is_get_only(factory: Factory) -> None:
    claims_url, _ = pages(factory.member_record)
    assert client_for(factory.member()).post(claims_url).status_code == 405


def test_the_claims_page_runs_the_same_queries_for_3_claims_as_for_30(factory: Factory) -> None:
    member = factory.member_record
    client = client_for(factory.member())
    claims_url, _ = pages(member)

    def queries_with(count: int) -> int:
        while member.expenses.count() < count:
            an_existing_claim(member)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(claims_url).status_code == 200
        return len(captured)

    assert queries_with(3) == queries_with(30)


def test_officers_see_a_members_claim_on_the_member_page_and_decide_it_mem_5(
    factory: Factory,
) -> None:
    member = factory.member_record
    client_for(factory.member()).post(pages(member)[1], form_data())
    expense = Expense.objects.get()
    officer = client_for(factory.officer())
    detail = reverse("members:detail", kwargs={"org": factory.home.slug, "pk": member.pk})
    page = officer.get(detail).content.decode()
    decide_url = reverse(
        "members:decide_expense", kwargs={"org": factory.home.slug, "pk": expense.pk}
    )
    assert "Panel meeting at the Civic Centre" in page and decide_url in page
    assert officer.post(decide_url, {"state": "approved"}).status_code == 302
    expense.refresh_from_db()
    assert expense.state == Expense.State.APPROVED
    mine = client_for(factory.member()).get(pages(member)[0]).content.decode()
    assert "Approved" in mine


# The API ----------------------------------------------------------------------------


def api_url(member: Member) -> str:
    return f"/api/v1/my/{member.pk}/expenses"


def api_body(**changes: object) -> dict[str, object]:
    day = timezone.localdate() - dt.timedelta(days=1)
    return {
        "kind": "expense",
        "activity": "Panel meeting",
        "activity_on": day.isoformat(),
        "amount": "7.20",
        **changes,
    }


def post_json(client: Client, url: str, body: dict[str, object]) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_member_claims_and_lists_their_claims_through_the_api_mem_5(factory: Factory) -> None:
    member = factory.member_record
    client = client_for(factory.member())
    response = post_json(client, api_url(member), api_body(description="Parking"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "submitted" and Decimal(body["amount"]) == Decimal("7.20")
    expense = Expense.objects.get(pk=body["id"])
    assert expense.submitted_by == factory.member() and expense.description == "Parking"
    listed = client.get(api_url(member)).json()["expenses"]
    assert [claim["id"] for claim in listed] == [expense.pk]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount": "0"}, "amount"),
        ({"amount": "-1"}, "amount"),
        ({"amount": "1.005"}, "amount"),
        ({"kind": "salary"}, "kind"),
        ({"activity_on": "2999-01-01"}, "activity_on"),
    ],
)
def test_a_bad_claim_through_the_api_is_refused_with_its_field(
    factory: Factory, changes: dict[str, object], field: str
) -> None:
    client = client_for(factory.member())
    response = post_json(client, api_url(factory.member_record), api_body(**changes))
    assert response.status_code == 422
    assert response.json()["field"] == field
    assert not Expense.objects.exists()


def test_an_advocate_claims_through_the_api_for_the_member_they_act_for(factory: Factory) -> None:
    client = client_for(factory.advocate())
    response = post_json(client, api_url(factory.advocated_record), api_body())
    assert response.status_code == 201
    assert Expense.objects.get().submitted_by == factory.advocate()


def test_the_api_answers_404_for_another_members_claims_and_401_to_anonymous(
    factory: Factory,
) -> None:
    other = factory.panel_member(full_name="Someone Else")
    an_existing_claim(other)
    client = client_for(factory.member())
    assert client.get(api_url(other)).status_code == 404
    assert post_json(client, api_url(other), api_body()).status_code == 404
    assert Client().get(api_url(factory.member_record)).status_code == 401
    assert post_json(Client(), api_url(factory.member_record), api_body()).status_code == 401
    assert Expense.objects.count() == 1


def test_officers_list_a_claim_made_through_the_portal_api(factory: Factory) -> None:
    member = factory.member_record
    post_json(client_for(factory.member()), api_url(member), api_body())
    officers_url = f"/api/v1/members/{factory.home.slug}/members/{member.pk}/expenses"
    listed = client_for(factory.officer()).get(officers_url).json()["expenses"]
    assert [(claim["activity"], claim["state"]) for claim in listed] == [
        ("Panel meeting", "submitted")
    ]
