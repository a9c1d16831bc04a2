"""A member's own registers: declaring interests and gifts, nil declarations (COI-1, GIFT-1)."""

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.models import Gift, GiftStatus, Interest, Review
from tests.factory import Factory
from tests.registers.conftest import audit_actions, in_force
from tests.registers.test_views_officers import date_fields


def mine(name: str, member: Member, **kwargs: object) -> str:
    return reverse(f"registers:{name}", kwargs={"member": member.pk, **kwargs})


def test_a_member_declares_their_own_interest_and_sees_it_coi_1(
    member_client: Client, member: Member
) -> None:
    data = {
        "kind": "membership",
        "description": "Treasurer of the Hope Street residents' group",
        **date_fields("starts_on", dt.date(2025, 9, 1)),
    }
    response = member_client.post(mine("my_interest", member), data)
    assert response.status_code == 302 and response["Location"] == mine("mine", member)
    interest = Interest.objects.get()
    assert interest.declared_by == member.user
    assert audit_actions(interest) == ["interest.declared"]
    page = member_client.get(mine("mine", member))
    assert "Treasurer of the Hope Street residents" in page.text
    assert f"Last reviewed on {timezone.localdate():%-d %B %Y}" in page.text


def test_a_member_closes_their_interest_and_then_makes_a_nil_declaration(
    member_client: Client, factory: Factory, member: Member
) -> None:
    interest = factory.interest(member)
    response = member_client.post(
        mine("my_close", member, pk=interest.pk), date_fields("ends_on", dt.date(2026, 11, 1))
    )
    assert response.status_code == 302
    assert member_client.post(mine("my_confirm", member), {"nil": "nil"}).status_code == 302
    assert Review.objects.filter(member=member, nil=True).count() == 1
    page = member_client.get(mine("mine", member))
    assert "(nil declaration)" in page.text and "Ended interests" in page.text


def test_a_nil_declaration_with_a_current_interest_is_refused_on_the_form(
    member_client: Client, factory: Factory, member: Member
) -> None:
    factory.interest(member)
    response = member_client.post(mine("my_confirm", member), {"nil": "nil"})
    assert response.status_code == 200 and "still current" in response.text
    assert not Review.objects.exists()


def test_a_member_declares_a_gift_received_gift_1(
    member_client: Client, vela: PolicyVersion, member: Member
) -> None:
    form = member_client.get(mine("my_gift", member))
    assert "Was it received or offered?" not in form.text  # vela takes gifts received only
    assert "discussed at the next meeting" in form.text
    data = {
        "giver_kind": "contractor",
        "giver_name": "Brightside Roofing Ltd",
        "description": "Box of biscuits",
        "value": "6",
        "reported_to_role": "customer_involvement_team",
        **date_fields("given_on", dt.date(2026, 11, 20)),
    }
    assert member_client.post(mine("my_gift", member), data).status_code == 302
    gift = Gift.objects.get()
    assert gift.status == GiftStatus.WAITING_FOR_MEETING and gift.declared_by == member.user
    page = member_client.get(mine("mine", member))
    assert "Box of biscuits" in page.text and "Waiting for a meeting" in page.text


def test_thirteen_asks_whether_it_was_received_or_offered(
    member_client: Client, factory: Factory, member: Member
) -> None:
    in_force(factory, "thirteen")
    form = member_client.get(mine("my_gift", member))
    assert "Was it received or offered?" in form.text
    assert "Customer Involvement Team records what happens to it" in form.text


def test_another_members_register_and_interests_are_not_found(
    member_client: Client, factory: Factory, member: Member
) -> None:
    other = factory.panel_member()
    interest = factory.interest(other)
    assert member_client.get(mine("mine", other)).status_code == 404
    assert member_client.post(mine("my_interest", other), {}).status_code == 404
    # Their own record in the URL does not open someone else's interest.
    assert member_client.get(mine("my_close", member, pk=interest.pk)).status_code == 404
    assert not Review.objects.exists()


def test_a_member_cannot_open_the_officers_registers(
    member_client: Client, factory: Factory, member: Member
) -> None:
    url = reverse("registers:interests", kwargs={"org": factory.home.slug})
    assert member_client.get(url).status_code == 404


def test_the_advocate_declares_for_the_member_they_act_for(factory: Factory) -> None:
    record = factory.advocated_record
    client = Client()
    client.force_login(factory.advocate())
    assert client.post(mine("my_confirm", record), {}).status_code == 302
    assert Review.objects.get().recorded_by == factory.advocate()


def test_my_registers_lists_a_persons_records_or_goes_straight_to_the_one(
    member_client: Client, member: Member, officer_client: Client
) -> None:
    response = member_client.get(reverse("registers:my_registers"))
    assert response.status_code == 302 and response["Location"] == mine("mine", member)
    assert "not recorded as a member" in officer_client.get(reverse("registers:my_registers")).text


def test_a_members_page_runs_the_same_queries_at_3_and_30_entries(
    member_client: Client, factory: Factory, vela: PolicyVersion, member: Member
) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert member_client.get(mine("mine", member)).status_code == 200
        return len(captured)

    for _ in range(3):
        factory.interest(member)
        factory.gift(member)
    few = count()
    for _ in range(27):
        factory.interest(member)
        factory.gift(member)
    assert count() == few
