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
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.checks import refuse_before, single_line
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
    return _sign(
        Signature(
            member=member,
            version=version,
            read_and_understood=read_and_understood,
            acknowledged_consequences=acknowledged_consequences,
            typed_name=typed_name,
            different_name=different_name,
            signed_on=today,
            method=Signature.Method.ONLINE,
            corrects=corrects,
        ),
        actor=actor,
        today=today,
        hash_seen=hash_seen,
    )


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
    return _sign(
        Signature(
            member=member,
            version=version,
            read_and_understood=True,
            acknowledged_consequences=acknowledged_consequences,
            typed_name=typed_name,
            signed_on=signed_on,
            method=Signature.Method.PAPER,
            entered_by=actor,
            corrects=corrects,
        ),
        actor=actor,
        today=today,
        scan=scan,
    )


def _sign(
    draft: Signature,
    *,
    actor: User,
    today: dt.date,
    hash_seen: str | None = None,
    scan: UploadedFile[bytes] | None = None,
) -> Signature:
    """Check ``draft`` as the signer gave it, then save it with its audit entry.

    ``draft.different_name`` is what the signer confirmed: online, a name that differs
    from the record is refused without it; the saved signature says whether it differs.
    """
    _check_signing(draft, today=today, hash_seen=hash_seen)
    if draft.method == Signature.Method.ONLINE:
        matches = _comparable(draft.typed_name) == _comparable(draft.member.full_name)
        if not matches and not draft.different_name:
            raise Refused(
                f"Type the name on the record, {draft.member.full_name}, or tick "
                "“I sign with a different name” if that is the name you sign with",
                rule="MEM-3",
                field="typed_name",
            )
        draft.different_name = not matches
    if draft.corrects is not None and draft.corrects.member_id != draft.member.pk:
        raise Refused("A correction must be for the same member")
    draft.text_hash = draft.version.text_hash
    with transaction.atomic():
        draft.recorded_at = timezone.now()
        if scan is not None:
            draft.scan.save(scan.name or "scan", scan, save=False)
        draft.save()
        record(
            actor=actor,
            organisation=draft.member.group.organisation,
            action=f"signature.{draft.method}",
            obj=draft,
            fields=["version", "typed_name", "signed_on", "method"]
            + (["different_name"] if draft.different_name else []),
        )
    return draft


def _check_signing(draft: Signature, *, today: dt.date, hash_seen: str | None) -> None:
    """Refuse what cannot be signed; the typed name is kept trimmed to one line."""
    member, version, signed_on = draft.member, draft.version, draft.signed_on
    if version.document.organisation_id != member.group.organisation_id:
        raise Refused("That document belongs to another organisation")
    if not draft.read_and_understood:
        raise Refused(
            "Confirm that you have read and understood the document", field="read_and_understood"
        )
    documents = documents_of_code(member.group.organisation, on=signed_on)
    if (
        documents is not None
        and documents.acknowledge_consequences
        and not (draft.acknowledged_consequences)
    ):
        raise Refused(
            "Confirm that you accept what may happen if the code is breached",
            field="acknowledged_consequences",
        )
    draft.typed_name = single_line(
        draft.typed_name,
        field="typed_name",
        missing="Enter your full name to sign",
        what="Your full name",
        most=200,
    )
    refuse_future(signed_on, today, what="The date signed", field="signed_on", full_stop=False)
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


def _comparable(name: str) -> str:
    """``name`` as compared with the record: case and runs of white space do not count."""
    return " ".join(name.split()).casefold()


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
    refuse_future(
        countersigned_on, today, what="The date", field="countersigned_on", full_stop=False
    )
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
            logged={
                "signature": signature,
                "officer": officer,
                "countersigned_on": countersigned_on,
            },
            officer_name=officer.get_full_name() or officer.email,
            role_title=title,
            recorded_at=timezone.now(),
        )
    except IntegrityError:
        raise Refused("This signature could not be countersigned; try again") from None
    return counter
