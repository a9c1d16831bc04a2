"""API operations for the registers, mounted at ``/api/v1/registers``.

Staff operations under ``/{org}/`` follow the pages' policies (another organisation 404,
the wrong role 403, anonymous 401). A member's own register is under
``/mine/{member_id}`` (the member or their advocate; anyone else 404). The published
registers are at ``/public/{org}`` for anyone. A refusal answers 422 with ``detail`` and
the ``field`` it concerns.
"""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import (
    api_anyone,
    api_officers,
    api_readers,
    get_object_for,
)
from panelkeeper.lib.api import PageQuery, out_of, paged, read_body
from panelkeeper.lib.filters import query_filters
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.lookups import member_in
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers import conflicts, gifts, interests
from panelkeeper.registers.api import common
from panelkeeper.registers.api.common import (
    decision_out,
    gift_out,
    gift_values,
    history_out,
    interest_out,
)
from panelkeeper.registers.api.exports import router as exports_router
from panelkeeper.registers.api.portal import router as mine_router
from panelkeeper.registers.api.schemas import (
    CheckLineOut,
    CloseInterestIn,
    ConflictDecisionIn,
    ConflictDecisionRecordedOut,
    ConflictsOut,
    GiftDecisionIn,
    GiftOut,
    GiftPageOut,
    GiftQuery,
    InterestIn,
    InterestOut,
    InterestPageOut,
    InterestQuery,
    OfficerGiftIn,
    PublicGiftPageOut,
    PublicInterestPageOut,
    RegisterSettingsIn,
    RegisterSettingsOut,
    ReviewDueOut,
    ReviewDuePageOut,
    ReviewIn,
    ReviewOut,
    WorkItemDetailOut,
    WorkItemIn,
    WorkItemOut,
    WorkItemPageOut,
    WorkQuery,
)
from panelkeeper.registers.list_forms import GiftFilterForm, InterestFilterForm, WorkFilterForm
from panelkeeper.registers.listing import gift_register, gifts_query, interest_register, work_list
from panelkeeper.registers.models import Gift, Interest, RegisterSettings, WorkItem
from panelkeeper.registers.published import (
    public_gift,
    public_gifts,
    public_interest,
    public_interests,
    published,
)

router = Router(tags=["registers"])

ORG = "/{org}"


def _member(request: StaffRequest, member_id: int) -> Member:
    return member_in(request.organisation, pk=member_id)


# -- interests (COI-1) ---------------------------------------------------------


@api_readers.get(router, f"{ORG}/interests", InterestPageOut)
def list_interests(request: StaffRequest, org: str, query: Query[InterestQuery]) -> InterestPageOut:
    """The register of interests, latest started first, filtered as its page filters it."""
    organisation = request.organisation
    filters = query_filters(InterestFilterForm, query, organisation=organisation)
    register = interest_register(organisation, filters, today=timezone.localdate())
    rows, counts = paged(register, query)
    return InterestPageOut(**counts, interests=[interest_out(i) for i in rows])


@api_readers.get(router, f"{ORG}/reviews-due", ReviewDuePageOut)
def list_reviews_due(request: StaffRequest, org: str, query: Query[PageQuery]) -> ReviewDuePageOut:
    """Members whose declaration of interests is due for review today (COI-1), by name."""
    organisation, today = request.organisation, timezone.localdate()
    months = interests.settings_of(organisation).review_months
    due = interests.members_due_for_review(organisation, months=months, on=today)
    rows, counts = paged(due, query)
    return ReviewDuePageOut(
        **counts,
        members=[
            ReviewDueOut(
                member_id=m.pk,
                member=m.full_name,
                group=m.group.name,
                last_reviewed=state.last_reviewed,
                due=state.due,
            )
            for m, state in interests.review_states(rows, months=months, today=today)
        ],
    )


@api_officers.post(router, f"{ORG}/interests", InterestOut, status=201, body=InterestIn)
def create_interest(request: StaffRequest, org: str) -> Status[InterestOut]:
    """Declare an interest for a member."""
    data = read_body(request, InterestIn)
    return common.declare_interest(request, _member(request, data.member_id), data)


@api_officers.post(
    router, f"{ORG}/interests/{{interest_id}}/close", InterestOut, body=CloseInterestIn
)
def close_interest(request: StaffRequest, org: str, interest_id: int) -> InterestOut:
    """Record the date an interest ended; it stays in the history."""
    interest = get_object_for(request.organisation, Interest.objects.all(), pk=interest_id)
    return common.close_interest(request, interest)


@api_officers.post(
    router, f"{ORG}/members/{{member_id}}/review", ReviewOut, status=201, body=ReviewIn
)
def review_member(request: StaffRequest, org: str, member_id: int) -> Status[ReviewOut]:
    """Confirm a member's register, or record a nil declaration."""
    return common.confirm_register(request, _member(request, member_id))


# -- gifts and hospitality (GIFT-1 to GIFT-3) ------------------------------------


@api_readers.get(router, f"{ORG}/gifts", GiftPageOut)
def list_gifts(request: StaffRequest, org: str, query: Query[GiftQuery]) -> GiftPageOut:
    """The register of gifts and hospitality, latest given first, filtered as its page
    filters it."""
    filters = query_filters(GiftFilterForm, query, organisation=request.organisation)
    # A row names its member and who decided; the register's page also joins the group
    # and who declared it, which the API answers by id.
    gifts = gift_register(request.organisation, filters).select_related(None)
    rows, counts = paged(gifts.select_related("member", "decided_by"), query)
    return GiftPageOut.model_validate({**counts, "gifts": [gift_values(g) for g in rows]})


@api_officers.post(router, f"{ORG}/gifts", GiftOut, status=201, body=OfficerGiftIn)
def create_gift(request: StaffRequest, org: str) -> Status[GiftOut]:
    """Declare a gift or hospitality for a member."""
    data = read_body(request, OfficerGiftIn)
    return common.declare_gift(request, _member(request, data.member_id), data)


@api_officers.post(router, f"{ORG}/gifts/{{gift_id}}/decision", GiftOut, body=GiftDecisionIn)
def decide_gift(request: StaffRequest, org: str, gift_id: int) -> GiftOut:
    """Record what happens to a gift; a second decision is refused."""
    gift = get_object_for(request.organisation, Gift.objects.all(), pk=gift_id)
    data = read_body(request, GiftDecisionIn)
    decided = gifts.decide_gift(
        gift=gift, **data.model_dump(), actor=request.user, today=timezone.localdate()
    )
    return gift_out(gifts_query(Gift.objects.filter(pk=decided.pk)).get())


# -- work and conflicts (COI-2 to COI-4) -----------------------------------------


@api_readers.get(router, f"{ORG}/work-items", WorkItemPageOut)
def list_work_items(request: StaffRequest, org: str, query: Query[WorkQuery]) -> WorkItemPageOut:
    """Pieces of work, latest first, filtered as their page filters them."""
    filters = query_filters(WorkFilterForm, query, organisation=request.organisation)
    rows, counts = paged(work_list(request.organisation, filters), query)
    return WorkItemPageOut(**counts, work_items=[WorkItemOut.model_validate(w) for w in rows])


@api_officers.post(router, f"{ORG}/work-items", WorkItemOut, status=201, body=WorkItemIn)
def create_work_item(request: StaffRequest, org: str) -> Status[WorkItem]:
    """Open a piece of work to check conflicts against."""
    data = read_body(request, WorkItemIn)
    work = conflicts.open_work_item(
        organisation=request.organisation, **data.model_dump(), actor=request.user
    )
    return Status(201, work)


@api_readers.get(router, f"{ORG}/work-items/{{work_id}}", WorkItemDetailOut)
def get_work_item(request: StaffRequest, org: str, work_id: int) -> WorkItemDetailOut:
    """A piece of work, its conflict check and who is conflicted out.

    ``conflicts`` counts decisions taken on or before today."""
    work = get_object_for(request.organisation, WorkItem.objects.all(), pk=work_id)
    found = conflicts.conflicts_for(work, on=timezone.localdate())
    return out_of(
        WorkItemDetailOut,
        work,
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
        conflicts=out_of(
            ConflictsOut,
            found,
            entirely=sorted(found.entirely),
            undecided=sorted(found.undecided),
        ),
    )


@api_officers.post(
    router,
    f"{ORG}/work-items/{{work_id}}/decisions",
    ConflictDecisionRecordedOut,
    status=201,
    body=ConflictDecisionIn,
)
def create_decision(
    request: StaffRequest, org: str, work_id: int
) -> Status[ConflictDecisionRecordedOut]:
    """Record, or revise, the decision on a member's possible conflict with the work.

    When the member already has a decision on the work, this one revises the latest and
    needs ``revision_reason``; the answer carries the member's decisions, latest first."""
    work = get_object_for(request.organisation, WorkItem.objects.all(), pk=work_id)
    data = read_body(request, ConflictDecisionIn)
    member = _member(request, data.member_id)
    decision = conflicts.record_conflict_decision(
        work=work,
        member=member,
        actor=request.user,
        today=timezone.localdate(),
        **data.model_dump(exclude={"member_id"}),
    )
    history = history_out(conflicts.histories(work, member=member).get(member.pk, ()))
    out = ConflictDecisionRecordedOut(**decision_out(decision).model_dump(), history=history)
    return Status(201, out)


# -- settings and the published registers ----------------------------------------


def _settings_out(found: RegisterSettings) -> RegisterSettingsOut:
    return out_of(RegisterSettingsOut, found)


@api_readers.get(router, f"{ORG}/settings", RegisterSettingsOut)
def get_settings(request: StaffRequest, org: str) -> RegisterSettingsOut:
    """Review period and publication."""
    return _settings_out(interests.settings_of(request.organisation))


@api_officers.put(router, f"{ORG}/settings", RegisterSettingsOut, body=RegisterSettingsIn)
def put_settings(request: StaffRequest, org: str) -> RegisterSettingsOut:
    """Set the review period and whether the registers are published."""
    data = read_body(request, RegisterSettingsIn)
    found = interests.update_register_settings(
        organisation=request.organisation, **data.model_dump(), actor=request.user
    )
    return _settings_out(found)


def _published(org: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=org).first()
    if organisation is None or not published(organisation):
        raise HttpError(404, "Not Found")
    return organisation


@api_anyone.get(router, "/public/{org}/interests", PublicInterestPageOut)
def get_public_interests(
    request: HttpRequest, org: str, query: Query[PageQuery]
) -> PublicInterestPageOut:
    """The published register of interests (those current today): no contact details."""
    organisation = _published(org)
    rows, counts = paged(public_interests(organisation, today=timezone.localdate()), query)
    interests = [public_interest(i) for i in rows]
    return PublicInterestPageOut(**counts, organisation=organisation.name, interests=interests)


@api_anyone.get(router, "/public/{org}/gifts", PublicGiftPageOut)
def get_public_gifts(request: HttpRequest, org: str, query: Query[PageQuery]) -> PublicGiftPageOut:
    """The published register of gifts and hospitality: no giver's name."""
    organisation = _published(org)
    rows, counts = paged(public_gifts(organisation), query)
    gifts = [public_gift(g) for g in rows]
    return PublicGiftPageOut(**counts, organisation=organisation.name, gifts=gifts)


router.add_router("", exports_router)
router.add_router("/mine", mine_router)
