"""API operations for documents, training, expenses and rewards, import and export.

Added to the members router (``/api/v1/members``) by :mod:`.officer`.
"""

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from ninja import Router, Status

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import api_staff, get_object_for
from panelkeeper.lib.api import RefusalOut, body_doc, read_body, refusal
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.api.common import member_of, version_out
from panelkeeper.members.api.schemas import (
    AppraisalIn,
    AppraisalOut,
    DecisionIn,
    ExpenseIn,
    ExpenseOut,
    ImportIn,
    ImportOut,
    VersionIn,
    VersionOut,
)
from panelkeeper.members.csv_io import check, export_members, import_members
from panelkeeper.members.documents import add_document_version
from panelkeeper.members.models import DocumentVersion, Expense, Member
from panelkeeper.members.support import decide_expense, record_appraisal, submit_expense

router = Router(tags=["members"])

READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
OFFICER = Grant.Role.OFFICER


# Documents -------------------------------------------------------------------


@router.get("/{org}/documents", response=list[VersionOut], summary="Every document version")
@api_staff(*READERS)
def list_versions(request: StaffRequest, org: str) -> list[dict[str, Any]]:
    versions = DocumentVersion.objects.filter(
        document__organisation=request.organisation
    ).select_related("document")
    return [version_out(v) for v in versions]


@router.post(
    "/{org}/documents",
    response={201: VersionOut, 422: RefusalOut},
    summary="Publish a new version of one of the code's documents (Markdown)",
    openapi_extra=body_doc(VersionIn),
)
@api_staff(OFFICER)
def create_version(request: StaffRequest, org: str) -> Status[object]:
    data = read_body(request, VersionIn)
    try:
        version = add_document_version(
            organisation=request.organisation,
            actor=request.user,
            today=timezone.localdate(),
            **data.model_dump(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(201, version_out(version))


# Training, expenses and rewards ----------------------------------------------


@router.get("/{org}/members/{member_id}/appraisals", response=list[AppraisalOut])
@api_staff(*READERS)
def list_appraisals(request: StaffRequest, org: str, member_id: int) -> list[Any]:
    return list(member_of(request, member_id).appraisals.all())


@router.post(
    "/{org}/members/{member_id}/appraisals",
    response={201: AppraisalOut, 422: RefusalOut},
    openapi_extra=body_doc(AppraisalIn),
)
@api_staff(OFFICER)
def create_appraisal(request: StaffRequest, org: str, member_id: int) -> Status[object]:
    member = member_of(request, member_id)
    data = read_body(request, AppraisalIn)
    try:
        appraisal = record_appraisal(
            member=member, actor=request.user, today=timezone.localdate(), **data.model_dump()
        )
    except Refused as refused:
        return refusal(refused)
    return Status(201, appraisal)


@router.get("/{org}/members/{member_id}/expenses", response=list[ExpenseOut])
@api_staff(*READERS)
def list_expenses(request: StaffRequest, org: str, member_id: int) -> list[Any]:
    return list(member_of(request, member_id).expenses.all())


@router.post(
    "/{org}/members/{member_id}/expenses",
    response={201: ExpenseOut, 422: RefusalOut},
    openapi_extra=body_doc(ExpenseIn),
)
@api_staff(OFFICER)
def create_expense(request: StaffRequest, org: str, member_id: int) -> Status[object]:
    member = member_of(request, member_id)
    data = read_body(request, ExpenseIn)
    try:
        expense = submit_expense(
            member=member, actor=request.user, today=timezone.localdate(), **data.model_dump()
        )
    except Refused as refused:
        return refusal(refused)
    return Status(201, expense)


@router.post(
    "/{org}/expenses/{expense_id}/decision",
    response={200: ExpenseOut, 422: RefusalOut},
    summary="Approve, refuse with a reason, or mark paid",
    openapi_extra=body_doc(DecisionIn),
)
@api_staff(OFFICER)
def decide(request: StaffRequest, org: str, expense_id: int) -> Status[object]:
    expense = get_object_for(
        request.organisation,
        Expense.objects.select_related("member__group__organisation"),
        via="member__group__organisation",
        pk=expense_id,
    )
    data = read_body(request, DecisionIn)
    try:
        decide_expense(
            expense=expense,
            actor=request.user,
            today=timezone.localdate(),
            **data.model_dump(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(200, expense)


# Import and export -----------------------------------------------------------


@router.post(
    "/{org}/import",
    response={200: ImportOut, 422: ImportOut},
    summary="Import members from CSV: all rows or none; dry_run only checks",
    openapi_extra=body_doc(ImportIn),
)
@api_staff(OFFICER)
def import_csv(request: StaffRequest, org: str) -> Status[object]:
    data = read_body(request, ImportIn)
    organisation = request.organisation
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
    )
    return Status(
        200, ImportOut(saved=True, rows=len(added), problems=[], member_ids=[m.pk for m in added])
    )


@router.get(
    "/{org}/export",
    summary="Every member as CSV",
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {}}}}},
)
@api_staff(*READERS)
def export_csv(request: StaffRequest, org: str) -> HttpResponse:
    members = Member.objects.of(request.organisation).select_related("group")
    return HttpResponse(export_members(members), content_type="text/csv; charset=utf-8")
