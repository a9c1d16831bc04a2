"""API operations for members, documents, signatures, training and expenses.

Mounted at ``/api/v1/members``; the member portal's operations are in
:mod:`.portal` at ``/api/v1/my``. The same policies as the pages: another
organisation answers 404, the wrong role 403, an anonymous caller 401. A refusal from a
domain function answers 422 with ``detail`` and the ``field`` it concerns. There is no
operation that changes or deletes a signature.
"""

import datetime as dt
from typing import Any

from django.utils import timezone
from ninja import Query, Router, Status

from panelkeeper.accounts.permissions import api_officers, api_readers
from panelkeeper.lib.api import PageQuery, paged, read_body
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.filters import page_of, query_filters
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.api.common import (
    added_to,
    eligibility_out,
    member_of,
    member_out,
    signature_out,
    signatures_of,
)
from panelkeeper.members.api.officer_documents import router as documents_router
from panelkeeper.members.api.officer_invitations import router as invitations_router
from panelkeeper.members.api.schemas import (
    CountersignIn,
    EligibilityOut,
    MemberIn,
    MemberOut,
    MemberPageOut,
    SignatureOut,
    SignaturePageOut,
    StatusIn,
    StatusOut,
    StatusPageOut,
)
from panelkeeper.members.eligibility import eligibility
from panelkeeper.members.forms import SearchForm
from panelkeeper.members.listing import members_chosen
from panelkeeper.members.lookups import signature_in, version_named
from panelkeeper.members.models import MemberStatus, SignInState
from panelkeeper.members.records import add_member, change_member_status, update_member
from panelkeeper.members.signing import countersign, record_paper_signature
from panelkeeper.members.status import status_records
from panelkeeper.organisations.models import Group

router = Router(tags=["members"])
router.add_router("", documents_router)
router.add_router("", invitations_router)

# The multipart body of a paper signature, which read_body's JSON schemas cannot describe.
PAPER_SIGNATURE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["version_id", "typed_name", "signed_on", "scan"],
                    "properties": {
                        "version_id": {"type": "integer"},
                        "typed_name": {"type": "string"},
                        "signed_on": {"type": "string", "format": "date"},
                        "acknowledged_consequences": {"type": "boolean"},
                        "scan": {"type": "string", "format": "binary"},
                    },
                }
            }
        },
    }
}


# Members ---------------------------------------------------------------------


class MemberQuery(PageQuery):
    """A page of the members list, by name: those whose name contains ``q``, and those
    in one ``sign_in`` state. The filters validate as the members page's do."""

    q: str = ""
    sign_in: SignInState | None = None


@api_readers.get(router, "/{org}/members", MemberPageOut)
def list_members(request: StaffRequest, org: str, query: Query[MemberQuery]) -> MemberPageOut:
    """Members by name, 50 to a page, searchable by name and filtered by whether they
    sign in, as on the members page."""
    chosen = query_filters(SearchForm, query)
    now = timezone.now()
    members, counts = paged(members_chosen(request.organisation, chosen, now=now), query)
    return MemberPageOut(**counts, members=[member_out(member, now=now) for member in members])


@api_officers.post(router, "/{org}/members", MemberOut, status=201, body=MemberIn)
def create_member(request: StaffRequest, org: str) -> Status[MemberOut]:
    """Add a member."""
    data = read_body(request, MemberIn).model_dump(exclude_unset=True)
    group = Group.objects.filter(
        organisation=request.organisation,
        pk=data.pop("group_id", None),
    ).first()
    if group is None:
        raise Refused("Give the id of one of your groups", field="group_id")
    return Status(201, member_out(add_member(group=group, actor=request.user, **data)))


@api_readers.get(router, "/{org}/members/{member_id}", MemberOut)
@confidential("member", "member_id")
def get_member(request: StaffRequest, org: str, member_id: int) -> MemberOut:
    """One member."""
    return member_out(member_of(request, member_id))


@api_officers.patch(router, "/{org}/members/{member_id}", MemberOut, body=MemberIn)
def patch_member(request: StaffRequest, org: str, member_id: int) -> MemberOut:
    """Change a member's record."""
    member = member_of(request, member_id)
    data = read_body(request, MemberIn).model_dump(exclude_unset=True)
    if "group_id" in data:
        raise Refused("A member's group cannot change", field="group_id")
    return member_out(update_member(member=member, actor=request.user, **data))


class StatusQuery(PageQuery):
    known_on: dt.date | None = None


@api_readers.get(router, "/{org}/members/{member_id}/statuses", StatusPageOut)
def list_statuses(
    request: StaffRequest, org: str, member_id: int, query: Query[StatusQuery]
) -> dict[str, Any]:
    """Status history, in the order it applies; known_on shows only what was recorded by
    that day."""
    records = status_records(member_of(request, member_id), known_on=query.known_on)
    return page_of(records, query, "statuses")


@api_officers.post(
    router, "/{org}/members/{member_id}/statuses", StatusOut, status=201, body=StatusIn
)
def create_status(request: StaffRequest, org: str, member_id: int) -> Status[MemberStatus]:
    """Record a status from a date (undo one with a later record)."""
    return added_to(request, member_of(request, member_id), StatusIn, change_member_status)


@api_readers.get(router, "/{org}/members/{member_id}/eligibility", EligibilityOut)
def get_eligibility(
    request: StaffRequest,
    org: str,
    member_id: int,
    on: dt.date | None = None,
    known_on: dt.date | None = None,
) -> EligibilityOut:
    """May the member take part on a date, and every reason why not."""
    member = member_of(request, member_id)
    return eligibility_out(eligibility(member, on=on or timezone.localdate(), known_on=known_on))


@api_readers.get(router, "/{org}/members/{member_id}/signatures", SignaturePageOut)
def list_signatures(
    request: StaffRequest, org: str, member_id: int, query: Query[PageQuery]
) -> SignaturePageOut:
    """A member's signatures, newest first."""
    signatures, counts = paged(signatures_of(member_of(request, member_id)), query)
    return SignaturePageOut(**counts, signatures=[signature_out(s) for s in signatures])


@api_officers.post(
    router,
    "/{org}/signatures/{signature_id}/countersign",
    SignatureOut,
    status=201,
    body=CountersignIn,
)
def countersign_signature(
    request: StaffRequest, org: str, signature_id: int
) -> Status[SignatureOut]:
    """Countersign as the calling officer (MEM-4)."""
    signature = signature_in(request.organisation, pk=signature_id)
    data = read_body(request, CountersignIn)
    today = timezone.localdate()
    countersign(
        signature=signature,
        officer=request.user,
        countersigned_on=data.countersigned_on or today,
        today=today,
    )
    return Status(201, signature_out(signature))


@api_officers.post(
    router,
    "/{org}/members/{member_id}/paper-signatures",
    SignatureOut,
    status=201,
    openapi_extra=PAPER_SIGNATURE_BODY,
)
def create_paper_signature(request: StaffRequest, org: str, member_id: int) -> Status[SignatureOut]:
    """Enter a signature made on paper, with its scan (multipart form).

    The form is read only after the access policy has passed, like a JSON body."""
    member = member_of(request, member_id)
    version_id = str(request.POST.get("version_id", ""))
    version = version_named(
        member.group.organisation, int(version_id) if version_id.isdigit() else None
    )
    try:
        signed_on = dt.date.fromisoformat(request.POST.get("signed_on", ""))
    except ValueError:
        raise Refused("Give the date signed like 2026-01-31", field="signed_on") from None
    signature = record_paper_signature(
        member=member,
        version=version,
        typed_name=request.POST.get("typed_name", ""),
        signed_on=signed_on,
        scan=request.FILES.get("scan"),
        acknowledged_consequences=request.POST.get("acknowledged_consequences")
        in ("true", "1", "on"),
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(201, signature_out(signature))
