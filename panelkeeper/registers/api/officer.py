"""API operations for the registers, mounted at ``/api/v1/registers``.

Staff operations under ``/{org}/`` follow the pages' policies (another organisation 404,
the wrong role 403, anonymous 401). A member's own register is under
``/mine/{member_id}`` (the member or their advocate; anyone else 404). The published
registers are at ``/public/{org}`` for anyone. A refusal answers 422 with ``detail`` and
the ``field`` it concerns.
"""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Status
from ninja.errors import HttpError

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import api_public, api_staff, get_object_for
from panelkeeper.lib.api import RefusalOut, body_doc, read_body, refusal
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers import conflicts, gifts, interests
from panelkeeper.registers.api.common import (
    decision_out,
    declare_gift,
    gift_out,
    history_out,
    interest_out,
)
from panelkeeper.registers.api.portal import router as mine_router
from panelkeeper.registers.api.schemas import (
    CheckLineOut,
    CloseIn,
    ConflictDecisionIn,
    ConflictDecisionRecordedOut,
    ConflictsOut,
    GiftDecisionIn,
    GiftOut,
    InterestIn,
    InterestOut,
    OfficerGiftIn,
    PublicRegistersOut,
    ReviewIn,
    ReviewOut,
    SettingsIn,
    SettingsOut,
    WorkItemDetailOut,
    WorkItemIn,
    WorkItemOut,
)
from panelkeeper.registers.listing import (
    filter_gifts,
    filter_interests,
    gifts_query,
    interests_query,
)
from panelkeeper.registers.models import Gift, Interest, WorkItem
from panelkeeper.registers.published import public_registers

router = Router(tags=["registers"])

READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
OFFICER = Grant.Role.OFFICER
ORG = "/{org}"


def _org(request: StaffRequest) -> Organisation:
    return request.organisation


def _member(request: StaffRequest, member_id: int) -> Member:
    return get_object_for(
        _org(request),
        Member.objects.select_related("group__organisation"),
        via="group__organisation",
        pk=member_id,
    )


# -- interests (COI-1) ---------------------------------------------------------


@router.get(f"{ORG}/interests", response=list[InterestOut], summary="The register of interests")
@api_staff(*READERS)
def list_interests(
    request: StaffRequest, org: str, member: int | None = None, kind: str = "", state: str = ""
) -> list[InterestOut]:
    """Filter by ``member`` (id), ``kind`` and ``state`` (current or ended, today)."""
    queryset = filter_interests(
        Interest.objects.filter(organisation=_org(request)),
        {"member": member or "", "kind": kind, "state": state},
        today=timezone.localdate(),
    )
    return [interest_out(i) for i in interests_query(queryset)]


@router.post(
    f"{ORG}/interests",
    response={201: InterestOut, 422: RefusalOut},
    summary="Declare an interest for a member",
    openapi_extra=body_doc(InterestIn),
)
@api_staff(OFFICER)
def create_interest(request: StaffRequest, org: str) -> Status[object]:
    data = read_body(request, InterestIn)
    member = _member(request, data.member_id)
    try:
        interest = interests.declare_interest(
            member=member,
            kind=data.kind,
            description=data.description,
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            actor=request.user,
            today=timezone.localdate(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(201, interest_out(interest))


@router.post(
    f"{ORG}/interests/{{interest_id}}/close",
    response={200: InterestOut, 422: RefusalOut},
    summary="Record the date an interest ended; it stays in the history",
    openapi_extra=body_doc(CloseIn),
)
@api_staff(OFFICER)
def close_interest(request: StaffRequest, org: str, interest_id: int) -> Status[object]:
    interest = get_object_for(_org(request), Interest.objects.all(), pk=interest_id)
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


@router.post(
    f"{ORG}/members/{{member_id}}/review",
    response={201: ReviewOut, 422: RefusalOut},
    summary="Confirm a member's register, or record a nil declaration",
    openapi_extra=body_doc(ReviewIn),
)
@api_staff(OFFICER)
def review_member(request: StaffRequest, org: str, member_id: int) -> Status[object]:
    member = _member(request, member_id)
    data = read_body(request, ReviewIn)
    try:
        review = interests.confirm_register(
            member=member,
            nil=data.nil,
            actor=request.user,
            today=timezone.localdate(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(
        201, ReviewOut(member_id=member.pk, reviewed_on=review.reviewed_on, nil=review.nil)
    )


# -- gifts and hospitality (GIFT-1 to GIFT-3) ------------------------------------


@router.get(f"{ORG}/gifts", response=list[GiftOut], summary="The register of gifts and hospitality")
@api_staff(*READERS)
def list_gifts(
    request: StaffRequest, org: str, member: int | None = None, status: str = ""
) -> list[GiftOut]:
    """Filter by ``member`` (id) and ``status``: waiting_for_meeting, waiting_for_decision,
    decided."""
    queryset = filter_gifts(
        Gift.objects.filter(organisation=_org(request)), {"member": member or "", "status": status}
    )
    return [gift_out(g) for g in gifts_query(queryset)]


@router.post(
    f"{ORG}/gifts",
    response={201: GiftOut, 422: RefusalOut},
    summary="Declare a gift or hospitality for a member",
    openapi_extra=body_doc(OfficerGiftIn),
)
@api_staff(OFFICER)
def create_gift(request: StaffRequest, org: str) -> Status[object]:
    data = read_body(request, OfficerGiftIn)
    return declare_gift(request, _member(request, data.member_id), data)


@router.post(
    f"{ORG}/gifts/{{gift_id}}/decision",
    response={200: GiftOut, 422: RefusalOut},
    summary="Record what happens to a gift; a second decision is refused",
    openapi_extra=body_doc(GiftDecisionIn),
)
@api_staff(OFFICER)
def decide_gift(request: StaffRequest, org: str, gift_id: int) -> Status[object]:
    gift = get_object_for(_org(request), Gift.objects.all(), pk=gift_id)
    data = read_body(request, GiftDecisionIn)
    try:
        decided = gifts.decide_gift(
            gift=gift,
            outcome=data.outcome,
            decided_on=data.decided_on,
            note=data.note,
            actor=request.user,
            today=timezone.localdate(),
        )
    except Refused as refused:
        return refusal(refused)
    return Status(200, gift_out(gifts_query(Gift.objects.filter(pk=decided.pk)).get()))


# -- work and conflicts (COI-2 to COI-4) -----------------------------------------


@router.get(f"{ORG}/work-items", response=list[WorkItemOut], summary="Pieces of work")
@api_staff(*READERS)
def list_work_items(request: StaffRequest, org: str) -> list[WorkItem]:
    return list(WorkItem.objects.filter(organisation=_org(request)))


@router.post(
    f"{ORG}/work-items",
    response={201: WorkItemOut, 422: RefusalOut},
    summary="Open a piece of work to check conflicts against",
    openapi_extra=body_doc(WorkItemIn),
)
@api_staff(OFFICER)
def create_work_item(request: StaffRequest, org: str) -> Status[object]:
    data = read_body(request, WorkItemIn)
    try:
        work = conflicts.open_work_item(
            organisation=_org(request),
            kind=data.kind,
            title=data.title,
            on=data.on,
            actor=request.user,
        )
    except Refused as refused:
        return refusal(refused)
    return Status(201, work)


@router.get(
    f"{ORG}/work-items/{{work_id}}",
    response=WorkItemDetailOut,
    summary="A piece of work, its conflict check and who is conflicted out",
)
@api_staff(*READERS)
def get_work_item(request: StaffRequest, org: str, work_id: int) -> WorkItemDetailOut:
    """``conflicts`` counts decisions taken on or before today."""
    work = get_object_for(_org(request), WorkItem.objects.all(), pk=work_id)
    found = conflicts.conflicts_for(work, on=timezone.localdate())
    return WorkItemDetailOut(
        id=work.pk,
        kind=work.kind,
        title=work.title,
        on=work.on,
        check=[
            CheckLineOut(
                member_id=line.member.pk,
                member=line.member.full_name,
                interests=[interest_out(i) for i in line.interests],
                decision=decision_out(line.decision) if line.decision else None,
                history=history_out(line.history),
            )
            for line in conflicts.conflict_check(work)
        ],
        conflicts=ConflictsOut(
            on=found.on,
            entirely=sorted(found.entirely),
            in_part=found.in_part,
            undecided=sorted(found.undecided),
        ),
    )


@router.post(
    f"{ORG}/work-items/{{work_id}}/decisions",
    response={201: ConflictDecisionRecordedOut, 422: RefusalOut},
    summary="Record, or revise, the decision on a member's possible conflict with the work",
    openapi_extra=body_doc(ConflictDecisionIn),
)
@api_staff(OFFICER)
def create_decision(request: StaffRequest, org: str, work_id: int) -> Status[object]:
    """When the member already has a decision on the work, this one revises the latest and
    needs ``revision_reason``; the answer carries the member's decisions, latest first."""
    work = get_object_for(_org(request), WorkItem.objects.all(), pk=work_id)
    data = read_body(request, ConflictDecisionIn)
    member = _member(request, data.member_id)
    fields = data.model_dump(exclude={"member_id"})
    try:
        decision = conflicts.record_conflict_decision(
            work=work,
            member=member,
            actor=request.user,
            today=timezone.localdate(),
            **fields,
        )
    except Refused as refused:
        return refusal(refused)
    history = history_out(conflicts.histories(work, member=member).get(member.pk, ()))
    out = ConflictDecisionRecordedOut(**decision_out(decision).model_dump(), history=history)
    return Status(201, out)


# -- settings and the published registers ----------------------------------------


@router.get(f"{ORG}/settings", response=SettingsOut, summary="Review period and publication")
@api_staff(*READERS)
def get_settings(request: StaffRequest, org: str) -> SettingsOut:
    found = interests.settings_of(_org(request))
    return SettingsOut(review_months=found.review_months, published=found.published)


@router.put(
    f"{ORG}/settings",
    response={200: SettingsOut, 422: RefusalOut},
    summary="Set the review period and whether the registers are published",
    openapi_extra=body_doc(SettingsIn),
)
@api_staff(OFFICER)
def put_settings(request: StaffRequest, org: str) -> Status[object]:
    data = read_body(request, SettingsIn)
    try:
        found = interests.update_register_settings(
            organisation=_org(request),
            review_months=data.review_months,
            published=data.published,
            actor=request.user,
        )
    except Refused as refused:
        return refusal(refused)
    return Status(200, SettingsOut(review_months=found.review_months, published=found.published))


@router.get(
    "/public/{org}",
    response=PublicRegistersOut,
    auth=None,
    summary="The published registers: no contact details, no giver's name",
)
@api_public
def get_public(request: HttpRequest, org: str) -> PublicRegistersOut:
    organisation = Organisation.objects.filter(slug=org).first()
    registers = public_registers(organisation) if organisation else None
    if registers is None:
        raise HttpError(404, "Not Found")
    return PublicRegistersOut.model_validate(registers, from_attributes=True)


router.add_router("/mine", mine_router)
