"""Declaring gifts and hospitality and recording what happens to them (GIFT-1 to GIFT-3)."""

import datetime as dt
from decimal import Decimal

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.registers.gifts import decide_gift, declare_gift
from panelkeeper.registers.models import Gift, GiftDirection, GiftOutcome, GiftStatus
from tests.factory import Factory
from tests.registers.conftest import TODAY, audit_actions, in_force, in_force_with_threshold


def declare(member: Member, actor: User, **fields: object) -> Gift:
    fields.setdefault("giver_kind", "contractor")
    fields.setdefault("giver_name", "Brightside Roofing Ltd")
    fields.setdefault("description", "Two tickets to a football match")
    fields.setdefault("value", Decimal("80.00"))
    fields.setdefault("given_on", dt.date(2026, 11, 14))
    return declare_gift(member=member, actor=actor, today=TODAY, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("preset", ["vela", "insight", "herefordshire"])
def test_a_gift_waits_for_the_groups_next_meeting_where_the_code_says_so_gift_2(
    factory: Factory, member: Member, preset: str
) -> None:
    in_force(factory, preset)
    assert member.user is not None
    gift = declare(
        member,
        member.user,
        reported_to_role="customer_involvement_team" if preset != "insight" else None,
    )
    assert gift.status == GiftStatus.WAITING_FOR_MEETING
    assert gift.decides_title == f"the next meeting of {member.group.name}"
    assert list(Gift.objects.waiting_for_meeting(member.group)) == [gift]
    assert audit_actions(gift) == ["gift.declared"]


def test_in_thirteen_the_team_decides_and_nothing_waits_for_a_meeting_gift_2(
    factory: Factory, member: Member, officer: User
) -> None:
    in_force(factory, "thirteen")
    gift = declare(member, officer)
    assert gift.status == GiftStatus.WAITING_FOR_DECISION
    assert gift.decides_title == "Customer Involvement Team"
    assert not Gift.objects.waiting_for_meeting(member.group).exists()


def test_thirteen_registers_offers_too_and_vela_refuses_them_gift_1_gift_3(
    factory: Factory, member: Member, officer: User
) -> None:
    in_force(factory, "thirteen")
    offered = declare(member, officer, direction=GiftDirection.OFFERED)
    assert offered.direction == "offered"
    other = factory.organisation()
    in_force(factory, "vela", other)
    elsewhere = factory.panel_member(factory.panel(other))
    with pytest.raises(Refused, match="only for gifts and hospitality received") as caught:
        declare(elsewhere, officer, direction=GiftDirection.OFFERED)
    assert caught.value.field == "direction"
    assert Gift.objects.count() == 1


def test_herefordshire_asks_which_of_the_two_roles_was_told_gift_1(
    factory: Factory, member: Member, officer: User
) -> None:
    in_force(factory, "herefordshire")
    with pytest.raises(Refused, match="Chair of the Challenge Group or Customer Involvement Team"):
        declare(member, officer)
    assert declare(member, officer, reported_to_role="chair").reported_to_title == (
        "Chair of the Challenge Group"
    )


def test_without_a_gifts_register_or_a_code_the_declaration_is_refused(
    factory: Factory, member: Member, officer: User
) -> None:
    with pytest.raises(Refused, match="keeps no register of gifts"):
        declare(member, officer)
    in_force(factory, "nexus")
    with pytest.raises(Refused, match="keeps no register of gifts"):
        declare(member, officer)
    assert not Gift.objects.exists()


def test_bad_input_is_refused_with_nothing_saved(
    factory: Factory, vela: PolicyVersion, member: Member, officer: User
) -> None:
    for fields, message in [
        ({"value": Decimal("-1")}, "between £0"),
        ({"given_on": TODAY + dt.timedelta(days=1)}, "today or in the past"),
        ({"giver_name": " "}, "who gave"),
        ({"giver_kind": "cousin"}, "who gave"),
        ({"description": ""}, "Describe"),
    ]:
        with pytest.raises(Refused, match=message):
            declare(member, officer, **fields)
    assert not Gift.objects.exists()


def test_the_named_role_records_the_outcome_once_gift_2(
    factory: Factory, member: Member, officer: User
) -> None:
    in_force(factory, "thirteen")
    gift = declare(member, officer)
    decided = decide_gift(
        gift=gift,
        outcome=GiftOutcome.DONATED,
        decided_on=dt.date(2026, 11, 20),
        note="Given to the food bank",
        actor=officer,
        today=TODAY,
    )
    assert (decided.status, decided.outcome, decided.decided_by) == ("decided", "donated", officer)
    assert audit_actions(gift) == ["gift.declared", "gift.decided"]
    with pytest.raises(Refused, match="already decided on 20 November 2026: donated"):
        decide_gift(
            gift=gift, outcome=GiftOutcome.KEPT, decided_on=TODAY, actor=officer, today=TODAY
        )
    gift.refresh_from_db()
    assert gift.outcome == "donated" and audit_actions(gift)[-1] == "gift.decided"


def test_a_decision_before_the_gift_or_with_no_outcome_is_refused(
    factory: Factory, vela: PolicyVersion, member: Member, officer: User
) -> None:
    gift = declare(member, officer)
    with pytest.raises(Refused, match="on or after 14 November 2026"):
        decide_gift(
            gift=gift, outcome="kept", decided_on=dt.date(2026, 11, 1), actor=officer, today=TODAY
        )
    with pytest.raises(Refused, match="Select what happens"):
        decide_gift(gift=gift, outcome="eaten", decided_on=TODAY, actor=officer, today=TODAY)
    gift.refresh_from_db()
    assert gift.status == GiftStatus.WAITING_FOR_MEETING


def test_a_decided_gift_no_longer_waits_for_the_meeting(
    factory: Factory, vela: PolicyVersion, member: Member, officer: User
) -> None:
    gift = declare(member, officer)
    decide_gift(gift=gift, outcome="shared", decided_on=TODAY, actor=officer, today=TODAY)
    assert not Gift.objects.waiting_for_meeting(member.group).exists()


def test_a_gift_under_the_codes_threshold_is_registered_and_marked_as_a_choice_gift_1(
    factory: Factory, member: Member, officer: User
) -> None:
    in_force_with_threshold(factory, "thirteen", 25)
    small = declare(member, officer, value=Decimal("25.00"))
    large = declare(member, officer, value=Decimal("25.01"))
    assert small.under_threshold and not large.under_threshold
    assert small.status == large.status == GiftStatus.WAITING_FOR_DECISION


def test_without_a_threshold_no_gift_is_marked_as_a_choice_gift_1(
    factory: Factory, member: Member, officer: User
) -> None:
    in_force(factory, "thirteen")
    assert not declare(member, officer, value=Decimal("0.00")).under_threshold
