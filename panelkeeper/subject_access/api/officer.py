"""API operations for subject access, mounted at ``/api/v1/subject-access``.

Officers and auditors of the organisation read requests; officers log them, pause and
restart their clocks, extend them, build a pack, read it and record its release. The
access log is for the organisation's data protection lead only (anyone else 403).
Another organisation answers 404, anonymous 401; a refusal 422.
"""

from collections.abc import Callable

from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import HttpError as NinjaHttpError

from panelkeeper.accounts.permissions import api_officers, api_readers
from panelkeeper.lib.api import PageQuery, out_of, paged, read_body
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import Member
from panelkeeper.subject_access import requests as sar
from panelkeeper.subject_access.api.schemas import (
    ErasedOut,
    ErasePersonIn,
    ExtendIn,
    LeadIn,
    LeadOut,
    PackOut,
    PauseIn,
    PauseOut,
    ReadingOut,
    ReadingPageOut,
    ReleaseIn,
    RequestIn,
    RequestOut,
    RequestPageOut,
    ResumeIn,
)
from panelkeeper.subject_access.erasure import erase_person
from panelkeeper.subject_access.lead import choose_lead, is_lead, officers_of
from panelkeeper.subject_access.lookups import pack_in, request_in, requests_of
from panelkeeper.subject_access.models import SubjectAccessRequest
from panelkeeper.subject_access.packs import build_pack, release_pack
from panelkeeper.subject_access.reading import log_of

router = Router(tags=["subject access"])

REQUEST = "/{org}/requests/{request_id}"


def request_out(found: SubjectAccessRequest) -> RequestOut:
    clock = sar.clock_of(found, today=timezone.localdate())
    return out_of(
        RequestOut,
        found,
        pauses=[out_of(PauseOut, p) for p in found.pauses.all()],
        due=clock.due,
        paused_since=clock.paused_since,
        overdue=clock.overdue,
        answered=clock.answered,
        pack_built=getattr(found, "pack", None) is not None,
    )


def _find(request: StaffRequest, request_id: int) -> SubjectAccessRequest:
    return request_in(request.organisation, pk=request_id)


@api_readers.get(router, "/{org}/requests", RequestPageOut)
def list_requests(request: StaffRequest, org: str, query: Query[PageQuery]) -> RequestPageOut:
    """Requests, newest received first."""
    rows, counts = paged(requests_of(request.organisation), query)
    return RequestPageOut(**counts, requests=[request_out(r) for r in rows])


@api_officers.post(router, "/{org}/requests", RequestOut, status=201, body=RequestIn)
def log_request(request: StaffRequest, org: str) -> Status[RequestOut]:
    """Log a subject access request received from a member or anyone the records name."""
    data = read_body(request, RequestIn)
    member = None
    if data.member_id is not None:
        member = Member.objects.of(request.organisation).filter(pk=data.member_id).first()
        if member is None:
            raise Refused("Choose a member of this organisation.", field="member_id")
    made = sar.log_request(
        organisation=request.organisation,
        requester=data.requester,
        member=member,
        name=data.name,
        contact=data.contact,
        received_on=data.received_on,
        details=data.details,
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(201, request_out(_find(request, made.pk)))


@api_readers.get(router, REQUEST, RequestOut)
def get_request(request: StaffRequest, org: str, request_id: int) -> RequestOut:
    """A request and when it is due."""
    return request_out(_find(request, request_id))


def _changed(
    request: StaffRequest, request_id: int, change: Callable[[SubjectAccessRequest], object]
) -> RequestOut:
    """The request after ``change``, as it now stands."""
    change(_find(request, request_id))
    return request_out(_find(request, request_id))


@api_officers.post(router, f"{REQUEST}/pause", RequestOut, body=PauseIn)
def pause(request: StaffRequest, org: str, request_id: int) -> RequestOut:
    """Pause the clock while waiting for proof of identity or clarification."""
    data = read_body(request, PauseIn)
    today = timezone.localdate()
    return _changed(
        request,
        request_id,
        lambda found: sar.pause(
            request=found,
            reason=data.reason,
            paused_on=data.paused_on,
            note=data.note,
            actor=request.user,
            today=today,
        ),
    )


@api_officers.post(router, f"{REQUEST}/restart", RequestOut, body=ResumeIn)
def resume(request: StaffRequest, org: str, request_id: int) -> RequestOut:
    """Restart a paused clock."""
    data = read_body(request, ResumeIn)
    today, on = timezone.localdate(), data.resumed_on
    return _changed(
        request,
        request_id,
        lambda found: sar.resume(request=found, resumed_on=on, actor=request.user, today=today),
    )


@api_officers.post(router, f"{REQUEST}/extend", RequestOut, body=ExtendIn)
def extend(request: StaffRequest, org: str, request_id: int) -> RequestOut:
    """Extend the time to answer by 1 or 2 months in all, with the reason."""
    data = read_body(request, ExtendIn)
    months, reason = data.months, data.reason
    return _changed(
        request,
        request_id,
        lambda found: sar.extend(request=found, months=months, reason=reason, actor=request.user),
    )


@api_officers.post(router, f"{REQUEST}/pack", PackOut)
def build(request: StaffRequest, org: str, request_id: int) -> PackOut:
    """Build the pack: everything held about the person, in one step."""
    return out_of(PackOut, build_pack(request=_find(request, request_id), actor=request.user))


@api_officers.get(router, f"{REQUEST}/pack", PackOut)
def get_pack(request: StaffRequest, org: str, request_id: int) -> PackOut:
    """The pack, to review before release."""
    return out_of(PackOut, pack_in(request.organisation, request_id=request_id))


@api_officers.post(router, f"{REQUEST}/pack/release", PackOut, body=ReleaseIn)
def release(request: StaffRequest, org: str, request_id: int) -> PackOut:
    """Record that the pack was read and released to the person."""
    data = read_body(request, ReleaseIn)
    released = release_pack(
        pack=pack_in(request.organisation, request_id=request_id),
        reviewed=data.reviewed,
        released_on=data.released_on,
        actor=request.user,
        today=timezone.localdate(),
    )
    return out_of(PackOut, released)


@api_readers.get(router, "/{org}/access-log", ReadingPageOut)
def access_log(request: StaffRequest, org: str, query: Query[PageQuery]) -> ReadingPageOut:
    """Who read which confidential record, newest first: the data protection lead only."""
    if not is_lead(request):
        raise NinjaHttpError(403, "Only your data protection lead can read this log.")
    rows, counts = paged(log_of(request.organisation), query, size=100)
    return ReadingPageOut(
        **counts,
        readings=[
            out_of(ReadingOut, view, reader=view.reader.get_full_name() or view.reader.email)
            for view in rows
        ],
    )


@api_officers.put(router, "/{org}/data-protection-lead", LeadOut, body=LeadIn)
def set_lead(request: StaffRequest, org: str) -> LeadOut:
    """Name one of the organisation's officers its data protection lead."""
    data = read_body(request, LeadIn)
    user = officers_of(request.organisation).filter(pk=data.user_id).first()
    if user is None:
        raise Refused("Choose one of your organisation's officers.", field="user_id")
    lead = choose_lead(
        organisation=request.organisation,
        user=user,
        actor=request.user,
        today=timezone.localdate(),
    )
    return LeadOut(
        user_id=user.pk, name=user.get_full_name() or user.email, chosen_on=lead.chosen_on
    )


@api_officers.post(router, "/{org}/erasures/people", ErasedOut, body=ErasePersonIn)
def erase(request: StaffRequest, org: str) -> ErasedOut:
    """Erase a person who is not a member (a reporter, a witness, a requester) from every
    record that names them, on their request; or refuse with every reason they stay."""
    data = read_body(request, ErasePersonIn)
    if not data.confirm:
        raise Refused("Confirm that the person asked for erasure.", field="confirm")
    erased = erase_person(
        organisation=request.organisation, name=data.name, contact=data.contact, actor=request.user
    )
    return ErasedOut(records=erased.count)
