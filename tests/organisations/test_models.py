"""What the database itself guarantees about versions, role holders and closure days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from panelkeeper.organisations.models import ClosureDay, PolicyVersion, RoleHolder
from tests.factory import Factory

JAN_5 = dt.date(2026, 1, 5)


def test_the_version_in_force_is_the_latest_published_on_or_before_the_date_gov_1(
    factory: Factory,
) -> None:
    first = factory.published_version(in_force_from=dt.date(2025, 1, 1), version="2025-1")
    second = factory.published_version(in_force_from=dt.date(2026, 3, 1), version="2026-1")
    factory.draft_version()
    factory.published_version(factory.other, in_force_from=dt.date(2026, 2, 1))
    home = factory.home
    assert PolicyVersion.objects.in_force(home, on=dt.date(2024, 12, 31)) is None
    assert PolicyVersion.objects.in_force(home, on=dt.date(2025, 1, 1)) == first
    assert PolicyVersion.objects.in_force(home, on=dt.date(2026, 2, 28)) == first
    assert PolicyVersion.objects.in_force(home, on=dt.date(2026, 3, 1)) == second


def test_the_database_refuses_any_update_of_a_published_version(factory: Factory) -> None:
    version = factory.published_version()
    for change in ({"source": "changed"}, {"status": "draft"}, {"version": "x"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            PolicyVersion.objects.filter(pk=version.pk).update(**change)
    version.refresh_from_db()
    assert version.status == PolicyVersion.Status.PUBLISHED
    assert version.version.startswith("draft-")


def test_a_draft_can_still_be_changed_in_the_database(factory: Factory) -> None:
    draft = factory.draft_version()
    PolicyVersion.objects.filter(pk=draft.pk).update(file_name="renamed.toml")
    draft.refresh_from_db()
    assert draft.file_name == "renamed.toml"


def test_a_published_version_must_carry_its_approval_and_in_force_dates(
    factory: Factory,
) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factory.draft_version(status=PolicyVersion.Status.PUBLISHED, published_at=timezone.now())


def test_a_version_cannot_come_into_force_before_it_was_approved(factory: Factory) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factory.published_version(in_force_from=JAN_5, approved_on=JAN_5 + dt.timedelta(days=1))


def test_two_published_versions_cannot_share_a_label_or_an_in_force_date(
    factory: Factory,
) -> None:
    factory.published_version(version="2026-1", in_force_from=JAN_5)
    with pytest.raises(IntegrityError), transaction.atomic():
        factory.published_version(version="2026-1", in_force_from=dt.date(2026, 6, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        factory.published_version(version="2026-2", in_force_from=JAN_5)


def test_a_title_has_at_most_one_open_term(factory: Factory) -> None:
    factory.role_holder("chief_executive")
    with pytest.raises(IntegrityError), transaction.atomic():
        factory.role_holder("chief_executive")
    factory.role_holder("chief_executive", factory.officer(factory.other), factory.other)
    assert RoleHolder.objects.current().count() == 2


def test_a_term_cannot_end_before_it_starts(factory: Factory) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factory.role_holder("mentor", effective_until=JAN_5 - dt.timedelta(days=1))


def test_role_holders_on_a_date_follow_their_half_open_terms(factory: Factory) -> None:
    old = factory.role_holder("mentor", effective_until=dt.date(2026, 3, 1))
    new = factory.role_holder("mentor", effective_from=dt.date(2026, 3, 1))
    assert list(RoleHolder.objects.on(dt.date(2026, 2, 28))) == [old]
    assert list(RoleHolder.objects.on(dt.date(2026, 3, 1))) == [new]
    assert list(RoleHolder.objects.on(dt.date(2026, 1, 4))) == []


def test_a_closure_day_is_recorded_once_per_organisation_and_date(factory: Factory) -> None:
    factory.closure_day(date=JAN_5)
    with pytest.raises(IntegrityError), transaction.atomic():
        factory.closure_day(date=JAN_5)
    factory.closure_day(factory.other, date=JAN_5)
    assert ClosureDay.objects.filter(date=JAN_5).count() == 2


def test_records_describe_themselves(factory: Factory) -> None:
    version = factory.published_version(version="2026-1")
    day = factory.closure_day(date=JAN_5, reason="Stocktake")
    holder = factory.role_holder("mentor", role_title="Mentor")
    assert str(version) == "Home Housing code version 2026-1 (Published)"
    assert str(day) == "Home Housing closed on 5 January 2026: Stocktake"
    assert str(holder) == f"{holder.user} as Mentor at Home Housing"
