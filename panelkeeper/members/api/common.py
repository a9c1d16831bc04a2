"""Helpers shared by the members API modules: who may call, a member of the caller's
organisation, that member's signatures, adding a record to a member, and the answers that
give a member, a signature, a document version and an eligibility answer."""

import datetime as dt
from collections.abc import Callable

from django.db.models import QuerySet
from django.utils import timezone
from ninja import Schema, Status

from panelkeeper.lib.api import out_of, read_body
from panelkeeper.lib.requests import SignedInRequest, StaffRequest
from panelkeeper.members.api.schemas import EligibilityOut, MemberOut, SignatureOut, VersionOut
from panelkeeper.members.eligibility import Eligibility
from panelkeeper.members.lookups import member_in
from panelkeeper.members.models import DocumentVersion, Member, Signature


def member_of(request: StaffRequest, member_id: int) -> Member:
    """The member ``member_id`` of the organisation in the path, or 404."""
    return member_in(request.organisation, pk=member_id)


def signatures_of(member: Member) -> QuerySet[Signature]:
    """A member's signatures, newest first, with what :func:`signature_out` reads."""
    return member.signatures.select_related("version__document").prefetch_related(
        "countersignatures"
    )


def added_to[T](
    request: SignedInRequest, member: Member, schema: type[Schema], add: Callable[..., T]
) -> Status[T]:
    """201 with the record ``add`` made for ``member`` from the JSON body read as ``schema``.

    ``add`` is a domain function taking ``member``, ``actor`` and ``today`` besides the
    body's fields as keywords: change_member_status, record_appraisal, submit_expense.
    A refusal it raises is answered by the API's handler.
    """
    data = read_body(request, schema)
    made = add(member=member, actor=request.user, today=timezone.localdate(), **data.model_dump())
    return Status(201, made)


def member_out(member: Member, *, now: dt.datetime | None = None) -> MemberOut:
    """``member`` as the API gives it, with whether they sign in at ``now`` (default: now)
    and their latest open invitation: from the list's annotations or, for a member read
    alone, one query."""
    if not hasattr(member, "invitation_expires_at"):
        Member.objects.invitation_of(member)
    return out_of(MemberOut, member, sign_in=member.sign_in(now=now or timezone.now()))


def signature_out(signature: Signature) -> SignatureOut:
    """``signature`` as the API gives it, with its document, its version and its
    countersignature, read from :func:`signatures_of`'s prefetch where there is one."""
    countersigned = next(iter(signature.countersignatures.all()), None)
    return out_of(
        SignatureOut,
        signature,
        document_key=signature.version.document.key,
        version_label=signature.version.label,
        countersigned_by=countersigned.officer_name if countersigned else None,
        countersigned_on=countersigned.countersigned_on if countersigned else None,
    )


def version_out(version: DocumentVersion) -> VersionOut:
    """A version of a document as the API gives it, with the document's key and title."""
    return out_of(VersionOut, version, key=version.document.key, title=version.document.title)


def eligibility_out(answer: Eligibility) -> EligibilityOut:
    """Whether a member may take part, and every reason why not, as the API gives it."""
    return out_of(EligibilityOut, answer, member_id=answer.member.pk)
