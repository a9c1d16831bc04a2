"""The member portal's API, at ``/api/v1/my``: a member's own record, or one their
advocate acts for (``api_member_self``); anyone else's answers 404. A member signs
documents and claims expenses and rewards here; officers decide the claims through
the members API."""

from typing import Any

from django.utils import timezone
from ninja import Router, Status

from panelkeeper.accounts.permissions import api_member_self, api_signed_in
from panelkeeper.lib.api import RefusalOut, body_doc, read_body, refusal
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import MemberRequest, SignedInRequest
from panelkeeper.members.api.common import eligibility_out, signature_out
from panelkeeper.members.api.schemas import (
    EligibilityOut,
    ExpenseIn,
    ExpenseOut,
    MemberOut,
    SignatureOut,
    SignIn,
)
from panelkeeper.members.eligibility import eligibility
from panelkeeper.members.models import DocumentVersion, Expense, Member
from panelkeeper.members.signing import sign_document
from panelkeeper.members.support import submit_expense

my_router = Router(tags=["member portal"])


@my_router.get("", response=list[MemberOut], summary="Your records and those you act for")
@api_signed_in
def list_my_records(request: SignedInRequest) -> list[Member]:
    records = Member.objects.for_person(request.user)
    token = getattr(request, "api_token", None)
    if token is not None:
        records = records.filter(group__organisation=token.organisation_id)
    return list(records)


@my_router.get("/{member}", response=MemberOut, summary="One of your records")
@api_member_self
def get_my_record(request: MemberRequest, member: int) -> Member:
    return request.member


@my_router.get("/{member}/eligibility", response=EligibilityOut, summary="Your checklist today")
@api_member_self
def get_my_eligibility(request: MemberRequest, member: int) -> EligibilityOut:
    return eligibility_out(eligibility(request.member, on=timezone.localdate()))


@my_router.get("/{member}/signatures", response=list[SignatureOut], summary="Your signatures")
@api_member_self
def list_my_signatures(request: MemberRequest, member: int) -> list[dict[str, Any]]:
    record = request.member
    signatures = record.signatures.select_related("version__document").prefetch_related(
        "countersignatures"
    )
    return [signature_out(s) for s in signatures]


@my_router.post(
    "/{member}/signatures",
    response={201: SignatureOut, 422: RefusalOut},
    summary="Sign a document version: confirm it is read and understood, type your full name",
    openapi_extra=body_doc(SignIn),
)
@api_member_self
def sign(request: MemberRequest, member: int) -> Status[object]:
    record = request.member
    data = read_body(request, SignIn)
    version = (
        DocumentVersion.objects.select_related("document")
        .filter(pk=data.version_id, document__organisation=record.group.organisation)
        .first()
    )
    if version is None:
        return refusal(
            Refused("Give the id of one of your documents' versions", field="version_id")
        )
    try:
        signature = sign_document(
            member=record,
            version=version,
            read_and_understood=data.read_and_understood,
            typed_name=data.typed_name,
            acknowledged_consequences=data.acknowledged_consequences,
            hash_seen=data.text_hash,
            actor=request.user,
            today=timezone.localdate(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(201, signature_out(signature))


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
    response={201: ExpenseOut, 422: RefusalOut},
    summary="Claim an expense or a reward for one activity; an officer then decides it",
    openapi_extra=body_doc(ExpenseIn),
)
@api_member_self
def claim_expense(request: MemberRequest, member: int) -> Status[object]:
    record = request.member
    data = read_body(request, ExpenseIn)
    try:
        expense = submit_expense(
            member=record,
            actor=request.user,
            today=timezone.localdate(),
            **data.model_dump(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(201, expense)
