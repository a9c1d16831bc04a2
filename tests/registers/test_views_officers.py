"""Officers' register pages: lists, filters, declarations for members, decisions, exports."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.models import Gift, GiftStatus, Interest, Review
from tests.factory import Factory
from tests.registers.conftest import audit_actions, in_force_with_threshold

ORG = "home"
API = "/api/v1/registers"


def url(name: str, **kwargs: object) -> str:
    return reverse(f"registers:{name}", kwargs={"org": ORG, **kwargs})


def date_fields(name: str, day: dt.date) -> dict[str, str]:
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def test_an_officer_declares_an_interest_for_a_member_coi_1(
    officer_client: Client, member: Member
) -> None:
    data = {
        "kind": "employment",
        "description": "Works for a contractor",
        **date_fields("starts_on", dt.date(2026, 3, 1)),
    }
    response = officer_client.post(url("declare_interest", member=member.pk), data)
    assert response.status_code == 302
    assert response["Location"] == url("member", member=member.pk)
    interest = Interest.objects.get()
    assert (interest.member, interest.kind, interest.ends_on) == (member, "employment", None)
    assert audit_actions(interest) == ["interest.declared"]


def test_a_to_date_before_the_from_date_is_shown_and_nothing_is_saved(
    officer_client: Client, member: Member
) -> None:
    data = {
        "kind": "personal",
        "description": "Owns a flat nearby",
        **date_fields("starts_on", dt.date(2026, 5, 1)),
        **date_fields("ends_on", dt.date(2026, 4, 1)),
    }
    response = officer_client.post(url("declare_interest", member=member.pk), data)
    assert response.status_code == 200
    assert "The date it ended must be the same as or after the date it started" in response.text
    assert not Interest.objects.exists() and not Review.objects.exists()


def test_an_officer_records_the_end_of_an_interest_and_a_nil_declaration(
    officer_client: Client, factory: Factory, member: Member
) -> None:
    interest = factory.interest(member)
    response = officer_client.post(
        url("close_interest", pk=interest.pk), date_fields("ends_on", dt.date(2026, 11, 1))
    )
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.ends_on == dt.date(2026, 11, 1)
    response = officer_client.post(url("confirm", member=member.pk), {"nil": "nil"})
    assert response.status_code == 302
    assert Review.objects.filter(member=member, nil=True).exists()


def test_another_organisations_member_or_interest_is_not_found(
    officer_client: Client, factory: Factory
) -> None:
    stranger = factory.panel_member(factory.panel(factory.other))
    interest = factory.interest(stranger)
    assert officer_client.get(url("member", member=stranger.pk)).status_code == 404
    assert officer_client.get(url("declare_interest", member=stranger.pk)).status_code == 404
    assert officer_client.post(url("close_interest", pk=interest.pk)).status_code == 404


def gift_data(**fields: str) -> dict[str, str]:
    data = {
        "giver_kind": "contractor",
        "giver_name": "Brightside Roofing Ltd",
        "description": "Lunch at an open day",
        "value": "£18.50",
        "reported_to_role": "customer_involvement_team",
        **date_fields("given_on", dt.date(2026, 11, 10)),
    }
    data.update(fields)
    return data


def test_an_officer_declares_a_gift_that_waits_for_the_next_meeting_gift_1_gift_2(
    officer_client: Client, vela: PolicyVersion, member: Member
) -> None:
    response = officer_client.post(url("declare_gift", member=member.pk), gift_data())
    assert response.status_code == 302
    gift = Gift.objects.get()
    assert (gift.value, gift.status) == (pytest.approx(18.5), GiftStatus.WAITING_FOR_MEETING)
    page = officer_client.get(url("gifts"))
    assert "Waiting for a meeting" in page.text and "Brightside Roofing Ltd" in page.text


def test_the_declaration_page_gives_the_codes_threshold_and_the_register_marks_gifts_under_it(
    officer_client: Client, factory: Factory, member: Member
) -> None:
    """GIFT-1: where the code sets a threshold, a gift worth no more is declared by choice."""
    in_force_with_threshold(factory, "vela", 20)
    form = officer_client.get(url("declare_gift", member=member.pk))
    assert "worth more than £20. You may also declare one worth £20 or less" in form.text
    officer_client.post(url("declare_gift", member=member.pk), gift_data())
    officer_client.post(
        url("declare_gift", member=member.pk), gift_data(description="Hamper", value="45")
    )
    page = officer_client.get(url("gifts"))
    assert page.text.count("Under the threshold") == 1
    assert Gift.objects.get(description="Lunch at an open day").under_threshold


def test_a_value_that_is_not_money_gets_a_clear_message_and_nothing_is_saved(
    officer_client: Client, vela: PolicyVersion, member: Member
) -> None:
    response = officer_client.post(
        url("declare_gift", member=member.pk), gift_data(value="a nice lunch")
    )
    assert response.status_code == 200
    assert "Enter the estimated value in pounds and pence, like 25 or 12.50" in response.text
    assert not Gift.objects.exists()


def test_a_second_decision_on_a_decided_gift_is_refused_with_a_clear_message(
    officer_client: Client, factory: Factory, vela: PolicyVersion, member: Member
) -> None:
    gift = factory.gift(member)
    data = {"outcome": "returned", **date_fields("decided_on", dt.date(2026, 11, 20))}
    assert officer_client.post(url("decide_gift", pk=gift.pk), data).status_code == 302
    gift.refresh_from_db()
    assert (gift.outcome, gift.status) == ("returned", "decided")
    page = officer_client.get(url("decide_gift", pk=gift.pk))
    assert "A decision is recorded and is not changed" in page.text
    again = officer_client.post(url("decide_gift", pk=gift.pk), {**data, "outcome": "kept"})
    assert again.status_code == 200
    assert "already decided on 20 November 2026: returned" in again.text
    gift.refresh_from_db()
    assert gift.outcome == "returned" and audit_actions(gift) == ["gift.decided"]


def test_the_register_of_interests_filters_by_member_name_kind_and_state(
    auditor_client: Client, factory: Factory
) -> None:
    ann, bob = (
        factory.panel_member(full_name="Ann Avery"),
        factory.panel_member(full_name="Bob Brown"),
    )
    factory.interest(ann, kind="employment", description="Job at the council")
    factory.interest(
        bob, kind="personal", description="Lives on the estate", ends_on=dt.date(2026, 3, 1)
    )
    page = auditor_client.get(url("interests"), {"name": "ann av"})
    assert "Job at the council" in page.text and "Lives on the estate" not in page.text
    page = auditor_client.get(url("interests"), {"state": "ended"})
    assert "Lives on the estate" in page.text and "Job at the council" not in page.text
    page = auditor_client.get(url("interests"), {"kind": "employment"})
    assert "Job at the council" in page.text and "Lives on the estate" not in page.text
    assert "Record end date" not in page.text  # auditors read only


def test_the_gifts_register_filters_by_status(officer_client: Client, factory: Factory) -> None:
    member = factory.panel_member()
    factory.gift(member, description="Waiting cake")
    factory.gift(
        member,
        description="Decided flowers",
        status="decided",
        outcome="shared",
        decided_on=dt.date(2026, 11, 20),
        decided_at=dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC),
    )
    page = officer_client.get(url("gifts"), {"status": "decided"})
    assert "Decided flowers" in page.text and "Waiting cake" not in page.text


def test_overdue_declarations_are_flagged_on_the_register_coi_1(
    officer_client: Client, factory: Factory
) -> None:
    factory.panel_member(full_name="Never Declared")
    page = officer_client.get(url("interests"))
    assert url("reviews_due") in page.text
    due = officer_client.get(url("reviews_due"))
    assert "Never Declared</a>" in due.text and "No declaration yet" in due.text


def test_exports_give_csv_and_a_pdf_for_the_board(auditor_client: Client, factory: Factory) -> None:
    member = factory.panel_member(full_name="=Formula Name")
    factory.interest(member, description="Chair of a tenants' forum")
    factory.gift(member, giver_name="Acme Lifts", value="12.50")
    interests_csv = auditor_client.get(url("interests_csv"))
    assert interests_csv["Content-Type"].startswith("text/csv")
    text = interests_csv.content.decode("utf-8-sig")
    assert "Chair of a tenants' forum" in text and "'=Formula Name" in text
    gifts_csv = auditor_client.get(url("gifts_csv")).content.decode("utf-8-sig")
    assert "Acme Lifts" in gifts_csv and "12.50" in gifts_csv
    for name in ("interests_pdf", "gifts_pdf"):
        pdf = auditor_client.get(url(name))
        assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_register_settings_are_saved_by_an_officer(
    officer_client: Client, factory: Factory
) -> None:
    response = officer_client.post(url("settings"), {"review_months": "6", "published": "on"})
    assert response.status_code == 302
    factory.home.register_settings.refresh_from_db()
    assert (
        factory.home.register_settings.review_months,
        factory.home.register_settings.published,
    ) == (6, True)
    bad = officer_client.post(url("settings"), {"review_months": "twelve"})
    assert "Enter the review period as a whole number of months" in bad.text


def test_state_changes_refuse_get_for_confirm_only_as_post_forms(
    officer_client: Client, member: Member
) -> None:
    assert officer_client.put(url("confirm", member=member.pk)).status_code == 405


def count_queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def fill(factory: Factory, n: int) -> Member:
    """``n`` members, each never reviewed (so due), with an interest, a gift and a piece
    of work."""
    first = None
    for index in range(n):
        member = factory.panel_member(full_name=f"Member {index}")
        first = first or member
        factory.interest(member)
        factory.gift(member)
        factory.work_item()
    assert first is not None
    return first


@pytest.mark.parametrize(
    "page",
    [
        lambda m: url("interests"),
        lambda m: url("gifts"),
        lambda m: url("interests_csv"),
        lambda m: url("gifts_csv"),
        lambda m: url("work_items"),
        lambda m: url("reviews_due"),
        lambda m: url("interests") + "?name=member&kind=membership&state=current",
        lambda m: (
            url("gifts") + "?name=member&status=waiting_for_meeting&given_from_day=1"
            "&given_from_month=1&given_from_year=2026"
        ),
        lambda m: f"{API}/{ORG}/interests?name=member&kind=membership",
        lambda m: f"{API}/{ORG}/gifts?status=waiting_for_meeting&given_to=2026-12-31",
        lambda m: f"{API}/{ORG}/work-items?kind=project",
        lambda m: f"{API}/{ORG}/reviews-due",
    ],
    ids=[
        "interests",
        "gifts",
        "interests_csv",
        "gifts_csv",
        "work_items",
        "reviews_due",
        "interests_filtered",
        "gifts_filtered",
        "api_interests",
        "api_gifts",
        "api_work_items",
        "api_reviews_due",
    ],
)
def test_register_pages_run_the_same_queries_at_3_and_30_entries(
    officer_client: Client, factory: Factory, vela: PolicyVersion, page: Callable[[Member], str]
) -> None:
    fill(factory, 3)
    few = count_queries(officer_client, page(None))  # type: ignore[arg-type]
    fill(factory, 27)
    assert count_queries(officer_client, page(None)) == few  # type: ignore[arg-type]


def test_a_members_register_page_runs_the_same_queries_at_3_and_30_entries(
    officer_client: Client, factory: Factory, vela: PolicyVersion, member: Member
) -> None:
    for _ in range(3):
        factory.interest(member)
        factory.gift(member)
    few = count_queries(officer_client, url("member", member=member.pk))
    for _ in range(27):
        factory.interest(member)
        factory.gift(member)
    assert count_queries(officer_client, url("member", member=member.pk)) == few
