"""Assigning the staff titles a code declares to people (BR-2, BR-13)."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.accounts.models import User
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import RoleHolder
from panelkeeper.organisations.role_holders import assign_role_holder
from tests.factory import Factory
from tests.organisations.conftest import audit_actions

TODAY = dt.date(2026, 11, 23)


def assign(
    factory: Factory,
    user: User,
    actor: User,
    key: str = "customer_involvement_team",
    on: dt.date = TODAY,
) -> RoleHolder:
    return assign_role_holder(
        organisation=factory.home,
        role_key=key,
        user=user,
        effective_from=on,
        actor=actor,
        today=TODAY,
    )


def test_a_declared_title_is_given_to_someone_with_a_grant_here_br_2(
    factory: Factory, officer: User, holder: User
) -> None:
    factory.draft_version(preset="vela")
    made = assign(factory, holder, officer)
    assert (made.role_title, made.user, made.effective_from) == (
        "Customer Involvement Team",
        holder,
        TODAY,
    )
    assert made.effective_until is None
    assert audit_actions(made) == ["role_holder.assigned"]


def test_a_new_holder_ends_the_current_term_on_the_day_they_start(
    factory: Factory, officer: User, holder: User
) -> None:
    factory.draft_version(preset="vela")
    first = assign(factory, officer, officer, on=dt.date(2026, 1, 5))
    second = assign(factory, holder, officer, on=dt.date(2026, 6, 1))
    first.refresh_from_db()
    assert first.effective_until == dt.date(2026, 6, 1)
    assert list(RoleHolder.objects.current()) == [second]
    assert audit_actions(first) == ["role_holder.assigned", "role_holder.ended"]


def test_a_same_day_correction_leaves_an_empty_term_in_the_history(
    factory: Factory, officer: User, holder: User
) -> None:
    factory.draft_version(preset="vela")
    first = assign(factory, officer, officer)
    assign(factory, holder, officer)
    first.refresh_from_db()
    assert first.effective_from == first.effective_until == TODAY


@pytest.mark.parametrize(
    ("key", "who", "on", "field"),
    [
        ("chief_executive", "holder", TODAY, "role_key"),
        ("customer_involvement_team", "outsider", TODAY, "user"),
        ("customer_involvement_team", "officer", TODAY, "user"),
        ("customer_involvement_team", "holder", dt.date(2026, 1, 4), "effective_from"),
    ],
    ids=[
        "undeclared title",
        "another organisation's officer",
        "already holds it",
        "before the current term",
    ],
)
def test_assigning_is_refused_with_what_to_do(
    factory: Factory,
    officer: User,
    holder: User,
    outsider: User,
    key: str,
    who: str,
    on: dt.date,
    field: str,
) -> None:
    factory.draft_version(preset="vela")
    assign(factory, officer, officer, on=dt.date(2026, 1, 5))
    people = {"holder": holder, "outsider": outsider, "officer": officer}
    with pytest.raises(Refused) as refused:
        assign(factory, people[who], officer, key=key, on=on)
    assert refused.value.field == field
    assert RoleHolder.objects.count() == 1
