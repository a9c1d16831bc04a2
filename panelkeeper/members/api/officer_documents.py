"""API operations for documents, training, expenses and rewards, import and export.

Added to the members router (``/api/v1/members``) by :mod:`.officer`.
"""

from collections.abc import Sequence
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Status

from panelkeeper.accounts.permissions import api_officers, api_readers
from panelkeeper.lib.api import PageQuery, paged, read_body
from panelkeeper.lib.filters import page_of
from panelkeeper.lib.refusals import Problem, Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.api.common import added_to, member_of, version_out
from panelkeeper.members.api.schemas import (
    AppraisalIn,
    AppraisalOut,
    AppraisalPageOut,
    ExpenseDecisionIn,
    ExpenseIn,
    ExpenseOut,
    ExpensePageOut,
    ImportIn,
    ImportOut,
    VersionIn,
    VersionOut,
    VersionPageOut,
)
from panelkeeper.members.csv_io import check, export_members, import_members
from panelkeeper.members.documents import add_document_version
from panelkeeper.members.lookups import expense_in
from panelkeeper.members.models import Appraisal, DocumentVersion, Expense, Member
from panelkeeper.members.support import decide_expense, record_appraisal, submit_expense

router = Router(tags=["members"])


# Documents -------------------------------------------------------------------


@api_readers.get(router, "/{org}/documents", VersionPageOut)
def list_versions(request: StaffRequest, org: str, query: Query[PageQuery]) -> VersionPageOut:
    """Every version of the organisation's documents, newest first within each document."""
    versions = DocumentVersion.objects.filter(document__organisation=request.organisation)
    found, counts = paged(versions.select_related("document"), query)
    return VersionPageOut(**counts, versions=[version_out(v) for v in found])


@api_officers.post(router, "/{org}/documents", VersionOut, status=201, body=VersionIn)
def create_version(request: StaffRequest, org: str) -> Status[VersionOut]:
    """Publish a new version of one of the code's documents (Markdown)."""
    data = read_body(request, VersionIn)
    version = add_document_version(
        organisation=request.organisation,
        actor=request.user,
        today=timezone.localdate(),
        **data.model_dump(),
    )
    return Status(201, version_out(version))


# Training, expenses and rewards ----------------------------------------------


@api_readers.get(router, "/{org}/members/{member_id}/appraisals", AppraisalPageOut)
def list_appraisals(
    request: StaffRequest, org: str, member_id: int, query: Query[PageQuery]
) -> dict[str, Any]:
    """A member's appointment interviews and appraisals, latest first."""
    return page_of(member_of(request, member_id).appraisals.all(), query, "appraisals")


@api_officers.post(
    router, "/{org}/members/{member_id}/appraisals", AppraisalOut, status=201, body=AppraisalIn
)
def create_appraisal(request: StaffRequest, org: str, member_id: int) -> Status[Appraisal]:
    """Record a member's appointment interview or appraisal."""
    return added_to(request, member_of(request, member_id), AppraisalIn, record_appraisal)


@api_readers.get(router, "/{org}/members/{member_id}/expenses", ExpensePageOut)
def list_expenses(
    request: StaffRequest, org: str, member_id: int, query: Query[PageQuery]
) -> dict[str, Any]:
    """A member's claims for expenses and rewards, latest activity first."""
    return page_of(member_of(request, member_id).expenses.all(), query, "expenses")


@api_officers.post(
    router, "/{org}/members/{member_id}/expenses", ExpenseOut, status=201, body=ExpenseIn
)
def create_expense(request: StaffRequest, org: str, member_id: int) -> Status[Expense]:
    """Claim an expense or a reward for a member; it then waits for a decision."""
    return added_to(request, member_of(request, member_id), ExpenseIn, submit_expense)


@api_officers.post(
    router, "/{org}/expenses/{expense_id}/decision", ExpenseOut, body=ExpenseDecisionIn
)
def decide(request: StaffRequest, org: str, expense_id: int) -> Expense:
    """Approve, refuse with a reason, or mark paid."""
    expense = expense_in(request.organisation, pk=expense_id)
    data = read_body(request, ExpenseDecisionIn)
    return decide_expense(
        expense=expense, actor=request.user, today=timezone.localdate(), **data.model_dump()
    )


# Import and export -----------------------------------------------------------


@api_officers.post(router, "/{org}/import", ImportOut, body=ImportIn)
def import_csv(request: StaffRequest, org: str) -> ImportOut:
    """Import members from CSV: all rows or none; dry_run only checks.

    Rows that do not pass are refused (422), one problem per mistake with its ``line``
    (the header is line 1) and its column as ``field``; nothing is saved."""
    data = read_body(request, ImportIn)
    organisation = request.organisation
    text = data.csv.lstrip("\ufeff")
    checked = check(text, organisation, invite=data.invite)
    if checked.problems:
        raise _refused([Problem(p.message, p.column, p.line) for p in checked.problems])
    if data.dry_run:
        return ImportOut(saved=False, rows=len(checked.rows))
    try:
        added = import_members(
            text=text, organisation=organisation, actor=request.user, invite=data.invite
        )
    except Refused as refused:  # the members changed since the check: nothing was saved
        raise _refused(refused.problems or [Problem(refused.message, refused.field)]) from None
    ids = [m.pk for m in added]
    invited = len(added) if data.invite else 0
    return ImportOut(saved=True, rows=len(added), member_ids=ids, invited=invited)


def _refused(problems: Sequence[Problem]) -> Refused:
    count = len(problems)
    return Refused(
        f"The CSV has {count} problem{'s' if count != 1 else ''}: correct each one and send "
        "it again. Nothing was saved.",
        field="csv",
        problems=problems,
    )


@api_readers.get(
    router,
    "/{org}/export",
    None,
    openapi_extra={"responses": {200: {"description": "CSV", "content": {"text/csv": {}}}}},
)
def export_csv(request: StaffRequest, org: str) -> HttpResponse:
    """Every member as CSV."""
    members = Member.objects.of(request.organisation).select_related("group")
    return HttpResponse(export_members(members), content_type="text/csv; charset=utf-8")
