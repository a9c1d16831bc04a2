"""The member portal's API, at ``/api/v1/my``: a member's own record, or one their
advocate acts for (``api_member_self``); anyone else's answers 404. A member signs
documents and claims expenses and rewards here; officers decide the claims through
the members API."""

from django.utils import timezone
from ninja import Router, Status

from panelkeeper.accounts.permissions import api_member_self, api_signed_in
from panelkeeper.lib.api import REFUSED, body_doc, read_body, within_token
from panelkeeper.lib.requests import MemberRequest, SignedInRequest
from panelkeeper.members.api.common import added_to, signatures_of
from panelkeeper.members.api.schemas import (
    EligibilityOut,
    ExpenseIn,
    ExpenseOut,
    MemberOut,
    SignatureOut,
    SignIn,
)
from panelkeeper.members.eligibility import Eligibility, eligibility
from panelkeeper.members.lookups import version_named
from panelkeeper.members.models import Expense, Member, Signature
from panelkeeper.members.signing import sign_document
from panelkeeper.members.support import submit_expense

my_router = Router(tags=["member portal"])


@my_router.get("", response=list[MemberOut], summary="Your records and those you act for")
@api_signed_in
def list_my_records(request: SignedInRequest) -> list[Member]:
    records = Member.objects.for_person(request.user)
    return list(within_token(request, records, via="group__organisation"))


@my_router.get("/{member}", response=MemberOut, summary="One of your records")
@api_member_self
def get_my_record(request: MemberRequest, member: int) -> Member:
    return request.member


@my_router.get("/{member}/eligibility", response=EligibilityOut, summary="Your checklist today")
@api_member_self
def get_my_eligibility(request: MemberRequest, member: int) -> Eligibility:
    return eligibility(request.member, on=timezone.localdate())


@my_router.get("/{member}/signatures", response=list[SignatureOut], summary="Your signatures")
@api_member_self
def list_my_signatures(request: MemberRequest, member: int) -> list[Signature]:
    return list(signatures_of(request.member))


@my_router.post(
    "/{member}/signatures",
    response={201: SignatureOut, **REFUSED},
    summary="Sign a document version: confirm it is read and understood, type your full name",
    openapi_extra=body_doc(SignIn),
)
@api_member_self
def sign(request: MemberRequest, member: int) -> Status[Signature]:
    record = request.member
    data = read_body(request, SignIn)
    signature = sign_document(
        member=record,
        version=version_named(record.group.organisation, data.version_id),
        read_and_understood=data.read_and_understood,
        typed_name=data.typed_name,
        acknowledged_consequences=data.acknowledged_consequences,
        different_name=data.different_name,
        hash_seen=data.text_hash,
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(201, signature)


@my_router.get(
    "/{member}/expenses",
    response=list[ExpenseOut],
    summary="Your claims for expenses and rewards, latest activity first",
)
@api_member_self
def list_my_expenses(request: MemberRequest, member: int) -> list[Expense]:
    return list(request.member.expenses.all())


@my_router.post(
    "/{member}/expenses",
    response={201: ExpenseOut, **REFUSED},
    summary="Claim an expense or a reward for one activity; an officer then decides it",
    openapi_extra=body_doc(ExpenseIn),
)
@api_member_self
def claim_expense(request: MemberRequest, member: int) -> Status[Expense]:
    return added_to(request, request.member, ExpenseIn, submit_expense)
