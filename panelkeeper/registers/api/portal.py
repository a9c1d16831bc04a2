"""A member's own registers through the API, under ``/api/v1/registers/mine/{member}``.

Open to the member and to their advocate; any other caller gets 404, staff included
(they use the organisation's operations). A bearer token acts only for its organisation.
"""

from django.utils import timezone
from ninja import Router, Status
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import api_member_self
from panelkeeper.lib.api import REFUSED, body_doc, read_body
from panelkeeper.lib.requests import MemberRequest
from panelkeeper.registers import interests
from panelkeeper.registers.api.common import (
    close_interest,
    confirm_register,
    declare_gift,
    declare_interest,
    gift_out,
    interest_out,
)
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
    record = request.member
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
    response={201: InterestOut, **REFUSED},
    summary="Declare one of your interests",
    openapi_extra=body_doc(MyInterestIn),
)
@api_member_self
def create_my_interest(request: MemberRequest, member: int) -> Status[InterestOut]:
    return declare_interest(request, request.member, read_body(request, MyInterestIn))


@router.post(
    "/{member}/review",
    response={201: ReviewOut, **REFUSED},
    summary="Confirm your register, or make a nil declaration",
    openapi_extra=body_doc(ReviewIn),
)
@api_member_self
def review_mine(request: MemberRequest, member: int) -> Status[ReviewOut]:
    return confirm_register(request, request.member)


@router.post(
    "/{member}/gifts",
    response={201: GiftOut, **REFUSED},
    summary="Declare a gift or hospitality you received (or were offered, where the code asks)",
    openapi_extra=body_doc(GiftIn),
)
@api_member_self
def create_my_gift(request: MemberRequest, member: int) -> Status[GiftOut]:
    return declare_gift(request, request.member, read_body(request, GiftIn))


@router.post(
    "/{member}/interests/{interest_id}/close",
    response={200: InterestOut, **REFUSED},
    summary="Record the date one of your interests ended",
    openapi_extra=body_doc(CloseIn),
)
@api_member_self
def close_my_interest(request: MemberRequest, member: int, interest_id: int) -> InterestOut:
    interest = Interest.objects.filter(member=request.member, pk=interest_id).first()
    if interest is None:
        raise HttpError(404, "Not Found")
    return close_interest(request, interest)
