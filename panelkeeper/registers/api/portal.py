"""A member's own registers through the API, under ``/api/v1/registers/mine/{member}``.

Open to the member and to their advocate; any other caller gets 404, staff included
(they use the organisation's operations). A bearer token acts only for its organisation.
"""

from django.utils import timezone
from ninja import Router, Status
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import api_members
from panelkeeper.lib.api import read_body
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
    CloseInterestIn,
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


@api_members.get(router, "/{member}", MyRegisterOut)
def get_mine(request: MemberRequest, member: int) -> MyRegisterOut:
    """Your own registers."""
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


@api_members.post(router, "/{member}/interests", InterestOut, status=201, body=MyInterestIn)
def create_my_interest(request: MemberRequest, member: int) -> Status[InterestOut]:
    """Declare one of your interests."""
    return declare_interest(request, request.member, read_body(request, MyInterestIn))


@api_members.post(router, "/{member}/review", ReviewOut, status=201, body=ReviewIn)
def review_mine(request: MemberRequest, member: int) -> Status[ReviewOut]:
    """Confirm your register, or make a nil declaration."""
    return confirm_register(request, request.member)


@api_members.post(router, "/{member}/gifts", GiftOut, status=201, body=GiftIn)
def create_my_gift(request: MemberRequest, member: int) -> Status[GiftOut]:
    """Declare a gift or hospitality you received (or were offered, where the code asks)."""
    return declare_gift(request, request.member, read_body(request, GiftIn))


@api_members.post(
    router, "/{member}/interests/{interest_id}/close", InterestOut, body=CloseInterestIn
)
def close_my_interest(request: MemberRequest, member: int, interest_id: int) -> InterestOut:
    """Record the date one of your interests ended."""
    interest = Interest.objects.filter(member=request.member, pk=interest_id).first()
    if interest is None:
        raise HttpError(404, "Not Found")
    return close_interest(request, interest)
