"""Shared pieces of the registers API: turning records into response bodies, and the
changes the officer's and the member's operations both make (a refusal raised in them
answers 422 through the API's exception handler)."""

from decimal import Decimal
from typing import Any

from django.utils import timezone
from ninja import Schema, Status

from panelkeeper.lib.api import out_of, read_body, values_of
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import SignedInRequest
from panelkeeper.members.models import Member
from panelkeeper.registers import interests
from panelkeeper.registers.api.schemas import (
    CloseInterestIn,
    ConflictDecisionOut,
    GiftIn,
    GiftOut,
    InterestOut,
    MyInterestIn,
    ReviewIn,
    ReviewOut,
)
from panelkeeper.registers.conflicts import Entry
from panelkeeper.registers.gifts import declare_gift as declare
from panelkeeper.registers.listing import gift_decision
from panelkeeper.registers.models import (
    ConflictDecision,
    Gift,
    GiftStatus,
    Interest,
)
from panelkeeper.registers.routing import parse_money


def money(value: object) -> Decimal:
    """An amount from a body, or a 422 refusal saying how to write it."""
    try:
        return parse_money(str(value))
    except ValueError as error:
        raise Refused(str(error), field="value") from None


def interest_out(i: Interest) -> InterestOut:
    return out_of(InterestOut, i, member=i.member.full_name)


def gift_out(g: Gift) -> GiftOut:
    return GiftOut.model_validate(gift_values(g))


def gift_values(g: Gift) -> dict[str, Any]:
    """A gift's :class:`GiftOut` fields, for a page that validates its rows itself."""
    decided = g.status == GiftStatus.DECIDED
    return values_of(
        GiftOut,
        g,
        member=g.member.full_name,
        value=f"{g.value:.2f}",
        decides=gift_decision(g) if not decided else g.decides_title,
        decided_by=g.decided_by.get_full_name() if decided and g.decided_by else None,
    )


def decision_out(
    decision: ConflictDecision, replaced_by: ConflictDecision | None = None
) -> ConflictDecisionOut:
    """The decision's fields by name, and the date ``replaced_by`` took over, if given."""
    out = ConflictDecisionOut.model_validate(decision)
    out.replaced_on = replaced_by.decided_on if replaced_by else None
    return out


def history_out(history: tuple[Entry, ...]) -> list[ConflictDecisionOut]:
    return [decision_out(e.decision, e.replaced_by) for e in history]


def _declared(data: Schema, schema: type[Schema]) -> dict[str, Any]:
    """What ``data`` declares: the fields of ``schema``, without those an officer's body
    adds to name the member."""
    return data.model_dump(include=set(schema.model_fields))


def declare_gift(request: SignedInRequest, member: Member, data: GiftIn) -> Status[GiftOut]:
    """Declare a gift from an API body, for the officer's and the member's operations."""
    declared = _declared(data, GiftIn) | {"value": money(data.value)}
    gift = declare(member=member, actor=request.user, today=timezone.localdate(), **declared)
    return Status(201, gift_out(gift))


def declare_interest(
    request: SignedInRequest, member: Member, data: MyInterestIn
) -> Status[InterestOut]:
    """Declare ``member``'s interest from an API body, for the officer and the member."""
    interest = interests.declare_interest(
        member=member,
        actor=request.user,
        today=timezone.localdate(),
        **_declared(data, MyInterestIn),
    )
    return Status(201, interest_out(interest))


def close_interest(request: SignedInRequest, interest: Interest) -> InterestOut:
    """Close ``interest`` on the day a :class:`CloseInterestIn` body gives."""
    data = read_body(request, CloseInterestIn)
    closed = interests.close_interest(
        interest=interest, ends_on=data.ends_on, actor=request.user, today=timezone.localdate()
    )
    return interest_out(closed)


def confirm_register(request: SignedInRequest, member: Member) -> Status[ReviewOut]:
    """Confirm ``member``'s register, or record a nil declaration, as a :class:`ReviewIn` says."""
    data = read_body(request, ReviewIn)
    review = interests.confirm_register(
        member=member, nil=data.nil, actor=request.user, today=timezone.localdate()
    )
    return Status(
        201, ReviewOut(member_id=member.pk, reviewed_on=review.reviewed_on, nil=review.nil)
    )
