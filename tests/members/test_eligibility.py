"""eligibility(member, on=...): the flag and every reason, across dates (MEM-2, MEM-4, MEM-6)."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.members.eligibility import Hurdle, eligibility
from panelkeeper.members.models import Member, MemberStatus, Status
from panelkeeper.members.records import update_member
from tests.factory import Factory

VELA_DOCUMENTS = (
    "code_of_conduct",
    "confidentiality_statement",
    "terms_of_reference",
    "role_profile",
)


def signed_vela_member(factory: Factory, *, countersign: bool = True) -> Member:
    """A vela member who signed every document on 6 January 2026."""
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    member = factory.panel_member(started_on=dt.date(2026, 1, 5))
    officer = factory.officer()
    for key in VELA_DOCUMENTS:
        signature = factory.signature(member, factory.document_version(key))
        if countersign:
            factory.countersignature(signature, officer, on=dt.date(2026, 1, 7))
    return member


def hurdles(member: Member, on: dt.date) -> list[Hurdle]:
    return [reason.hurdle for reason in eligibility(member, on=on).reasons]


def test_a_vela_member_who_signed_and_was_countersigned_may_take_part_mem_2_mem_4(
    factory: Factory,
) -> None:
    member = signed_vela_member(factory)
    answer = eligibility(member, on=dt.date(2026, 1, 7))
    assert answer.eligible and bool(answer)
    assert [check.key for check in answer.documents] == list(VELA_DOCUMENTS)
    assert all(check.complete for check in answer.documents)


def test_before_the_countersignature_every_document_waits_for_it_mem_4(factory: Factory) -> None:
    member = signed_vela_member(factory)
    assert hurdles(member, dt.date(2026, 1, 6)) == [Hurdle.NOT_COUNTERSIGNED] * 4


def test_an_unsigned_vela_member_gets_one_reason_per_document_mem_2(factory: Factory) -> None:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    member = factory.panel_member()
    for key in VELA_DOCUMENTS:
        factory.document_version(key)
    answer = eligibility(member, on=dt.date(2026, 2, 1))
    assert not answer.eligible
    assert [r.document_key for r in answer.reasons] == list(VELA_DOCUMENTS)
    assert {r.hurdle for r in answer.reasons} == {Hurdle.UNSIGNED}
    assert answer.reasons[0].message == "Code Of Conduct is not signed"


def test_a_document_without_a_published_text_cannot_be_signed_yet(factory: Factory) -> None:
    factory.published_version(preset="thirteen", in_force_from=dt.date(2026, 1, 5))
    member = factory.panel_member()
    factory.document_version("code_of_conduct")
    assert hurdles(member, dt.date(2026, 2, 1)) == [Hurdle.UNSIGNED, Hurdle.NO_TEXT]


def test_a_document_whose_first_text_is_published_later_has_none_until_then_mem_2(
    factory: Factory,
) -> None:
    factory.published_version(preset="thirteen", in_force_from=dt.date(2026, 1, 5))
    member = factory.panel_member()
    first = factory.document_version(
        "code_of_conduct", title="Our Code", published_on=dt.date(2026, 3, 2), label="2026-1"
    )
    factory.document_version("code_of_conduct", published_on=dt.date(2026, 4, 1), label="2026-2")
    before = eligibility(member, on=dt.date(2026, 3, 1)).documents[0]
    assert (before.title, before.state, before.current_pk) == ("Our Code", Hurdle.NO_TEXT, None)
    between = eligibility(member, on=dt.date(2026, 3, 31)).documents[0]
    assert (between.title, between.state) == ("Our Code", Hurdle.UNSIGNED)
    assert (between.current_label, between.current_pk) == ("2026-1", first.pk)
    assert eligibility(member, on=dt.date(2026, 4, 1)).documents[0].current_label == "2026-2"


def test_a_new_version_outdates_earlier_signatures_from_its_date_mem_6(factory: Factory) -> None:
    member = signed_vela_member(factory)
    factory.document_version("role_profile", published_on=dt.date(2026, 6, 1), label="2026-2")
    assert eligibility(member, on=dt.date(2026, 5, 31)).eligible
    answer = eligibility(member, on=dt.date(2026, 6, 1))
    assert [(r.hurdle, r.document_key) for r in answer.reasons] == [
        (Hurdle.OUTDATED, "role_profile")
    ]
    assert "version 2026-2 needs signing" in answer.reasons[0].message


def test_re_signing_the_new_version_and_its_countersignature_restore_eligibility_mem_6(
    factory: Factory,
) -> None:
    member = signed_vela_member(factory)
    new = factory.document_version("role_profile", published_on=dt.date(2026, 6, 1))
    signature = factory.signature(member, new, signed_on=dt.date(2026, 6, 3))
    assert hurdles(member, dt.date(2026, 6, 3)) == [Hurdle.NOT_COUNTERSIGNED]
    factory.countersignature(signature, on=dt.date(2026, 6, 4))
    assert eligibility(member, on=dt.date(2026, 6, 4)).eligible


def test_nexus_asks_for_no_signature_so_only_status_counts(factory: Factory) -> None:
    factory.published_version(preset="nexus", in_force_from=dt.date(2026, 1, 5))
    member = factory.panel_member()
    answer = eligibility(member, on=dt.date(2026, 2, 1))
    assert answer.eligible
    assert not answer.signing_required and answer.documents == ()


def test_suspension_history_across_dates_with_a_later_lifting_record(factory: Factory) -> None:
    member = signed_vela_member(factory)
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
    on = dt.date(2026, 3, 10)
    assert eligibility(member, on=on).eligible
    before_appeal = eligibility(member, on=on, known_on=dt.date(2026, 3, 19))
    # The signatures were recorded today, so on 19 March nobody knew of them either.
    assert [r.hurdle for r in before_appeal.reasons] == [Hurdle.SUSPENDED] + [Hurdle.UNSIGNED] * 4
    assert before_appeal.reasons[0].message == (
        "Suspended from 2 March 2026: Suspended while a breach is investigated"
    )


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (dt.date(2026, 1, 4), [Hurdle.NOT_STARTED]),
        (dt.date(2026, 8, 31), []),
        (dt.date(2026, 9, 1), [Hurdle.ENDED]),
    ],
)
def test_not_yet_started_and_ended_members_are_not_eligible(
    factory: Factory, on: dt.date, expected: list[Hurdle]
) -> None:
    member = signed_vela_member(factory)
    update_member(member=member, actor=None, ended_on=dt.date(2026, 9, 1))
    # On 4 January no code is in force yet, so there is nothing known to sign.
    assert hurdles(member, on) == expected


def test_an_ended_status_makes_a_member_ineligible_from_its_date(factory: Factory) -> None:
    from panelkeeper.members.records import change_member_status

    member = signed_vela_member(factory)
    change_member_status(
        member=member,
        status=Status.ENDED,
        reason="Resigned from the panel",
        effective_from=dt.date(2026, 4, 1),
        actor=None,
        today=dt.date(2026, 11, 23),
    )
    assert eligibility(member, on=dt.date(2026, 3, 31)).eligible
    assert hurdles(member, dt.date(2026, 4, 1)) == [Hurdle.ENDED]


def test_without_re_signing_an_earlier_signature_still_counts_mem_6(factory: Factory) -> None:
    from panelkeeper.rules.policy.presets import preset_text

    source = preset_text("vela").replace(
        "resign_new_versions = true", "resign_new_versions = false"
    )
    assert "resign_new_versions = false" in source
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5), source=source)
    member = factory.panel_member(started_on=dt.date(2026, 1, 5))
    officer = factory.officer()
    for key in VELA_DOCUMENTS:
        signature = factory.signature(member, factory.document_version(key))
        factory.countersignature(signature, officer, on=dt.date(2026, 1, 7))
    factory.document_version("role_profile", published_on=dt.date(2026, 6, 1))
    assert eligibility(member, on=dt.date(2026, 6, 1)).eligible
