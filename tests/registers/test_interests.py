"""Declaring, closing and reviewing interests (COI-1)."""

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member
from panelkeeper.registers.interests import (
    close_interest,
    confirm_register,
    declare_interest,
    members_with_reviews,
    update_register_settings,
)
from panelkeeper.registers.models import Interest, InterestKind, Review
from tests.factory import Factory
from tests.registers.conftest import TODAY, audit_actions


def declare(member: Member, actor: User, **fields: object) -> Interest:
    fields.setdefault("kind", InterestKind.EMPLOYMENT)
    fields.setdefault("description", "Part-time job with a repairs contractor")
    fields.setdefault("starts_on", dt.date(2026, 3, 1))
    return declare_interest(member=member, actor=actor, today=TODAY, **fields)  # type: ignore[arg-type]


def test_a_member_declares_an_interest_which_is_audited_and_counts_as_a_review_coi_1(
    member: Member,
) -> None:
    assert member.user is not None
    interest = declare(member, member.user)
    assert interest.organisation == member.group.organisation
    assert interest.declared_by == member.user and interest.ends_on is None
    assert audit_actions(interest) == ["interest.declared"]
    review = Review.objects.get(member=member)
    assert (review.reviewed_on, review.nil) == (TODAY, False)


def test_an_officer_declares_for_a_member(member: Member, officer: User) -> None:
    interest = declare(
        member, officer, kind=InterestKind.CLOSE_RELATIVE, description="Son is a tenant"
    )
    assert interest.declared_by == officer


def test_an_end_date_before_the_start_is_refused_and_nothing_is_saved(
    member: Member, officer: User
) -> None:
    with pytest.raises(Refused, match="same as or after the date it started") as caught:
        declare(member, officer, starts_on=dt.date(2026, 5, 1), ends_on=dt.date(2026, 4, 30))
    assert caught.value.field == "ends_on"
    assert not Interest.objects.exists() and not Review.objects.exists()


def test_an_unknown_kind_or_empty_description_is_refused(member: Member, officer: User) -> None:
    with pytest.raises(Refused, match="kind"):
        declare(member, officer, kind="gossip")
    with pytest.raises(Refused, match="Describe"):
        declare(member, officer, description="   ")
    assert not Interest.objects.exists()


def test_closing_keeps_the_interest_in_the_history_coi_1(member: Member, officer: User) -> None:
    interest = declare(member, officer)
    closed = close_interest(
        interest=interest, ends_on=dt.date(2026, 10, 31), actor=officer, today=TODAY
    )
    assert closed.ends_on == dt.date(2026, 10, 31) and closed.closed_by == officer
    assert Interest.objects.filter(pk=interest.pk).exists()
    assert not Interest.objects.current(on=TODAY).exists()
    assert Interest.objects.current(on=dt.date(2026, 10, 31)).get() == interest
    assert audit_actions(interest) == ["interest.declared", "interest.closed"]


def test_closing_twice_before_the_start_or_in_the_future_is_refused(
    member: Member, officer: User
) -> None:
    interest = declare(member, officer)
    with pytest.raises(Refused, match="today or in the past"):
        close_interest(
            interest=interest, ends_on=TODAY + dt.timedelta(days=1), actor=officer, today=TODAY
        )
    with pytest.raises(Refused, match="1 March 2026, when it started"):
        close_interest(interest=interest, ends_on=dt.date(2026, 2, 1), actor=officer, today=TODAY)
    close_interest(interest=interest, ends_on=TODAY, actor=officer, today=TODAY)
    with pytest.raises(Refused, match="already ended on 23 November 2026"):
        close_interest(interest=interest, ends_on=TODAY, actor=officer, today=TODAY)


def test_a_nil_declaration_is_recorded_when_nothing_is_current_coi_1(
    member: Member, officer: User
) -> None:
    review = confirm_register(member=member, nil=True, actor=officer, today=TODAY)
    assert review.nil and review.reviewed_on == TODAY
    assert audit_actions(review) == ["register_review.recorded"]


def test_a_nil_declaration_is_refused_while_an_interest_is_current(
    member: Member, officer: User
) -> None:
    declare(member, officer)
    with pytest.raises(Refused, match="still current"):
        confirm_register(member=member, nil=True, actor=officer, today=TODAY)
    assert Review.objects.filter(nil=True).count() == 0


def test_a_declaration_not_reviewed_for_twelve_months_is_flagged_coi_1(
    factory: Factory, officer: User
) -> None:
    recent, stale, _never = (
        factory.panel_member(full_name=n) for n in ("Recent", "Stale", "Never")
    )
    confirm_register(member=recent, nil=True, actor=officer, today=dt.date(2026, 1, 10))
    confirm_register(member=stale, nil=True, actor=officer, today=dt.date(2025, 11, 23))
    states = {m.full_name: s for m, s in members_with_reviews(factory.home, on=TODAY)}
    assert not states["Recent"].overdue and states["Recent"].due == dt.date(2027, 1, 10)
    assert states["Stale"].overdue and states["Stale"].due == TODAY
    assert states["Never"].overdue and states["Never"].last_reviewed is None


def test_the_organisation_sets_its_own_review_period(factory: Factory, officer: User) -> None:
    member = factory.panel_member()
    confirm_register(member=member, nil=True, actor=officer, today=dt.date(2026, 6, 1))
    settings = update_register_settings(
        organisation=factory.home, review_months=3, published=False, actor=officer
    )
    assert audit_actions(settings) == ["register_settings.updated"]
    [(_, state)] = members_with_reviews(factory.home, on=TODAY)
    assert state.overdue and state.due == dt.date(2026, 9, 1)
    with pytest.raises(Refused, match="between 1 and 60"):
        update_register_settings(
            organisation=factory.home, review_months=0, published=False, actor=officer
        )
