"""Documents, versions, signing and countersigning (MEM-2, MEM-3, MEM-4, MEM-6, GOV-3, BR-0)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction

from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.documents import add_document_version, must_resign
from panelkeeper.members.models import Countersignature, DocumentVersion, Signature, text_hash
from panelkeeper.members.signing import countersign, record_paper_signature, sign_document
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def vela(factory: Factory) -> Factory:
    factory.published_version(preset="vela", in_force_from=dt.date(2026, 1, 5))
    return factory


def publish(factory: Factory, key: str = "code_of_conduct", **fields: object) -> DocumentVersion:
    arguments: dict[str, object] = {
        "label": "2026-1",
        "text": "# Our code\n\n1. We treat each other with respect.",
        "published_on": dt.date(2026, 1, 5),
        "citable_clauses": ["1"],
        **fields,
    }
    return add_document_version(
        organisation=factory.home,
        key=key,
        actor=factory.officer(),
        today=TODAY,
        **arguments,  # type: ignore[arg-type]
    )


def test_a_version_keeps_its_markdown_a_hash_and_citable_clauses_gov_3_br_0(vela: Factory) -> None:
    version = publish(vela)
    assert version.document.title == "Code of Conduct"  # from the policy's list
    assert version.text_hash == text_hash(version.text)
    assert version.citable_clauses == ["1"]
    assert AuditEntry.objects.filter(action="document_version.published").count() == 1


@pytest.mark.parametrize(
    ("key", "fields", "field", "message"),
    [
        ("no_such_document", {}, "key", "Choose a document the code of conduct names"),
        ("code_of_conduct", {"text": "  "}, "text", "Enter the text of the document"),
        ("code_of_conduct", {"label": ""}, "label", "Enter the version"),
        ("code_of_conduct", {"citable_clauses": ["2 1"]}, "citable_clauses", "like 2.1"),
        ("role_profile", {"citable_clauses": ["1"]}, "citable_clauses", "does not let a breach"),
    ],
)
def test_a_bad_version_is_refused_and_nothing_is_saved(
    vela: Factory, key: str, fields: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(Refused) as refusal:
        publish(vela, key, **fields)
    assert refusal.value.field == field
    assert message in refusal.value.message
    assert not DocumentVersion.objects.exists()


def test_versions_come_in_date_order(vela: Factory) -> None:
    publish(vela)
    with pytest.raises(Refused, match="Enter a date after 5 January 2026"):
        publish(vela, label="2026-2", published_on=dt.date(2026, 1, 5))


def test_a_member_signs_the_exact_version_with_a_confirmation_and_typed_name_mem_3(
    vela: Factory,
) -> None:
    version = publish(vela)
    member = vela.member_record
    signature = sign_document(
        member=member,
        version=version,
        read_and_understood=True,
        typed_name="  Mina   Member ",
        actor=vela.member(),
        today=TODAY,
        hash_seen=version.text_hash,
    )
    assert signature.version == version
    assert signature.text_hash == version.text_hash
    assert signature.typed_name == "Mina Member"
    assert signature.method == Signature.Method.ONLINE
    assert signature.signed_on == TODAY
    entry = AuditEntry.objects.get(action="signature.online")
    assert entry.actor == vela.member() and "typed_name" in entry.fields


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"read_and_understood": False}, "read_and_understood"),
        ({"typed_name": "   "}, "typed_name"),
    ],
)
def test_signing_without_the_confirmation_or_a_name_is_refused_mem_3(
    vela: Factory, changes: dict[str, object], field: str
) -> None:
    version = publish(vela)
    arguments: dict[str, object] = {"read_and_understood": True, "typed_name": "Mina", **changes}
    with pytest.raises(Refused) as refusal:
        sign_document(
            member=vela.member_record,
            version=version,
            actor=vela.member(),
            today=TODAY,
            **arguments,  # type: ignore[arg-type]
        )
    assert refusal.value.field == field
    assert not Signature.objects.exists()


def test_a_text_changed_while_reading_is_not_signed(vela: Factory) -> None:
    version = publish(vela)
    with pytest.raises(Refused, match="changed while you were reading"):
        sign_document(
            member=vela.member_record,
            version=version,
            read_and_understood=True,
            typed_name="Mina Member",
            actor=vela.member(),
            today=TODAY,
            hash_seen="0" * 64,
        )


def test_only_the_version_in_use_can_be_signed_mem_6(vela: Factory) -> None:
    old = publish(vela)
    publish(vela, label="2026-2", published_on=dt.date(2026, 6, 1))
    with pytest.raises(Refused, match="Sign version 2026-2"):
        sign_document(
            member=vela.member_record,
            version=old,
            read_and_understood=True,
            typed_name="Mina Member",
            actor=vela.member(),
            today=TODAY,
        )


def test_thirteen_members_also_accept_what_a_breach_may_bring_mem_3(factory: Factory) -> None:
    factory.published_version(preset="thirteen", in_force_from=dt.date(2026, 1, 5))
    version = publish(factory)
    arguments = {
        "member": factory.member_record,
        "version": version,
        "read_and_understood": True,
        "typed_name": "Mina Member",
        "actor": factory.member(),
        "today": TODAY,
    }
    with pytest.raises(Refused) as refusal:
        sign_document(**arguments)  # type: ignore[arg-type]
    assert refusal.value.field == "acknowledged_consequences"
    signature = sign_document(acknowledged_consequences=True, **arguments)  # type: ignore[arg-type]
    assert signature.acknowledged_consequences


def test_a_paper_signature_needs_the_scan_and_names_who_entered_it(vela: Factory) -> None:
    version = publish(vela)
    officer = vela.officer()
    arguments = {
        "member": vela.member_record,
        "version": version,
        "typed_name": "Mina Member",
        "signed_on": dt.date(2026, 2, 3),
        "actor": officer,
        "today": TODAY,
    }
    with pytest.raises(Refused, match="Select the scan"):
        record_paper_signature(scan=None, **arguments)  # type: ignore[arg-type]
    scan = SimpleUploadedFile("signed.pdf", b"%PDF-1.4 scan", content_type="application/pdf")
    signature = record_paper_signature(scan=scan, **arguments)  # type: ignore[arg-type]
    assert signature.method == Signature.Method.PAPER
    assert signature.entered_by == officer
    assert signature.signed_on == dt.date(2026, 2, 3)
    assert signature.scan.read() == b"%PDF-1.4 scan"


def test_a_named_officer_countersigns_once_mem_4(vela: Factory) -> None:
    signature = vela.signature(vela.member_record, publish(vela))
    officer = vela.officer(first_name="Olive", last_name="Officer")
    vela.role_holder("customer_involvement_team", user=officer)
    counter = countersign(
        signature=signature, officer=officer, countersigned_on=dt.date(2026, 1, 8), today=TODAY
    )
    assert counter.officer_name == "Olive Officer"
    assert counter.role_title == "Customer Involvement Team"
    with pytest.raises(Refused, match="already countersigned"):
        countersign(signature=signature, officer=officer, countersigned_on=TODAY, today=TODAY)
    assert Countersignature.objects.count() == 1


def test_an_auditor_cannot_countersign(vela: Factory) -> None:
    signature = vela.signature(vela.member_record, publish(vela))
    with pytest.raises(Refused, match="Only an officer"):
        countersign(
            signature=signature, officer=vela.auditor(), countersigned_on=TODAY, today=TODAY
        )


def test_the_officer_sees_who_must_re_sign_after_a_new_version_mem_6(vela: Factory) -> None:
    first = publish(vela)
    signer = vela.member_record
    vela.signature(signer, first)
    vela.panel_member(full_name="Never Signed")
    publish(vela, label="2026-2", published_on=dt.date(2026, 6, 1))
    found = must_resign(vela.home, on=TODAY)
    assert [(r.member, r.signed_label, r.current_label) for r in found] == [
        (signer, "2026-1", "2026-2")
    ]
    assert must_resign(vela.home, on=dt.date(2026, 5, 31)) == []


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE members_signature SET typed_name = 'Someone Else' WHERE id = %s",
        "DELETE FROM members_signature WHERE id = %s",
    ],
)
def test_the_database_refuses_to_change_or_delete_a_signature(vela: Factory, sql: str) -> None:
    signature = vela.signature(vela.member_record, publish(vela))
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [signature.pk])
    signature.refresh_from_db()
    assert signature.typed_name == "Mina Member"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE members_countersignature SET officer_name = 'Nobody' WHERE id = %s",
        "DELETE FROM members_countersignature WHERE id = %s",
    ],
)
def test_the_database_refuses_to_change_or_delete_a_countersignature(
    vela: Factory, sql: str
) -> None:
    counter = vela.countersignature(vela.signature(vela.member_record, publish(vela)))
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [counter.pk])
    assert Countersignature.objects.filter(pk=counter.pk).exists()


def test_the_orm_cannot_save_over_a_signature_either(vela: Factory) -> None:
    signature = vela.signature(vela.member_record, publish(vela))
    signature.typed_name = "Changed"
    with pytest.raises(IntegrityError), transaction.atomic():
        signature.save()


def test_a_correction_is_a_new_signature_naming_the_old_one(vela: Factory) -> None:
    version = publish(vela)
    first = vela.signature(vela.member_record, version, typed_name="Mina Membr")
    second = sign_document(
        member=vela.member_record,
        version=version,
        read_and_understood=True,
        typed_name="Mina Member",
        actor=vela.member(),
        today=TODAY,
        corrects=first,
    )
    assert second.corrects == first
    assert Signature.objects.filter(member=vela.member_record).count() == 2
