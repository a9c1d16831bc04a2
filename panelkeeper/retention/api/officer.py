"""API operations for the retention schedule, legal holds and erasure.

Mounted at ``/api/v1/retention``, with the pages' policies: officers change, officers
and auditors read, another organisation answers 404. Refusals answer 422.
"""

from typing import Any

from django.utils import timezone
from ninja import Query, Router, Status

from panelkeeper.accounts.permissions import api_officers, api_readers, get_object_for
from panelkeeper.cases.models import Case
from panelkeeper.concerns.models import Concern
from panelkeeper.lib.api import out_of, paged, read_body
from panelkeeper.lib.filters import query_filters
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.lookups import member_in
from panelkeeper.retention.api.schemas import (
    DueOut,
    DuePageOut,
    DueQuery,
    HoldOut,
    HoldPageOut,
    HoldQuery,
    HoldReasonIn,
    PeriodIn,
    RetentionPeriodOut,
)
from panelkeeper.retention.erasure import erase_member
from panelkeeper.retention.forms import DueFilterForm, HoldFilterForm
from panelkeeper.retention.holds import lift_hold, place_hold
from panelkeeper.retention.kinds import CASE_OUTCOME
from panelkeeper.retention.listing import PAGE_SIZE, due_chosen, holds_chosen
from panelkeeper.retention.models import LegalHold
from panelkeeper.retention.purge import KindPreview, preview
from panelkeeper.retention.schedule import set_period

router = Router(tags=["retention"])


def _period_out(item: KindPreview) -> RetentionPeriodOut:
    kind = item.period.kind
    return RetentionPeriodOut(
        kind=kind.key,
        outcome=item.period.outcome or None,
        label=item.period.label,
        counted_from=kind.counted_from,
        what_happens=kind.what_happens,
        months=item.period.months,
        default_months=item.period.default_months,
        due_now=item.total,
        next_due_on=item.next_on,
    )


def _hold_out(hold: LegalHold) -> HoldOut:
    return out_of(
        HoldOut,
        hold,
        record=hold.record_label,
        placed_by=str(hold.placed_by),
        lifted_by=str(hold.lifted_by) if hold.lifted_by else None,
    )


def _placed(request: StaffRequest, **record: Any) -> Status[HoldOut]:
    """A hold placed on ``record`` (``place_hold``'s member, case or concern) for the reason
    the body gives."""
    reason = read_body(request, HoldReasonIn).reason
    hold = place_hold(
        organisation=request.organisation, reason=reason, actor=request.user, **record
    )
    return Status(201, _hold_out(hold))


@api_readers.get(router, "/{org}/schedule", list[RetentionPeriodOut])
def get_schedule(request: StaffRequest, org: str) -> list[RetentionPeriodOut]:
    """The retention schedule: each kind of record, how long it is kept, what is due."""
    return [
        _period_out(i) for i in preview(request.organisation, today=timezone.localdate(), first=0)
    ]


@api_officers.put(router, "/{org}/schedule/{kind}", RetentionPeriodOut, body=PeriodIn)
def put_period(request: StaffRequest, org: str, kind: str) -> RetentionPeriodOut:
    """Set how many months one kind of record is kept."""
    return _put(request, kind=kind, outcome="")


@api_officers.put(router, "/{org}/schedule/outcomes/{outcome}", RetentionPeriodOut, body=PeriodIn)
def put_outcome_period(request: StaffRequest, org: str, outcome: str) -> RetentionPeriodOut:
    """Set how many months closed cases with one outcome of the code in force are kept."""
    return _put(request, kind=CASE_OUTCOME.key, outcome=outcome)


def _put(request: StaffRequest, *, kind: str, outcome: str) -> RetentionPeriodOut:
    data = read_body(request, PeriodIn)
    set_period(
        organisation=request.organisation,
        kind=kind,
        outcome=outcome,
        months=data.months,
        actor=request.user,
    )
    items = preview(request.organisation, today=timezone.localdate(), first=0)
    return _period_out(
        next(
            item for item in items if (item.period.kind.key, item.period.outcome) == (kind, outcome)
        )
    )


@api_readers.get(router, "/{org}/due", DuePageOut)
def get_due(request: StaffRequest, org: str, query: Query[DueQuery]) -> DuePageOut:
    """A dry run: every record the next purge would remove or anonymise (of one ``kind``,
    when given), and why, 50 to a page."""
    kind = query_filters(DueFilterForm, query).get("kind") or None
    rows = due_chosen(request.organisation, today=timezone.localdate(), kind=kind)
    due, counts = paged(rows, query, size=PAGE_SIZE)
    return DuePageOut(
        **counts,
        due=[out_of(DueOut, d, kind=d.kind.key, outcome=d.period.outcome or None) for d in due],
    )


@api_readers.get(router, "/{org}/legal-holds", HoldPageOut)
def get_holds(request: StaffRequest, org: str, query: Query[HoldQuery]) -> HoldPageOut:
    """Legal holds, newest first, 50 to a page: in force, lifted, or (by default) both."""
    chosen = query_filters(HoldFilterForm, query)
    rows = holds_chosen(request.organisation, chosen).select_related("placed_by", "lifted_by")
    holds, counts = paged(rows, query, size=PAGE_SIZE)
    return HoldPageOut(**counts, holds=[_hold_out(hold) for hold in holds])


@api_officers.post(
    router, "/{org}/legal-holds/members/{member_id}", HoldOut, status=201, body=HoldReasonIn
)
def hold_member(request: StaffRequest, org: str, member_id: int) -> Status[HoldOut]:
    """Place a legal hold on a member: nothing about them goes until it is lifted."""
    member = member_in(request.organisation, pk=member_id)
    return _placed(request, member=member)


@api_officers.post(
    router, "/{org}/legal-holds/cases/{case_id}", HoldOut, status=201, body=HoldReasonIn
)
def hold_case(request: StaffRequest, org: str, case_id: int) -> Status[HoldOut]:
    """Place a legal hold on a case, with its letters and the concern it came from."""
    case = get_object_for(request.organisation, Case.objects.of(request.organisation), pk=case_id)
    return _placed(request, case=case)


@api_officers.post(
    router, "/{org}/legal-holds/concerns/{concern_id}", HoldOut, status=201, body=HoldReasonIn
)
def hold_concern(request: StaffRequest, org: str, concern_id: int) -> Status[HoldOut]:
    """Place a legal hold on a concern and its messages."""
    concerns = Concern.objects.filter(organisation=request.organisation)
    concern = get_object_for(request.organisation, concerns, pk=concern_id)
    return _placed(request, concern=concern)


@api_officers.post(router, "/{org}/legal-holds/{hold_id}/lift", HoldOut, body=HoldReasonIn)
def lift(request: StaffRequest, org: str, hold_id: int) -> HoldOut:
    """Lift a legal hold, saying why; the records then go when the schedule says."""
    hold = get_object_for(request.organisation, LegalHold.objects.in_force(), pk=hold_id)
    reason = read_body(request, HoldReasonIn).reason
    return _hold_out(lift_hold(hold=hold, reason=reason, actor=request.user))


@api_officers.post(router, "/{org}/erasures/members/{member_id}", None, status=204)
def erase(request: StaffRequest, org: str, member_id: int) -> Status[None]:
    """Erase a member's records on their request, or refuse with every reason they stay."""
    member = member_in(request.organisation, pk=member_id)
    erase_member(member=member, organisation=request.organisation, actor=request.user)
    return Status(204, None)
