"""A member's own registers through the API, under ``/api/v1/registers/mine/{member}``.

Open to the member and to their advocate; any other caller gets 404, staff included
(they use the organisation's operations). A bearer token acts only for its organisation.
"""

from django.utils import timezone
from ninja import Router, Status
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import api_member_self
from panelkeeper.lib.api import RefusalOut, body_doc, read_body, refusal
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import MemberRequest
from panelkeeper.registers import interests
from panelkeeper.registers.api.common import declare_gift, gift_out, interest_out, own_member
from panelkeeper.registers.api.schemas import (
    CloseIn,
    GiftIn,
    GiftOut,
    InterestOut,
    MyInterestIn,
    MyRegisterOut,
    ReviewIn,
    ReviewOut,
)
from panelkeeper.registers.listing import gifts_query, interests_query
from panelkeeper.registers.models import Gift, Interest

router = Router(tags=["registers"])


# -- a member's own register ---------------------------------------------------


@router.get("/{member}", response=MyRegisterOut, summary="Your own registers")
@api_member_self
def get_mine(request: MemberRequest, member: int) -> MyRegisterOut:
    record = own_member(request)
    today = timezone.localdate()
    last = record.register_reviews.order_by("-reviewed_on").first()
    state = interests.review_state(
        record,
        last_reviewed=last.reviewed_on if last else None,
        months=interests.settings_of(record.group.organisation).review_months,
        today=today,
    )
    return MyRegisterOut(
        member_id=record.pk,
        member=record.full_name,
        last_reviewed=state.last_reviewed,
        review_due=state.due,
        review_overdue=state.overdue,
        interests=[
            interest_out(i) for i in interests_query(Interest.objects.filter(member=record))
        ],
        gifts=[gift_out(g) for g in gifts_query(Gift.objects.filter(member=record))],
    )


@router.post(
    "/{member}/interests",
    response={201: InterestOut, 422: RefusalOut},
    summary="Declare one of your interests",
    openapi_extra=body_doc(MyInterestIn),
)
@api_member_self
def create_my_interest(request: MemberRequest, member: int) -> Status[object]:
    record = own_member(request)
    data = read_body(request, MyInterestIn)
    try:
        interest = interests.declare_interest(
            member=record,
            actor=request.user,
            today=timezone.localdate(),
            **data.model_dump(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(201, interest_out(interest))


@router.post(
    "/{member}/review",
    response={201: ReviewOut, 422: RefusalOut},
    summary="Confirm your register, or make a nil declaration",
    openapi_extra=body_doc(ReviewIn),
)
@api_member_self
def review_mine(request: MemberRequest, member: int) -> Status[object]:
    record = own_member(request)
    data = read_body(request, ReviewIn)
    try:
        review = interests.confirm_register(
            member=record,
            nil=data.nil,
            actor=request.user,
            today=timezone.localdate(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(
        201, ReviewOut(member_id=record.pk, reviewed_on=review.reviewed_on, nil=review.nil)
    )


@router.post(
    "/{member}/gifts",
    response={201: GiftOut, 422: RefusalOut},
    summary="Declare a gift or hospitality you received (or were offered, where the code asks)",
    openapi_extra=body_doc(GiftIn),
)
@api_member_self
def create_my_gift(request: MemberRequest, member: int) -> Status[object]:
    record = own_member(request)
    return declare_gift(request, record, read_body(request, GiftIn))


@router.post(
    "/{member}/interests/{interest_id}/close",
    response={200: InterestOut, 422: RefusalOut},
    summary="Record the date one of your interests ended",
    openapi_extra=body_doc(CloseIn),
)
@api_member_self
def close_my_interest(request: MemberRequest, member: int, interest_id: int) -> Status[object]:
    record = own_member(request)
    interest = Interest.objects.filter(member=record, pk=interest_id).first()
    if interest is None:
        raise HttpError(404, "Not Found")
    data = read_body(request, CloseIn)
    try:
        closed = interests.close_interest(
            interest=interest,
            ends_on=data.ends_on,
            actor=request.user,
            today=timezone.localdate(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(200, interest_out(closed))
