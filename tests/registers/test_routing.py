"""What each preset says about gifts and conflicts, and money as people type it (no database)."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from panelkeeper.registers.routing import (
    conflict_route,
    format_money,
    gift_route,
    parse_money,
    review_due,
)
from panelkeeper.rules.policy.presets import load_preset


@pytest.mark.parametrize("slug", ["vela", "insight", "herefordshire"])
def test_gifts_wait_for_the_next_meeting_where_the_code_says_so_gift_2(slug: str) -> None:
    route = gift_route(load_preset(slug))
    assert route is not None
    assert route.at_next_meeting and route.decided_by is None
    assert not route.offered_too


def test_thirteen_takes_offers_too_and_its_team_decides_gift_1_gift_2() -> None:
    route = gift_route(load_preset("thirteen"))
    assert route is not None
    assert route.offered_too and not route.at_next_meeting
    assert route.decided_by is not None and route.decided_by.key == "customer_involvement_team"


def test_herefordshire_gifts_are_reported_to_the_chair_and_the_team_gift_1() -> None:
    route = gift_route(load_preset("herefordshire"))
    assert route is not None
    assert [r.key for r in route.report_to] == ["chair", "customer_involvement_team"]


def test_nexus_keeps_no_gifts_register_gift_3() -> None:
    assert gift_route(load_preset("nexus")) is None
    assert gift_route(None) is None


def test_the_role_the_code_names_decides_a_conflict_interpretation_12() -> None:
    deciders = {
        slug: [r.key for r in conflict_route(load_preset(slug)).decided_by]  # type: ignore[union-attr]
        for slug in ("vela", "insight", "herefordshire", "thirteen", "nexus")
    }
    assert deciders == {
        "vela": ["project_lead", "customer_involvement_team"],
        "insight": ["customer_involvement_coordinator"],
        "herefordshire": ["customer_involvement_team"],
        "thirteen": ["project_lead", "customer_involvement_team"],
        "nexus": ["chair", "panel"],
    }


def test_insight_is_told_immediately_and_nexus_tells_its_deciders_coi_3() -> None:
    insight = conflict_route(load_preset("insight"))
    nexus = conflict_route(load_preset("nexus"))
    assert insight is not None and insight.tell_immediately
    assert nexus is not None and [r.key for r in nexus.tell] == ["chair", "panel"]


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("25", "25.00"), ("£12.50", "12.50"), (" 1,250 ", "1250.00"), ("0.5", "0.50"), ("0", "0.00")],
)
def test_money_is_read_as_people_type_it(typed: str, amount: str) -> None:
    assert parse_money(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["a box of chocolates", "12.345", "£", "1e3", "12,50p", ""])
def test_a_value_that_is_not_money_says_how_to_write_it(typed: str) -> None:
    with pytest.raises(ValueError, match="Enter the estimated value in pounds and pence"):
        parse_money(typed)


def test_a_negative_or_huge_value_is_refused() -> None:
    with pytest.raises(ValueError, match="£0 or more"):
        parse_money("-5")
    with pytest.raises(ValueError, match="less than £1,000,000"):
        parse_money("1000000")


def test_money_is_shown_in_pounds_and_pence() -> None:
    assert format_money(Decimal("1250")) == "£1,250.00"


def test_a_review_falls_due_twelve_months_on_clamped_to_a_short_month_coi_1() -> None:
    assert review_due(dt.date(2025, 11, 23), 12) == dt.date(2026, 11, 23)
    assert review_due(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert review_due(dt.date(2023, 2, 28), 12) == dt.date(2024, 2, 28)


def test_a_gift_at_or_under_the_threshold_was_declared_by_choice_gift_1() -> None:
    vela = load_preset("vela")
    route = gift_route(vela)
    assert route is not None
    assert route.declare_over is None and route.threshold == ""
    assert not route.optional(Decimal("0.00"))
    assert vela.gifts is not None
    limited = gift_route(replace(vela, gifts=replace(vela.gifts, declare_over=25)))
    assert limited is not None
    assert limited.threshold == "£25"
    assert limited.optional(Decimal("25.00"))
    assert limited.optional(Decimal("0"))
    assert not limited.optional(Decimal("25.01"))
