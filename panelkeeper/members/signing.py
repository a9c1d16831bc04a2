"""Documents, their versions, signing and countersigning (MEM-2, MEM-3, MEM-4, MEM-6, GOV-3).

Each change is one keyword-only function: checks, one transaction, an audit entry.
Signatures are only ever added; a mistaken one is corrected by a new signature that
names it in ``corrects``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from panelkeeper.accounts.models import Grant
from panelkeeper.audit.log import record
from panelkeeper.lib.markdown import render_markdown
from panelkeeper.members.eligibility import Hurdle, eligibility
from panelkeeper.members.models import (
    Countersignature,
    Document,
    DocumentVersion,
    Member,
    Signature,
    text_hash,
)
from panelkeeper.organisations.models import Organisation, PolicyVersion, RoleHolder
from panelkeeper.organisations.policies import InvalidPolicy, Refused, parse
from panelkeeper.rules.sections import Documents

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

CLAUSE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,19}$")
MAX_TEXT = 200_000


def _date(value: dt.date) -> str:
    return f"{value:%-d %B %Y}"


def documents_of_code(organisation: Organisation, *, on: dt.date) -> Documents | None:
    """The documents section of the code in force on ``on``, else of the newest published
    version, else None."""
    version = PolicyVersion.objects.in_force(organisation, on=on) or (
        PolicyVersion.objects.published().filter(organisation=organisation).first()
    )
    if version is None:
        return None
    try:
        return parse(version).documents
    except InvalidPolicy:
        return None


def current_version(document: Document, *, on: dt.date) -> DocumentVersion | None:
    return document.versions.filter(published_on__lte=on).order_by("-published_on", "-id").first()


def add_document_version(
    *,
    organisation: Organisation,
    key: str,
    label: str,
    text: str,
    published_on: dt.date,
    citable_clauses: list[str],
    actor: User | None,
    today: dt.date,
) -> DocumentVersion:
    """Publish the organisation's own text (Markdown) of one of its code's documents.

    The key must be a document the code names (GOV-3). Versions come in date order; the
    newest on a date is the one members sign, and where the code switches re-signing on
    (MEM-6) it outdates signatures of earlier versions from ``published_on``.
    """
    documents = documents_of_code(organisation, on=today)
    items = {item.key: item for item in documents.items} if documents else {}
    if key not in items:
        raise Refused("Choose a document the code of conduct names", field="key")
    label = label.strip()
    text = text.replace("\r\n", "\n").strip()
    if not label:
        raise Refused("Enter the version, for example 2026-1", field="label")
    if len(label) > 50:
        raise Refused("The version must be 50 characters or fewer", field="label")
    if not text:
        raise Refused("Enter the text of the document", field="text")
    if len(text) > MAX_TEXT:
        raise Refused("The text must be 200,000 characters or fewer", field="text")
    bad = [clause for clause in citable_clauses if not CLAUSE_ID.match(clause)]
    if bad:
        raise Refused(
            f"Write each clause number like 2.1 or 4a, separated by commas (not {bad[0]!r})",
            field="citable_clauses",
        )
    if citable_clauses and not items[key].breach_may_cite:
        raise Refused(
            "The code does not let a breach cite this document; leave the clauses empty",
            field="citable_clauses",
        )
    if published_on > today + dt.timedelta(days=366):
        raise Refused("Enter a publication date within the next year", field="published_on")
    with transaction.atomic():
        document, _ = Document.objects.get_or_create(
            organisation=organisation, key=key, defaults={"title": items[key].title}
        )
        latest = document.versions.order_by("-published_on").first()
        if latest is not None and published_on <= latest.published_on:
            raise Refused(
                f"Enter a date after {_date(latest.published_on)}, when version "
                f"{latest.label} was published",
                field="published_on",
            )
        if document.versions.filter(label=label).exists():
            raise Refused(f"Version {label} already exists; give this one its own", field="label")
        version = DocumentVersion.objects.create(
            document=document,
            label=label,
            text=text,
            text_hash=text_hash(text),
            published_on=published_on,
            citable_clauses=list(dict.fromkeys(citable_clauses)),
            created_by=actor,
        )
        record(
            actor=actor,
            organisation=organisation,
            action="document_version.published",
            obj=version,
            fields=["label", "text", "published_on", "citable_clauses"],
        )
    return version


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
    name = " ".join(typed_name.split())
    if not name:
        raise Refused("Enter your full name to sign", field="typed_name")
    if len(name) > 200:
        raise Refused("Your full name must be 200 characters or fewer", field="typed_name")
    if signed_on > today:
        raise Refused("The date signed must be today or in the past", field="signed_on")
    if signed_on < version.published_on:
        raise Refused(
            f"The date signed must be on or after {_date(version.published_on)}, when this "
            "version was published",
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
    hash_seen: str | None = None,
    corrects: Signature | None = None,
) -> Signature:
    """A member (or their advocate, ``actor``) signs ``version`` online today (MEM-3).

    Refuses without the confirmation of having read and understood it, without a typed
    full name, or when ``hash_seen`` (the hash of the text shown) differs from the text.
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
    return _save_signature(
        member=member,
        version=version,
        typed_name=name,
        signed_on=today,
        method=Signature.Method.ONLINE,
        actor=actor,
        acknowledged_consequences=acknowledged_consequences,
        corrects=corrects,
    )


def record_paper_signature(
    *,
    member: Member,
    version: DocumentVersion,
    typed_name: str,
    signed_on: dt.date,
    scan: UploadedFile | None,
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
    scan: UploadedFile | None = None,
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
            fields=["version", "typed_name", "signed_on", "method"],
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
    if countersigned_on > today:
        raise Refused("The date must be today or in the past", field="countersigned_on")
    if countersigned_on < signature.signed_on:
        raise Refused(
            f"The date must be on or after {_date(signature.signed_on)}, when the member signed",
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
        with transaction.atomic():
            counter = Countersignature.objects.create(
                signature=signature,
                officer=officer,
                officer_name=officer.get_full_name() or officer.email,
                role_title=title,
                countersigned_on=countersigned_on,
                recorded_at=timezone.now(),
            )
            record(
                actor=officer,
                organisation=organisation,
                action="signature.countersigned",
                obj=counter,
                fields=["signature", "officer", "countersigned_on"],
            )
    except IntegrityError:
        raise Refused("This signature could not be countersigned; try again") from None
    return counter


@dataclass(frozen=True)
class ToResign:
    member: Member
    title: str
    signed_label: str
    current_label: str | None


def must_resign(organisation: Organisation, *, on: dt.date) -> list[ToResign]:
    """Active members whose signature a newer version has outdated on ``on`` (MEM-6)."""
    members = Member.objects.of(organisation).active(on=on).select_related("group__organisation")
    # Only members who signed a version that is no longer the newest can need re-signing.
    signed_old = Signature.objects.filter(member__in=members).exclude(
        version__in=[
            v.pk
            for d in Document.objects.filter(organisation=organisation)
            if (v := current_version(d, on=on)) is not None
        ]
    )
    found = []
    for member in members.filter(pk__in=signed_old.values("member")):
        for check in eligibility(member, on=on).documents:
            if check.state == Hurdle.OUTDATED and check.signature is not None:
                found.append(
                    ToResign(
                        member, check.title, check.signature.version.label, check.current_label
                    )
                )
    return found


__all__ = [
    "ToResign",
    "add_document_version",
    "countersign",
    "current_version",
    "documents_of_code",
    "must_resign",
    "record_paper_signature",
    "render_document",
    "sign_document",
]


_HEADING = re.compile(r"<(/?)h([1-6])>")


def render_document(text: str) -> SafeString:
    """A document's Markdown as safe HTML, its headings one level down, so that the
    page's own heading stays the only level-one heading."""
    html = render_markdown(text)
    shifted = _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}>", html)
    return mark_safe(shifted)  # only tag names change in HTML already sanitised
