"""The purge: whole records past their time go through the one path the triggers allow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.changes.people import add_party
from panelkeeper.cases.changes.steps import close_case
from panelkeeper.cases.models import Case, CaseEvent, CaseInvitation, CaseParty, Seat
from panelkeeper.concerns.handling import close_concern, send_reporter_message
from panelkeeper.concerns.models import Concern, Message
from panelkeeper.core.models import Removal
from panelkeeper.letters.models import Letter
from panelkeeper.members.models import Countersignature, Member, Signature
from panelkeeper.retention.holds import lift_hold, place_hold
from panelkeeper.retention.purge import due_records, purge
from panelkeeper.retention.removal import mark, remove_signature
from panelkeeper.retention.schedule import set_period
from tests.factory import Factory
from tests.retention.clock import clock_at
from tests.retention.records import end_membership

CLOSED_ON = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def pinned_clock() -> Iterator[None]:
    """Records made on 25 November 2026, so the audit trail's age is known too."""
    with clock_at(dt.date(2026, 11, 25)):
        yield


def _closed_case(factory: Factory) -> Case:
    case = factory.decided_case()
    factory.letter(case)
    close_case(case=case, actor=None, effective=CLOSED_ON, today=CLOSED_ON)
    return Case.objects.get(pk=case.pk)


def _due(factory: Factory, on: dt.date) -> list[tuple[str, str]]:
    return [(d.kind.key, d.label) for d in due_records(factory.home, today=on) if d.remove]


def test_a_case_event_cannot_be_deleted_while_its_case_is_not_marked(factory: Factory) -> None:
    event = factory.the_case.events.first()
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(pk=event.pk).update(level="changed")


def test_a_case_event_may_be_deleted_once_its_case_is_marked_and_no_other_case_event(
    factory: Factory,
) -> None:
    marked = factory.the_case
    other = factory.breach_case(factory.member_record)
    mark("cases_case", marked.pk)
    CaseEvent.objects.filter(case=marked).delete()
    assert not CaseEvent.objects.filter(case=marked).exists()
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(case=other).delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        CaseEvent.objects.filter(case=other).update(level="changed")


def test_a_signature_may_be_deleted_only_once_it_is_marked(factory: Factory) -> None:
    member = factory.member_record
    first = factory.signature(member, factory.document_version("code_of_conduct"))
    with pytest.raises(DatabaseError), transaction.atomic():
        Signature.objects.filter(pk=first.pk).delete()
    mark("members_signature", first.pk)
    Signature.objects.filter(pk=first.pk).delete()
    assert not Signature.objects.filter(pk=first.pk).exists()


def test_a_closed_case_goes_six_years_after_its_last_step_with_all_that_goes_with_it(
    factory: Factory,
) -> None:
    case = _closed_case(factory)
    member = case.member
    assert Seat.objects.filter(case=case).exists() and Letter.objects.filter(case=case).exists()
    assert CaseInvitation.objects.filter(case=case).exists()
    assert _due(factory, dt.date(2032, 11, 23)) == []
    day = dt.date(2032, 11, 24)
    assert _due(factory, day) == [("case_outcome", f"Case {case.reference} about Sam Subject")]
    assert purge(factory.home, today=day) == {"case_outcome": 1}
    assert not Case.objects.filter(pk=case.pk).exists()
    for model in (CaseEvent, Seat, CaseParty, CaseInvitation, Letter):
        assert not model.objects.filter(case_id=case.pk).exists(), model
    assert Member.objects.filter(pk=member.pk).exists()
    assert Removal.objects.filter(record_table="cases_case", record_id=case.pk).exists()
    entry = AuditEntry.objects.get(action="retention.case_outcome")
    assert entry.actor is None and entry.object_id == str(case.pk) and entry.fields == []


def test_a_hold_on_the_member_or_the_case_keeps_it_until_lifted(
    factory: Factory, officer: User
) -> None:
    case = _closed_case(factory)
    day = dt.date(2033, 1, 10)
    on_member = place_hold(
        organisation=factory.home, reason="A claim.", actor=officer, member=case.member
    )
    on_case = place_hold(organisation=factory.home, reason="A claim.", actor=officer, case=case)
    assert "case_outcome" not in purge(factory.home, today=day)
    lift_hold(hold=on_member, reason="Settled.", actor=officer)
    assert _due(factory, day) == []
    lift_hold(hold=on_case, reason="Settled.", actor=officer)
    # The audit trail was kept from the first entry about the case while it was held.
    assert purge(factory.home, today=day) == {"case_outcome": 1, "audit_entries": 22}
    assert not Case.objects.filter(pk=case.pk).exists()


def test_the_schedule_decides_when(factory: Factory, officer: User) -> None:
    _closed_case(factory)
    set_period(organisation=factory.home, kind="cases_upheld", months=84, actor=officer)
    assert _due(factory, dt.date(2033, 11, 23)) == []
    assert len(_due(factory, dt.date(2033, 11, 24))) == 1


def test_concerns_not_taken_forward_go_with_their_messages(factory: Factory, officer: User) -> None:
    named = factory.concern()
    anonymous = factory.concern(anonymous=True)
    send_reporter_message(concern=anonymous, body="Any news?", today=dt.date(2026, 11, 24))
    for concern in (named, anonymous):
        close_concern(
            concern=concern, officer=officer, reason="Not a breach.", today=dt.date(2026, 11, 25)
        )
    held = factory.concern()
    close_concern(
        concern=held, officer=officer, reason="Not a breach.", today=dt.date(2026, 11, 25)
    )
    place_hold(organisation=factory.home, reason="A complaint.", actor=officer, concern=held)
    day = dt.date(2027, 11, 25)
    assert sorted(_due(factory, day)) == [
        ("anonymous_reports", f"Anonymous report {anonymous.pk}"),
        ("concerns_closed", f"Concern {named.pk}"),
    ]
    purge(factory.home, today=day)
    assert list(Concern.objects.values_list("pk", flat=True)) == [held.pk]
    assert not Message.objects.filter(concern_id=anonymous.pk).exists()


def test_an_ended_member_is_anonymised_and_other_peoples_cases_still_name_a_former_member(
    factory: Factory, officer: User, officer_client: object
) -> None:
    witness = factory.panel_member(full_name="Wendy Witness", email="wendy@example.org")
    case = factory.the_case
    add_party(case=case, role="witness", actor=officer, member=witness, today=dt.date(2026, 11, 5))
    end_membership(witness, officer)
    day = dt.date(2032, 12, 1)
    assert _due(factory, day) == [("ended_members", f"Member {witness.pk}: Wendy Witness")]
    assert purge(factory.home, today=day)["ended_members"] == 1
    witness.refresh_from_db()
    assert witness.full_name == f"Former member {witness.pk}" and witness.email == ""
    party = CaseParty.objects.get(case=case, member=witness)
    assert party.display_name == f"Former member {witness.pk}"
    assert _due(factory, day) == []  # anonymised once


def test_the_daily_job_purges_every_organisation_once_a_day(factory: Factory) -> None:
    from panelkeeper.core.daily import JOBS
    from panelkeeper.core.models import DailyRun
    from panelkeeper.retention.tasks import apply_retention

    case = _closed_case(factory)
    assert JOBS["apply_retention"] is apply_retention
    DailyRun.objects.create(job="apply_retention", day=dt.date(2032, 11, 24))
    assert apply_retention.call("2032-11-24")
    assert not Case.objects.filter(pk=case.pk).exists()
    run = DailyRun.objects.get(job="apply_retention")
    assert run.outcome[factory.home.slug]["case_outcome"] == 1
    assert not apply_retention.call("2032-11-24")


def test_a_paper_signature_goes_with_its_scan_and_its_countersignature(
    factory: Factory, officer: User, settings: Any, tmp_path: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:  # fmt: skip
    settings.MEDIA_ROOT = tmp_path
    member = end_membership(factory.member_record, officer)
    version = factory.document_version("code_of_conduct")
    signature = Signature.objects.create(
        member=member, version=version, text_hash=version.text_hash, read_and_understood=True,
        typed_name=member.full_name, signed_on=dt.date(2026, 1, 6), recorded_at=timezone.now(),
        method=Signature.Method.PAPER, scan=ContentFile(b"%PDF-1.4 scan", name="scan.pdf"),
    )  # fmt: skip
    factory.countersignature(signature)
    storage, name = signature.scan.storage, signature.scan.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        remove_signature(signature)
    assert not Signature.objects.filter(member=member).exists()
    assert not Countersignature.objects.filter(signature_id=signature.pk).exists()
    assert not storage.exists(name)
