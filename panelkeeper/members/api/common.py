"""Helpers shared by the members API modules: lookups and response shapes."""

from typing import Any

from panelkeeper.accounts.permissions import get_object_for
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.api.schemas import EligibilityOut
from panelkeeper.members.eligibility import Eligibility
from panelkeeper.members.models import DocumentVersion, Member, Signature


def member_of(request: StaffRequest, member_id: int) -> Member:
    return get_object_for(
        request.organisation,
        Member.objects.select_related("group__organisation"),
        via="group__organisation",
        pk=member_id,
    )


def eligibility_out(answer: Eligibility) -> EligibilityOut:
    return EligibilityOut(
        member_id=answer.member.pk,
        on=answer.on,
        eligible=answer.eligible,
        status=answer.status,
        reasons=[
            {"hurdle": r.hurdle, "message": r.message, "document_key": r.document_key}
            for r in answer.reasons
        ],
        documents=[
            {
                "key": c.key,
                "title": c.title,
                "state": c.state,
                "current_label": c.current_label,
                "countersigned": c.countersigned,
                "needs_countersignature": c.needs_countersignature,
            }
            for c in answer.documents
        ],
    )


def signature_out(signature: Signature) -> dict[str, Any]:
    counter = next(iter(signature.countersignatures.all()), None)
    return {
        "id": signature.pk,
        "member_id": signature.member_id,
        "version_id": signature.version_id,
        "document_key": signature.version.document.key,
        "version_label": signature.version.label,
        "text_hash": signature.text_hash,
        "typed_name": signature.typed_name,
        "signed_on": signature.signed_on,
        "method": signature.method,
        "acknowledged_consequences": signature.acknowledged_consequences,
        "corrects_id": signature.corrects_id,
        "countersigned_by": counter.officer_name if counter else None,
        "countersigned_on": counter.countersigned_on if counter else None,
    }


def version_out(version: DocumentVersion) -> dict[str, Any]:
    return {
        "id": version.pk,
        "key": version.document.key,
        "title": version.document.title,
        "label": version.label,
        "text": version.text,
        "text_hash": version.text_hash,
        "published_on": version.published_on,
        "citable_clauses": version.citable_clauses,
    }
