"""One of a case's own rows for a page or an API operation, found after the case itself
(``get_object_for`` has already refused another organisation's case)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from panelkeeper.accounts.permissions import get_object_for
from panelkeeper.cases.models import Case, CaseInvitation, CaseParty, Seat
from panelkeeper.lib.requests import StaffRequest


def staff_case(request: StaffRequest, pk: int, *related: str) -> Case:
    """The organisation's case ``pk`` (another organisation's answers 404), with its
    member, the version of the code it was raised under and ``related`` read with it.
    Its organisation is the request's, already read: not joined to be read again."""
    case = get_object_for(
        request.organisation,
        Case.objects.select_related("member", "policy_version", *related),
        pk=pk,
    )
    case.organisation = request.organisation
    return case


def case_row[R: (Seat, CaseParty, CaseInvitation)](case: Case, rows: QuerySet[R], pk: int) -> R:
    """Row ``pk`` of ``rows`` (some of ``case``'s own: 404 when it is not among them), with
    ``case`` set on it, so that what it says about the case costs no further query."""
    found = get_object_or_404(rows, pk=pk)
    found.case = case
    return found
