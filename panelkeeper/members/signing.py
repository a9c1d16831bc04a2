"""Signing and countersigning the documents of a code (MEM-2, MEM-3, MEM-4).

Each change is one keyword-only function: checks, one transaction, an audit entry.
Signatures are only ever added; a mistaken one is corrected by a new signature that
names it in ``corrects``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from panelkeeper.accounts.models import Grant
from panelkeeper.audit.log import create_recorded, record
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.checks import refuse_before, refuse_future, single_line
from panelkeeper.members.documents import current_version, documents_of_code
from panelkeeper.members.models import (
    Countersignature,
    DocumentVersion,
    Member,
    Signature,
    text_hash,
)
from panelkeeper.organisations.models import RoleHolder

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def _check_signing(
    *,
    member: Member,
    version: DocumentVersion,
    read_and_understood: bool,
    acknowledged_consequences: bool,
    typed_name: str,
    signed_on: dt.date,
    today: dt.date,
    hash_seen: str | None,
) -> str:
    if version.document.organisation_id != member.group.organisation_id:
        raise Refused("That document belongs to another organisation")
    if not read_and_understood:
        raise Refused(
            "Confirm that you have read and understood the document", field="read_and_understood"
        )
    documents = documents_of_code(member.group.organisation, on=signed_on)
    if (
        documents is not None
        and documents.acknowledge_consequences
        and not (acknowledged_consequences)
    ):
        raise Refused(
            "Confirm that you accept what may happen if the code is breached",
            field="acknowledged_consequences",
        )
    name = single_line(
        typed_name,
        field="typed_name",
        missing="Enter your full name to sign",
        what="Your full name",
        most=200,
    )
    refuse_future(signed_on, today=today, what="The date signed", field="signed_on")
    refuse_before(
        signed_on,
        earliest=version.published_on,
        what="The date signed",
        since="when this version was published",
        field="signed_on",
    )
    if text_hash(version.text) != version.text_hash:
        raise Refused("This document's text does not match its record; ask an officer")
    if hash_seen is not None and hash_seen != version.text_hash:
        raise Refused("The document changed while you were reading it; read it again and sign")
    newest = current_version(version.document, on=signed_on)
    if newest is not None and newest.pk != version.pk:
        raise Refused(f"Sign version {newest.label}, the version in use on that date")
    return name


def sign_document(
    *,
    member: Member,
    version: DocumentVersion,
    read_and_understood: bool,
    typed_name: str,
    actor: User,
    today: dt.date,
    acknowledged_consequences: bool = False,
    different_name: bool = False,
    hash_seen: str | None = None,
    corrects: Signature | None = None,
) -> Signature:
    """A member (or their advocate, ``actor``) signs ``version`` online today (MEM-3).

    Refuses without the confirmation of having read and understood it, without a typed
    full name, or when ``hash_seen`` (the hash of the text shown) differs from the text.
    The typed name is the member's own name on their record, whoever types it, ignoring
    case and spacing; another name only with ``different_name``, the member's
    confirmation that they sign with it, and the signature then records that it differs.
    """
    name = _check_signing(
        member=member,
        version=version,
        read_and_understood=read_and_understood,
        acknowledged_consequences=acknowledged_consequences,
        typed_name=typed_name,
        signed_on=today,
        today=today,
        hash_seen=hash_seen,
    )
    matches = _comparable(name) == _comparable(member.full_name)
    if not matches and not different_name:
        raise Refused(
            f"Type the name on the record, {member.full_name}, or tick "
            "“I sign with a different name” if that is the name you sign with",
            rule="MEM-3",
            field="typed_name",
        )
    return _save_signature(
        member=member,
        version=version,
        typed_name=name,
        signed_on=today,
        method=Signature.Method.ONLINE,
        actor=actor,
        acknowledged_consequences=acknowledged_consequences,
        different_name=not matches,
        corrects=corrects,
    )


def _comparable(name: str) -> str:
    """``name`` as compared with the record: case and runs of white space do not count."""
    return " ".join(name.split()).casefold()


def record_paper_signature(
    *,
    member: Member,
    version: DocumentVersion,
    typed_name: str,
    signed_on: dt.date,
    scan: UploadedFile[bytes] | None,
    actor: User,
    today: dt.date,
    acknowledged_consequences: bool = False,
    corrects: Signature | None = None,
) -> Signature:
    """An officer enters a signature made on paper on ``signed_on``, with the scan."""
    if scan is None:
        raise Refused("Select the scan of the signed paper", field="scan")
    name = _check_signing(
        member=member,
        version=version,
        read_and_understood=True,
        acknowledged_consequences=acknowledged_consequences,
        typed_name=typed_name,
        signed_on=signed_on,
        today=today,
        hash_seen=None,
    )
    return _save_signature(
        member=member,
        version=version,
        typed_name=name,
        signed_on=signed_on,
        method=Signature.Method.PAPER,
        actor=actor,
        acknowledged_consequences=acknowledged_consequences,
        scan=scan,
        corrects=corrects,
    )


def _save_signature(
    *,
    member: Member,
    version: DocumentVersion,
    typed_name: str,
    signed_on: dt.date,
    method: str,
    actor: User,
    acknowledged_consequences: bool,
    different_name: bool = False,
    scan: UploadedFile[bytes] | None = None,
    corrects: Signature | None = None,
) -> Signature:
    if corrects is not None and corrects.member_id != member.pk:
        raise Refused("A correction must be for the same member")
    with transaction.atomic():
        signature = Signature(
            member=member,
            version=version,
            text_hash=version.text_hash,
            read_and_understood=True,
            acknowledged_consequences=acknowledged_consequences,
            typed_name=typed_name,
            different_name=different_name,
            signed_on=signed_on,
            recorded_at=timezone.now(),
            method=method,
            entered_by=actor if method == Signature.Method.PAPER else None,
            corrects=corrects,
        )
        if scan is not None:
            signature.scan.save(scan.name or "scan", scan, save=False)
        signature.save()
        record(
            actor=actor,
            organisation=member.group.organisation,
            action=f"signature.{method}",
            obj=signature,
            fields=["version", "typed_name", "signed_on", "method"]
            + (["different_name"] if different_name else []),
        )
    return signature


def countersign(
    *, signature: Signature, officer: User, countersigned_on: dt.date, today: dt.date
) -> Countersignature:
    """A named officer countersigns for the organisation (MEM-4)."""
    organisation = signature.member.group.organisation
    if not Grant.objects.filter(
        user=officer, organisation=organisation, role=Grant.Role.OFFICER
    ).exists():
        raise Refused("Only an officer of the organisation can countersign")
    if signature.countersignatures.exists():
        raise Refused("This signature is already countersigned")
    refuse_future(countersigned_on, today=today, what="The date", field="countersigned_on")
    refuse_before(
        countersigned_on,
        earliest=signature.signed_on,
        what="The date",
        since="when the member signed",
        field="countersigned_on",
    )
    documents = documents_of_code(organisation, on=countersigned_on)
    title = ""
    if documents is not None and documents.countersigned_by is not None:
        holder = (
            RoleHolder.objects.on(countersigned_on)
            .filter(
                organisation=organisation, role_key=documents.countersigned_by.key, user=officer
            )
            .first()
        )
        title = holder.role_title if holder else ""
    try:
        counter = create_recorded(
            Countersignature,
            actor=officer,
            organisation=organisation,
            action="signature.countersigned",
            fields=["signature", "officer", "countersigned_on"],
            signature=signature,
            officer=officer,
            officer_name=officer.get_full_name() or officer.email,
            role_title=title,
            countersigned_on=countersigned_on,
            recorded_at=timezone.now(),
        )
    except IntegrityError:
        raise Refused("This signature could not be countersigned; try again") from None
    return counter
