"""The member portal's API, at ``/api/v1/my``: a member's own record, or one their
advocate acts for (``api_member_self``); anyone else's answers 404. A member signs
documents, claims expenses and rewards, and answers whether their group sees their
contact details here; officers decide the claims through
the members API."""

from typing import Any

from django.utils import timezone
from ninja import Query, Router, Status

from panelkeeper.accounts.permissions import api_members, api_users
from panelkeeper.lib.api import PageQuery, paged, read_body, within_token
from panelkeeper.lib.filters import page_of
from panelkeeper.lib.requests import MemberRequest, SignedInRequest
from panelkeeper.members.api.common import (
    added_to,
    eligibility_out,
    member_out,
    signature_out,
    signatures_of,
)
from panelkeeper.members.api.schemas import (
    ContactSharingIn,
    EligibilityOut,
    ExpenseIn,
    ExpenseOut,
    ExpensePageOut,
    MemberOut,
    SignatureOut,
    SignaturePageOut,
    SignIn,
)
from panelkeeper.members.eligibility import eligibility
from panelkeeper.members.lookups import version_named
from panelkeeper.members.models import Expense, Member
from panelkeeper.members.records import share_contact_details
from panelkeeper.members.signing import sign_document
from panelkeeper.members.support import submit_expense

my_router = Router(tags=["member portal"])


@api_users.get(my_router, "", list[MemberOut])
def list_my_records(request: SignedInRequest) -> list[MemberOut]:
    """Your records and those you act for."""
    records = Member.objects.for_person(request.user)
    return [member_out(m) for m in within_token(request, records, via="group__organisation")]


@api_members.get(my_router, "/{member}", MemberOut)
def get_my_record(request: MemberRequest, member: int) -> MemberOut:
    """One of your records."""
    return member_out(request.member)


@api_members.get(my_router, "/{member}/eligibility", EligibilityOut)
def get_my_eligibility(request: MemberRequest, member: int) -> EligibilityOut:
    """Your checklist today."""
    return eligibility_out(eligibility(request.member, on=timezone.localdate()))


@api_members.get(my_router, "/{member}/signatures", SignaturePageOut)
def list_my_signatures(
    request: MemberRequest, member: int, query: Query[PageQuery]
) -> SignaturePageOut:
    """Your signatures, newest first."""
    signatures, counts = paged(signatures_of(request.member), query)
    return SignaturePageOut(**counts, signatures=[signature_out(s) for s in signatures])


@api_members.post(my_router, "/{member}/signatures", SignatureOut, status=201, body=SignIn)
def sign(request: MemberRequest, member: int) -> Status[SignatureOut]:
    """Sign a document version: confirm it is read and understood, type your full name."""
    record = request.member
    data = read_body(request, SignIn)
    signature = sign_document(
        member=record,
        version=version_named(record.group.organisation, data.version_id),
        **data.model_dump(exclude={"version_id", "text_hash"}),
        hash_seen=data.text_hash,
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(201, signature_out(signature))


@api_members.put(my_router, "/{member}/contact-sharing", MemberOut, body=ContactSharingIn)
def put_contact_sharing(request: MemberRequest, member: int) -> MemberOut:
    """Give or withdraw your consent to show your contact details to your group."""
    data = read_body(request, ContactSharingIn)
    shared = share_contact_details(
        member=request.member, share=data.share_contact_details, actor=request.user
    )
    return member_out(shared)


@api_members.get(my_router, "/{member}/expenses", ExpensePageOut)
def list_my_expenses(
    request: MemberRequest, member: int, query: Query[PageQuery]
) -> dict[str, Any]:
    """Your claims for expenses and rewards, latest activity first."""
    return page_of(request.member.expenses.all(), query, "expenses")


@api_members.post(my_router, "/{member}/expenses", ExpenseOut, status=201, body=ExpenseIn)
def claim_expense(request: MemberRequest, member: int) -> Status[Expense]:
    """Claim an expense or a reward for one activity; an officer then decides it."""
    return added_to(request, request.member, ExpenseIn, submit_expense)
