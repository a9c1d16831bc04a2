"""API operations for documents, training, expenses and rewards, import and export.

Added to the members router (``/api/v1/members``) by :mod:`.officer`.
"""

from django.http import HttpResponse
from django.utils import timezone
from ninja import Router, Status

from panelkeeper.accounts.permissions import OFFICER, READERS, api_staff
from panelkeeper.lib.api import REFUSED, body_doc, read_body
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.api.common import added_to, member_of
from panelkeeper.members.api.schemas import (
    AppraisalIn,
    AppraisalOut,
    DecisionIn,
    ExpenseIn,
    ExpenseOut,
    ImportIn,
    ImportOut,
    ImportProblemOut,
    VersionIn,
    VersionOut,
)
from panelkeeper.members.csv_io import check, export_members, import_members
from panelkeeper.members.documents import add_document_version
from panelkeeper.members.lookups import expense_in
from panelkeeper.members.models import Appraisal, DocumentVersion, Expense, Member
from panelkeeper.members.support import decide_expense, record_appraisal, submit_expense

router = Router(tags=["members"])


# Documents -------------------------------------------------------------------


@router.get("/{org}/documents", response=list[VersionOut], summary="Every document version")
@api_staff(*READERS)
def list_versions(request: StaffRequest, org: str) -> list[DocumentVersion]:
    versions = DocumentVersion.objects.filter(document__organisation=request.organisation)
    return list(versions.select_related("document"))


@router.post(
    "/{org}/documents",
    response={201: VersionOut, **REFUSED},
    summary="Publish a new version of one of the code's documents (Markdown)",
    openapi_extra=body_doc(VersionIn),
)
@api_staff(OFFICER)
def create_version(request: StaffRequest, org: str) -> Status[DocumentVersion]:
    data = read_body(request, VersionIn)
    version = add_document_version(
        organisation=request.organisation,
        actor=request.user,
        today=timezone.localdate(),
        **data.model_dump(),
    )
    return Status(201, version)


# Training, expenses and rewards ----------------------------------------------


@router.get("/{org}/members/{member_id}/appraisals", response=list[AppraisalOut])
@api_staff(*READERS)
def list_appraisals(request: StaffRequest, org: str, member_id: int) -> list[Appraisal]:
    return list(member_of(request, member_id).appraisals.all())


@router.post(
    "/{org}/members/{member_id}/appraisals",
    response={201: AppraisalOut, **REFUSED},
    openapi_extra=body_doc(AppraisalIn),
)
@api_staff(OFFICER)
def create_appraisal(request: StaffRequest, org: str, member_id: int) -> Status[Appraisal]:
    return added_to(request, member_of(request, member_id), AppraisalIn, record_appraisal)


@router.get("/{org}/members/{member_id}/expenses", response=list[ExpenseOut])
@api_staff(*READERS)
def list_expenses(request: StaffRequest, org: str, member_id: int) -> list[Expense]:
    return list(member_of(request, member_id).expenses.all())


@router.post(
    "/{org}/members/{member_id}/expenses",
    response={201: ExpenseOut, **REFUSED},
    openapi_extra=body_doc(ExpenseIn),
)
@api_staff(OFFICER)
def create_expense(request: StaffRequest, org: str, member_id: int) -> Status[Expense]:
    return added_to(request, member_of(request, member_id), ExpenseIn, submit_expense)


@router.post(
    "/{org}/expenses/{expense_id}/decision",
    response={200: ExpenseOut, **REFUSED},
    summary="Approve, refuse with a reason, or mark paid",
    openapi_extra=body_doc(DecisionIn),
)
@api_staff(OFFICER)
def decide(request: StaffRequest, org: str, expense_id: int) -> Expense:
    expense = expense_in(request.organisation, pk=expense_id)
    data = read_body(request, DecisionIn)
    return decide_expense(
        expense=expense, actor=request.user, today=timezone.localdate(), **data.model_dump()
    )


# Import and export -----------------------------------------------------------


@router.post(
    "/{org}/import",
    response={200: ImportOut, 422: ImportOut},
    summary="Import members from CSV: all rows or none; dry_run only checks",
    openapi_extra=body_doc(ImportIn),
)
@api_staff(OFFICER)
def import_csv(request: StaffRequest, org: str) -> Status[ImportOut]:
    data = read_body(request, ImportIn)
    organisation = request.organisation
    text = data.csv.lstrip("\ufeff")
    checked = check(text, organisation)
    if checked.problems:
        problems = [
            ImportProblemOut(line=p.line, column=p.column, message=p.message)
            for p in checked.problems
        ]
        return Status(422, ImportOut(saved=False, rows=len(checked.rows), problems=problems))
    if data.dry_run:
        return Status(200, ImportOut(saved=False, rows=len(checked.rows), problems=[]))
    added = import_members(text=text, organisation=organisation, actor=request.user)
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
