"""A member's status is an effective-dated history, read on a date and as known on a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import Member, MemberStatus, Status
from panelkeeper.members.records import change_member_status
from panelkeeper.members.status import status_on
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def suspend_then_lift(factory: Factory) -> Member:
    """Suspended from 2 March (recorded 2 March); lifted on appeal from the same day,
    recorded on 20 March."""
    member = factory.panel_member(started_on=dt.date(2026, 1, 5))
    for status, reason, recorded in (
        (Status.SUSPENDED, "Suspended while a breach is investigated", dt.date(2026, 3, 2)),
        (Status.ACTIVE, "Suspension lifted on appeal", dt.date(2026, 3, 20)),
    ):
        MemberStatus.objects.create(
            member=member,
            status=status,
            reason=reason,
            effective_from=dt.date(2026, 3, 2),
            recorded_at=dt.datetime(recorded.year, recorded.month, recorded.day, 12, tzinfo=dt.UTC),
        )
    return member


def test_a_new_member_is_active_from_the_day_they_start(factory: Factory) -> None:
    member = factory.panel_member(started_on=dt.date(2026, 1, 5))
    assert status_on(member, on=dt.date(2026, 1, 4)) is None
    assert status_on(member, on=dt.date(2026, 1, 5)) == Status.ACTIVE
    assert Member.objects.active(on=dt.date(2026, 1, 5)).get() == member
    assert not Member.objects.active(on=dt.date(2026, 1, 4)).exists()


def test_a_suspension_applies_from_its_effective_date(factory: Factory) -> None:
    member = factory.panel_member(started_on=dt.date(2026, 1, 5))
    change_member_status(
        member=member,
        status=Status.SUSPENDED,
        reason="Suspended while a breach is investigated",
        effective_from=dt.date(2026, 3, 2),
        actor=factory.officer(),
        today=TODAY,
    )
    assert status_on(member, on=dt.date(2026, 3, 1)) == Status.ACTIVE
    assert status_on(member, on=dt.date(2026, 3, 2)) == Status.SUSPENDED
    assert not Member.objects.active(on=dt.date(2026, 3, 10)).exists()
    entries = AuditEntry.objects.filter(action="member_status.recorded")
    assert entries.count() == 2
    assert entries.first().fields == ["status", "reason", "effective_from"]  # type: ignore[union-attr]


def test_a_later_record_lifts_a_suspension_without_rewriting_it(factory: Factory) -> None:
    member = suspend_then_lift(factory)
    assert status_on(member, on=dt.date(2026, 3, 10)) == Status.ACTIVE
    assert Member.objects.active(on=dt.date(2026, 3, 10)).get() == member
    assert MemberStatus.objects.filter(member=member, status=Status.SUSPENDED).exists()


def test_active_members_and_their_status_on_a_day_agree_with_each_members_records(
    factory: Factory,
) -> None:
    """Whole-list lookups give each member the status :func:`status_on` reads from their
    own records: a suspension set for a later day counts only from that day, and a later
    record for the same day overrides an earlier one."""
    lifted = suspend_then_lift(factory)
    future = factory.panel_member(started_on=dt.date(2026, 1, 5))
    MemberStatus.objects.create(
        member=future,
        status=Status.SUSPENDED,
        reason="Suspended from the next meeting",
        effective_from=dt.date(2026, 4, 1),
        recorded_at=dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC),
    )
    late = factory.panel_member(started_on=dt.date(2026, 3, 5))
    for day in (dt.date(2026, 3, 1), dt.date(2026, 3, 10), dt.date(2026, 4, 1)):
        expected = {m for m in (lifted, future, late) if status_on(m, on=day) == Status.ACTIVE}
        assert set(Member.objects.active(on=day)) == expected
        statuses = {m.pk: getattr(m, "status_then") for m in Member.objects.with_status(on=day)}  # noqa: B009 (annotated)
        assert statuses == {m.pk: status_on(m, on=day) for m in (lifted, future, late)}
    assert set(Member.objects.active(on=dt.date(2026, 3, 20))) == {lifted, future, late}
    assert future not in Member.objects.active(on=dt.date(2026, 4, 1))


def test_active_members_are_found_without_selecting_their_status(factory: Factory) -> None:
    """The status is read once per member, in the filter, not again for every row returned."""
    factory.panel_member(started_on=dt.date(2026, 1, 5))
    sql = str(Member.objects.active(on=TODAY).query)
    assert sql.count("members_memberstatus") == 1


def test_as_known_on_a_day_shows_what_the_records_said_then(factory: Factory) -> None:
    member = suspend_then_lift(factory)
    on = dt.date(2026, 3, 10)
    assert status_on(member, on=on, known_on=dt.date(2026, 3, 1)) is None
    assert status_on(member, on=on, known_on=dt.date(2026, 3, 2)) == Status.SUSPENDED
    assert status_on(member, on=on, known_on=dt.date(2026, 3, 19)) == Status.SUSPENDED
    assert status_on(member, on=on, known_on=dt.date(2026, 3, 20)) == Status.ACTIVE


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"reason": " "}, "reason", "Enter the reason for the change"),
        ({"effective_from": dt.date(2026, 11, 24)}, "effective_from", "today or in the past"),
        ({"effective_from": dt.date(2026, 1, 4)}, "effective_from", "when the member started"),
        ({"status": "retired"}, "status", "Select active, suspended or ended"),
    ],
)
def test_a_bad_status_change_is_refused_and_nothing_is_saved(
    factory: Factory, changes: dict[str, object], field: str, message: str
) -> None:
    member = factory.panel_member(started_on=dt.date(2026, 1, 5))
    arguments: dict[str, object] = {
        "status": Status.SUSPENDED,
        "reason": "Suspended",
        "effective_from": dt.date(2026, 3, 2),
        **changes,
    }
    with pytest.raises(Refused) as refusal:
        change_member_status(member=member, actor=None, today=TODAY, **arguments)  # type: ignore[arg-type]
    assert refusal.value.field == field
    assert message in refusal.value.message
    assert MemberStatus.objects.filter(member=member).count() == 1


def test_the_database_refuses_to_rewrite_or_delete_a_status_record(factory: Factory) -> None:
    member = factory.panel_member()
    entry = MemberStatus.objects.get(member=member)
    for sql in (
        "UPDATE members_memberstatus SET status = 'ended' WHERE id = %s",
        "DELETE FROM members_memberstatus WHERE id = %s",
    ):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    entry.refresh_from_db()
    assert entry.status == Status.ACTIVE
