"""API operations for members, documents, signatures, training and expenses.

Mounted at ``/api/v1/members``; the member portal's operations are in
:mod:`.api_portal` at ``/api/v1/my``. The same policies as the pages: another
organisation answers 404, the wrong role 403, an anonymous caller 401. A refusal from a
domain function answers 422 with ``detail`` and the ``field`` it concerns. There is no
operation that changes or deletes a signature.
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router, Status

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import api_staff, get_object_for
from panelkeeper.members.csv_io import check, export_members, import_members
from panelkeeper.members.eligibility import Eligibility, eligibility
from panelkeeper.members.models import DocumentVersion, Expense, Member, Signature
from panelkeeper.members.records import add_member, change_member_status, update_member
from panelkeeper.members.schemas import (
    AppraisalIn,
    AppraisalOut,
    CountersignIn,
    DecisionIn,
    EligibilityOut,
    ExpenseIn,
    ExpenseOut,
    ImportIn,
    ImportOut,
    MemberIn,
    MemberOut,
    RefusalOut,
    SignatureOut,
    StatusIn,
    StatusOut,
    VersionIn,
    VersionOut,
    body_doc,
    read_body,
)
from panelkeeper.members.signing import add_document_version, countersign
from panelkeeper.members.status import status_records
from panelkeeper.members.support import decide_expense, record_appraisal, submit_expense
from panelkeeper.organisations.models import Group
from panelkeeper.organisations.policies import Refused

router = Router(tags=["members"])

READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
OFFICER = Grant.Role.OFFICER
MAX_PAGE = 100


def refusal_out(refusal: Refused) -> Status[RefusalOut]:
    return Status(422, RefusalOut(detail=refusal.message, field=refusal.field))


def _member(request: HttpRequest, member_id: int) -> Member:
    return get_object_for(
        request.organisation,  # type: ignore[attr-defined]
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


# Members ---------------------------------------------------------------------


@router.get("/{org}/members", response=list[MemberOut], summary="Members, searchable by name")
@api_staff(*READERS)
def list_members(
    request: HttpRequest, org: str, q: str = "", offset: int = 0, limit: int = 50
) -> list[Member]:
    members = Member.objects.of(request.organisation)  # type: ignore[attr-defined]
    if q.strip():
        members = members.filter(full_name__icontains=q.strip())
    offset, limit = max(offset, 0), min(max(limit, 1), MAX_PAGE)
    return list(members.order_by("full_name", "id")[offset : offset + limit])


@router.post(
    "/{org}/members",
    response={201: MemberOut, 422: RefusalOut},
    summary="Add a member",
    openapi_extra=body_doc(MemberIn),
)
@api_staff(OFFICER)
def create_member(request: HttpRequest, org: str) -> Status[object]:
    data = read_body(request, MemberIn).model_dump(exclude_unset=True)
    group = Group.objects.filter(
        organisation=request.organisation,  # type: ignore[attr-defined]
        pk=data.pop("group_id", None),
    ).first()
    if group is None:
        return Status(422, RefusalOut(detail="Give the id of one of your groups", field="group_id"))
    try:
        member = add_member(group=group, actor=request.user, **data)  # type: ignore[arg-type]
    except Refused as refusal:
        return refusal_out(refusal)
    return Status(201, member)


@router.get("/{org}/members/{member_id}", response=MemberOut, summary="One member")
@api_staff(*READERS)
def get_member(request: HttpRequest, org: str, member_id: int) -> Member:
    return _member(request, member_id)


@router.patch(
    "/{org}/members/{member_id}",
    response={200: MemberOut, 422: RefusalOut},
    summary="Change a member's record",
    openapi_extra=body_doc(MemberIn),
)
@api_staff(OFFICER)
def patch_member(request: HttpRequest, org: str, member_id: int) -> Status[object]:
    member = _member(request, member_id)
    data = read_body(request, MemberIn).model_dump(exclude_unset=True)
    if "group_id" in data:
        return Status(422, RefusalOut(detail="A member's group cannot change", field="group_id"))
    try:
        update_member(member=member, actor=request.user, **data)  # type: ignore[arg-type]
    except Refused as refusal:
        return refusal_out(refusal)
    return Status(200, member)


@router.get(
    "/{org}/members/{member_id}/statuses",
    response=list[StatusOut],
    summary="Status history; known_on shows only what was recorded by that day",
)
@api_staff(*READERS)
def list_statuses(
    request: HttpRequest, org: str, member_id: int, known_on: dt.date | None = None
) -> list[Any]:
    return list(status_records(_member(request, member_id), known_on=known_on))


@router.post(
    "/{org}/members/{member_id}/statuses",
    response={201: StatusOut, 422: RefusalOut},
    summary="Record a status from a date (undo one with a later record)",
    openapi_extra=body_doc(StatusIn),
)
@api_staff(OFFICER)
def create_status(request: HttpRequest, org: str, member_id: int) -> Status[object]:
    member = _member(request, member_id)
    data = read_body(request, StatusIn)
    try:
        entry = change_member_status(
            member=member, actor=request.user, today=timezone.localdate(), **data.model_dump()
        )
    except Refused as refusal:
        return refusal_out(refusal)
    return Status(201, entry)


@router.get(
    "/{org}/members/{member_id}/eligibility",
    response=EligibilityOut,
    summary="May the member take part on a date, and every reason why not",
)
@api_staff(*READERS)
def get_eligibility(
    request: HttpRequest,
    org: str,
    member_id: int,
    on: dt.date | None = None,
    known_on: dt.date | None = None,
) -> EligibilityOut:
    member = _member(request, member_id)
    return eligibility_out(eligibility(member, on=on or timezone.localdate(), known_on=known_on))


@router.get(
    "/{org}/members/{member_id}/signatures",
    response=list[SignatureOut],
    summary="A member's signatures, newest first",
)
@api_staff(*READERS)
def list_signatures(request: HttpRequest, org: str, member_id: int) -> list[dict[str, Any]]:
    member = _member(request, member_id)
    signatures = member.signatures.select_related("version__document").prefetch_related(
        "countersignatures"
    )
    return [signature_out(s) for s in signatures]


@router.post(
    "/{org}/signatures/{signature_id}/countersign",
    response={201: SignatureOut, 422: RefusalOut},
    summary="Countersign as the calling officer (MEM-4)",
    openapi_extra=body_doc(CountersignIn),
)
@api_staff(OFFICER)
def countersign_signature(request: HttpRequest, org: str, signature_id: int) -> Status[object]:
    signature = get_object_for(
        request.organisation,  # type: ignore[attr-defined]
        Signature.objects.select_related("member__group__organisation", "version__document"),
        via="member__group__organisation",
        pk=signature_id,
    )
    data = read_body(request, CountersignIn)
    today = timezone.localdate()
    try:
        countersign(
            signature=signature,
            officer=request.user,  # type: ignore[arg-type]
            countersigned_on=data.countersigned_on or today,
            today=today,
        )
    except Refused as refusal:
        return refusal_out(refusal)
    return Status(201, signature_out(signature))


# Documents -------------------------------------------------------------------


@router.get("/{org}/documents", response=list[VersionOut], summary="Every document version")
@api_staff(*READERS)
def list_versions(request: HttpRequest, org: str) -> list[dict[str, Any]]:
    versions = DocumentVersion.objects.filter(
        document__organisation=request.organisation  # type: ignore[attr-defined]
    ).select_related("document")
    return [version_out(v) for v in versions]


@router.post(
    "/{org}/documents",
    response={201: VersionOut, 422: RefusalOut},
    summary="Publish a new version of one of the code's documents (Markdown)",
    openapi_extra=body_doc(VersionIn),
)
@api_staff(OFFICER)
def create_version(request: HttpRequest, org: str) -> Status[object]:
    data = read_body(request, VersionIn)
    try:
        version = add_document_version(
            organisation=request.organisation,  # type: ignore[attr-defined]
            actor=request.user,  # type: ignore[arg-type]
            today=timezone.localdate(),
            **data.model_dump(),
        )
    except Refused as refusal:
        return refusal_out(refusal)
    return Status(201, version_out(version))


# Training, expenses and rewards ----------------------------------------------


@router.get("/{org}/members/{member_id}/appraisals", response=list[AppraisalOut])
@api_staff(*READERS)
def list_appraisals(request: HttpRequest, org: str, member_id: int) -> list[Any]:
    return list(_member(request, member_id).appraisals.all())


@router.post(
    "/{org}/members/{member_id}/appraisals",
    response={201: AppraisalOut, 422: RefusalOut},
    openapi_extra=body_doc(AppraisalIn),
)
@api_staff(OFFICER)
def create_appraisal(request: HttpRequest, org: str, member_id: int) -> Status[object]:
    member = _member(request, member_id)
    data = read_body(request, AppraisalIn)
    try:
        appraisal = record_appraisal(
            member=member, actor=request.user, today=timezone.localdate(), **data.model_dump()
        )
    except Refused as refusal:
        return refusal_out(refusal)
    return Status(201, appraisal)


@router.get("/{org}/members/{member_id}/expenses", response=list[ExpenseOut])
@api_staff(*READERS)
def list_expenses(request: HttpRequest, org: str, member_id: int) -> list[Any]:
    return list(_member(request, member_id).expenses.all())


@router.post(
    "/{org}/members/{member_id}/expenses",
    response={201: ExpenseOut, 422: RefusalOut},
    openapi_extra=body_doc(ExpenseIn),
)
@api_staff(OFFICER)
def create_expense(request: HttpRequest, org: str, member_id: int) -> Status[object]:
    member = _member(request, member_id)
    data = read_body(request, ExpenseIn)
    try:
        expense = submit_expense(
            member=member, actor=request.user, today=timezone.localdate(), **data.model_dump()
        )
    except Refused as refusal:
        return refusal_out(refusal)
    return Status(201, expense)


@router.post(
    "/{org}/expenses/{expense_id}/decision",
    response={200: ExpenseOut, 422: RefusalOut},
    summary="Approve, refuse with a reason, or mark paid",
    openapi_extra=body_doc(DecisionIn),
)
@api_staff(OFFICER)
def decide(request: HttpRequest, org: str, expense_id: int) -> Status[object]:
    expense = get_object_for(
        request.organisation,  # type: ignore[attr-defined]
        Expense.objects.select_related("member__group__organisation"),
        via="member__group__organisation",
        pk=expense_id,
    )
    data = read_body(request, DecisionIn)
    try:
        decide_expense(
            expense=expense,
            actor=request.user,  # type: ignore[arg-type]
            today=timezone.localdate(),
            **data.model_dump(),
        )
    except Refused as refusal:
        return refusal_out(refusal)
    return Status(200, expense)


# Import and export -----------------------------------------------------------


@router.post(
    "/{org}/import",
    response={200: ImportOut, 422: ImportOut},
    summary="Import members from CSV: all rows or none; dry_run only checks",
    openapi_extra=body_doc(ImportIn),
)
@api_staff(OFFICER)
def import_csv(request: HttpRequest, org: str) -> Status[object]:
    data = read_body(request, ImportIn)
    organisation = request.organisation  # type: ignore[attr-defined]
    checked = check(data.csv.lstrip("\ufeff"), organisation)
    problems = [
        {"line": p.line, "column": p.column, "message": p.message} for p in checked.problems
    ]
    if problems:
        return Status(422, ImportOut(saved=False, rows=len(checked.rows), problems=problems))
    if data.dry_run:
        return Status(200, ImportOut(saved=False, rows=len(checked.rows), problems=[]))
    added = import_members(
        text=data.csv.lstrip("\ufeff"), organisation=organisation, actor=request.user
    )  # type: ignore[arg-type]
    return Status(
        200, ImportOut(saved=True, rows=len(added), problems=[], member_ids=[m.pk for m in added])
    )


@router.get(
    "/{org}/export",
    summary="Every member as CSV",
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {}}}}},
)
@api_staff(*READERS)
def export_csv(request: HttpRequest, org: str) -> HttpResponse:
    members = Member.objects.of(request.organisation).select_related("group")  # type: ignore[attr-defined]
    return HttpResponse(export_members(members), content_type="text/csv; charset=utf-8")
