"""API operations for breach cases, mounted at ``/api/v1/cases``: anything the pages do.

Every read takes ``as_of`` (default today; a later day answers a projection, marked
``projection``); every step takes ``effective`` (default
today, never later). A refusal answers 422 with ``detail``, the ``rule`` it applies and
the ``field`` it concerns. Officers' operations are under ``/{org}``; the member a case
is about, its investigators and its appeal officer use ``/mine``, and see only their
own cases (another case answers 404). Reads and raising a breach are here; the steps on
a case in :mod:`.officer_steps`.
"""

from django.utils import timezone
from ninja import Query, Status
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import (
    api_appeal_officers,
    api_officers,
    api_participants,
    api_readers,
    api_users,
)
from panelkeeper.cases.api.common import (
    AsOf,
    as_of_or_today,
    case_out,
    case_today,
    is_projection,
    router,
    rows_out,
)
from panelkeeper.cases.api.schemas import (
    CaseOut,
    CasePageOut,
    MyCasePageOut,
    OwnAppealIn,
    RaiseIn,
)
from panelkeeper.cases.api.step_schemas import AppealDecisionIn
from panelkeeper.cases.changes.appeals import decide_appeal as decide_appeal_put
from panelkeeper.cases.changes.appeals import lodge_own_appeal
from panelkeeper.cases.changes.opening import raise_breach as raise_breach_case
from panelkeeper.cases.invitations import STAFF_PARTS
from panelkeeper.cases.lookups import staff_case
from panelkeeper.cases.models import Case
from panelkeeper.cases.reading import read_case, reporter_for_subject
from panelkeeper.lib.api import PageQuery, read_body, within_token
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import CaseRequest, SignedInRequest, StaffRequest
from panelkeeper.members.models import Member
from panelkeeper.organisations.in_force import calendar_for

# -- the people of one case (registered first: "/mine" is not an organisation) ---


@api_users.get(router, "/mine", MyCasePageOut)
def my_cases(request: SignedInRequest, query: Query[PageQuery]) -> MyCasePageOut:
    """Cases you have a part in, latest begun first."""
    cases = within_token(request, Case.objects.involving(request.user), via="organisation")
    today = timezone.localdate()
    rows, counts = rows_out(cases.order_by("-began_on", "-id"), query, as_of=today, calendar=None)
    return MyCasePageOut(**counts, cases=rows)


@api_participants.get(router, "/mine/{case}", CaseOut)
@confidential("case", "case")
def my_case(request: CaseRequest, case: int, query: Query[AsOf]) -> CaseOut:
    """A case you have a part in, on as_of."""
    record: Case = request.case
    roles = request.case_roles
    full = bool(STAFF_PARTS & roles)
    reading = read_case(record, as_of=as_of_or_today(query))
    reporter = (record.reporter_name or None) if full else reporter_for_subject(record)
    return case_out(reading, reporter=reporter, full=full)


@api_appeal_officers.post(router, "/mine/{case}/appeal-decision", CaseOut, body=AppealDecisionIn)
def decide_appeal(request: CaseRequest, case: int) -> CaseOut:
    """Decide the appeal put to you (BR-12)."""
    record: Case = request.case
    data = read_body(request, AppealDecisionIn)
    decide_appeal_put(case=record, actor=request.user, **data.model_dump())
    return case_today(record, people=False)


@api_participants.post(router, "/mine/{case}/appeal", CaseOut, body=OwnAppealIn)
def appeal(request: CaseRequest, case: int) -> CaseOut:
    """Appeal the decision on a case about you (or the member you help), in your own words,
    where the code lets it be appealed (BR-12)."""
    record: Case = request.case
    if "subject" not in request.case_roles:
        raise HttpError(404, "Not Found")
    data = read_body(request, OwnAppealIn)
    lodge_own_appeal(case=record, grounds=data.grounds, actor=request.user)
    reading = read_case(record, as_of=timezone.localdate())
    return case_out(reading, reporter=reporter_for_subject(record), full=False)


# -- officers and auditors -------------------------------------------------------


class ListQuery(PageQuery, AsOf):
    """A page of the case list, as it stands on a day."""


@api_readers.get(router, "/{org}", CasePageOut)
def list_cases(request: StaffRequest, org: str, query: Query[ListQuery]) -> CasePageOut:
    """Cases by next due date, overdue first.

    ``as_of`` limits the list to cases begun by then and counts overdue from it."""
    organisation = request.organisation
    as_of = as_of_or_today(query)
    cases = Case.objects.of(organisation).filter(began_on__lte=as_of).by_next_due()
    calendar = calendar_for(organisation)
    rows, counts = rows_out(cases, query, as_of=as_of, calendar=calendar)
    return CasePageOut(as_of=as_of, projection=is_projection(as_of), **counts, cases=rows)


@api_officers.post(router, "/{org}", CaseOut, status=201, body=RaiseIn)
def raise_breach(request: StaffRequest, org: str) -> Status[CaseOut]:
    """Raise a breach (BR-0, BR-1, BR-2, MEM-9)."""
    organisation = request.organisation
    data = read_body(request, RaiseIn)
    member = Member.objects.of(organisation).filter(pk=data.member_id).first()
    if member is None:
        raise Refused("Choose a member of this organisation.", rule="BR-1", field="member_id")
    given = data.model_dump(exclude={"member_id"})
    case = raise_breach_case(organisation=organisation, member=member, actor=request.user, **given)
    return Status(201, case_today(case, people=False))


@api_readers.get(router, "/{org}/{case_id}", CaseOut)
@confidential("case", "case_id")
def get_case(request: StaffRequest, org: str, case_id: int, query: Query[AsOf]) -> CaseOut:
    """A case as it stood on as_of."""
    case = staff_case(request, case_id)
    reading = read_case(case, as_of=as_of_or_today(query))
    return case_out(reading, reporter=case.reporter_name or None, full=True, people=True)


__all__ = ["router"]
