"""API operations for concerns, mounted at ``/api/v1/concerns``.

Public (no credentials): raise a concern, and follow one up with its receipt code in
the request body (never the URL). Both keep the public pages' rate limits (429), and a
code that opens nothing gets one answer whether or not any concern exists (404 with
the same ``detail``). An organisation that does not exist answers 404.

Officers of the organisation: list, read, reply (or record a contact), triage into a
breach case, close. Another organisation answers 404, an auditor 403, anonymous 401.
A refusal answers 422 with ``detail`` and the ``field`` it concerns.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Status

from panelkeeper.accounts.permissions import (
    api_anyone,
    api_officers,
    get_object_for,
)
from panelkeeper.cases.models import RaisedBy, Setting
from panelkeeper.concerns import follow_up
from panelkeeper.concerns.api.schemas import (
    CloseIn,
    ConcernDetailOut,
    ConcernIn,
    ConcernOut,
    ConcernPageOut,
    FollowUpIn,
    FollowUpOut,
    MessageOut,
    ReceivedOut,
    ReplyIn,
    ReporterMessageOut,
    TriageIn,
)
from panelkeeper.concerns.forms import ConcernFilterForm
from panelkeeper.concerns.handling import (
    Report,
    close_concern,
    find_by_code,
    record_contact,
    reply_to_concern,
    send_reporter_message,
    submit_concern,
)
from panelkeeper.concerns.limits import Limit, count, is_blocked
from panelkeeper.concerns.listing import PAGE_SIZE, concerns_chosen
from panelkeeper.concerns.models import About, Concern, Message
from panelkeeper.concerns.routing import raising_for
from panelkeeper.concerns.triage import triage_concern
from panelkeeper.concerns.views.public import NO_MATCH, TOO_MANY
from panelkeeper.lib.api import RefusalOut, out_of, paged, read_body, refusal
from panelkeeper.lib.confidential import confidential
from panelkeeper.lib.filters import DateRangeQuery, query_filters
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation

router = Router(tags=["concerns"])


def _choice[E: (About, Setting, RaisedBy)](enum: type[E], value: str, field: str) -> E:
    try:
        return enum(value)
    except ValueError:
        options = ", ".join(f'"{v}"' for v in enum.values)
        raise Refused(f"Send one of {options}.", field=field) from None


# -- public ----------------------------------------------------------------------


@api_anyone.post(router, "/{org}", {201: ReceivedOut, 429: RefusalOut}, body=ConcernIn)
def raise_concern(request: HttpRequest, org: str) -> Status[ReceivedOut] | Status[RefusalOut]:
    """Raise a concern (no credentials needed)."""
    organisation = get_object_or_404(Organisation, slug=org)
    if is_blocked(Limit.SUBMIT, request, org):
        return refusal(Refused(TOO_MANY), status=429)
    data = read_body(request, ConcernIn)
    today = timezone.localdate()
    raising = raising_for(organisation, on=today)
    if raising is None:
        raise Refused(f"Contact {organisation.name} directly to raise a concern.")
    report = Report(
        **data.model_dump(exclude={"about", "setting", "reporter_kind"}),
        about=_choice(About, data.about, "about"),
        setting=_choice(Setting, data.setting, "setting"),
        reporter_kind=_choice(RaisedBy, data.reporter_kind, "reporter_kind"),
    )
    concern, code = submit_concern(
        organisation=organisation, raising=raising, report=report, today=today
    )
    count(Limit.SUBMIT, request, org)
    return Status(201, ReceivedOut(routed_to=concern.routed_to, receipt_code=code))


@api_anyone.post(
    router,
    "/{org}/follow-up",
    {200: FollowUpOut, 404: RefusalOut, 429: RefusalOut},
    body=FollowUpIn,
)
def follow_up_concern(request: HttpRequest, org: str) -> FollowUpOut | Status[RefusalOut]:
    """Follow up a concern with its receipt code, optionally sending a message."""
    organisation = get_object_or_404(Organisation, slug=org)
    if is_blocked(Limit.CODE, request, org):
        return refusal(Refused(TOO_MANY), status=429)
    data = read_body(request, FollowUpIn)
    concern = find_by_code(organisation=organisation, code=data.code)
    if concern is None:
        count(Limit.CODE, request, org)
        return refusal(Refused(NO_MATCH, field="code"), status=404)
    if data.message.strip():
        if is_blocked(Limit.MESSAGE, request, org):
            return refusal(Refused(TOO_MANY), status=429)
        send_reporter_message(concern=concern, body=data.message, today=timezone.localdate())
        count(Limit.MESSAGE, request, org)
    view = follow_up.reporter_view(concern)
    return FollowUpOut(
        raised_on=timezone.localdate(concern.received_at),
        status=view["status"].label,
        meaning=view["status"].meaning,
        messages=[out_of(ReporterMessageOut, m) for m in view["messages_list"]],
    )


# -- officers --------------------------------------------------------------------


def _concern(request: StaffRequest, concern_id: int) -> Concern:
    return get_object_for(
        request.organisation,
        Concern.objects.select_related("organisation", "case"),
        pk=concern_id,
    )


def _detail(concern: Concern) -> ConcernDetailOut:
    messages = list(concern.messages.all())
    return out_of(ConcernDetailOut, concern, messages=messages, message_count=len(messages))


class ConcernQuery(DateRangeQuery):
    """A page of the concerns list: of one ``status``, received from ``since`` up to
    ``until``. The filters validate as the concerns page's do."""

    status: Concern.ConcernStatus | None = None


@api_officers.get(router, "/{org}", ConcernPageOut)
def list_concerns(request: StaffRequest, org: str, query: Query[ConcernQuery]) -> ConcernPageOut:
    """Concerns received, newest first, 50 to a page, filtered as the concerns page
    filters them."""
    chosen = query_filters(ConcernFilterForm, query)
    rows, counts = paged(concerns_chosen(request.organisation, chosen), query, size=PAGE_SIZE)
    return ConcernPageOut(**counts, concerns=[ConcernOut.model_validate(c) for c in rows])


@api_officers.get(router, "/{org}/{concern_id}", ConcernDetailOut)
@confidential("concern", "concern_id")
def get_concern(request: StaffRequest, org: str, concern_id: int) -> ConcernDetailOut:
    """A concern and its messages."""
    return _detail(_concern(request, concern_id))


@api_officers.post(router, "/{org}/{concern_id}/messages", MessageOut, status=201, body=ReplyIn)
def reply(request: StaffRequest, org: str, concern_id: int) -> Status[MessageOut]:
    """Reply to an anonymous reporter, or record a contact with a named one."""
    concern = _concern(request, concern_id)
    data = read_body(request, ReplyIn)
    today = timezone.localdate()
    if concern.anonymous or data.channel == Message.Channel.SERVICE:
        message = reply_to_concern(
            concern=concern, officer=request.user, body=data.body, today=today
        )
    else:
        message = record_contact(
            concern=concern,
            officer=request.user,
            channel=data.channel,
            body=data.body,
            sent_on=data.sent_on or today,
            today=today,
        )
    return Status(201, MessageOut.model_validate(message, from_attributes=True))


@api_officers.post(router, "/{org}/{concern_id}/triage", ConcernDetailOut, body=TriageIn)
def triage(request: StaffRequest, org: str, concern_id: int) -> ConcernDetailOut:
    """Open a breach case about a member from the concern."""
    concern = _concern(request, concern_id)
    data = read_body(request, TriageIn)
    member = Member.objects.of(request.organisation).filter(pk=data.member_id).first()
    if member is None:
        raise Refused("Choose a member of this organisation.", field="member_id")
    triage_concern(
        concern=concern,
        officer=request.user,
        member=member,
        effective=data.effective or timezone.localdate(concern.received_at),
        description=data.description if data.description is not None else concern.what_happened,
        setting=data.setting or concern.setting,
        clauses=data.clauses,
        today=timezone.localdate(),
    )
    return _detail(_concern(request, concern_id))


@api_officers.post(router, "/{org}/{concern_id}/close", ConcernDetailOut, body=CloseIn)
def close(request: StaffRequest, org: str, concern_id: int) -> ConcernDetailOut:
    """Close the concern without a case, with a reason the reporter reads."""
    concern = _concern(request, concern_id)
    data = read_body(request, CloseIn)
    close_concern(
        concern=concern, officer=request.user, reason=data.reason, today=timezone.localdate()
    )
    return _detail(_concern(request, concern_id))
