"""API operations for breach cases, mounted at ``/api/v1/cases``: anything the pages do.

Every read takes ``as_of`` (default today); every step takes ``effective`` (default
today, never later). A refusal answers 422 with ``detail``, the ``rule`` it applies and
the ``field`` it concerns. Officers' operations are under ``/{org}``; the member a case
is about, its investigators and its appeal officer use ``/mine``, and see only their
own cases (another case answers 404).
"""

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ValidationError as PydanticValidationError

from panelkeeper.accounts.models import Grant, User
from panelkeeper.accounts.permissions import (
    api_appeal_officer,
    api_case_participant,
    api_signed_in,
    api_staff,
    get_object_for,
)
from panelkeeper.cases import services
from panelkeeper.cases.actions import ACTIONS
from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import CaseRefused
from panelkeeper.cases.reading import Reading, list_calendar, read_case, reporter_for_subject
from panelkeeper.cases.schemas import (
    AppealDecisionIn,
    AppealOut,
    CaseOut,
    CasePageOut,
    CaseRowOut,
    DeadlineOut,
    EventOut,
    NextStepOut,
    OutcomeOut,
    PartyContactIn,
    PartyOut,
    PersonOut,
    RaiseIn,
    ReasonIn,
    RefusalOut,
    SeatOut,
    StepIn,
)
from panelkeeper.members.models import Member

router = Router(tags=["cases"])

READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
OFFICER = Grant.Role.OFFICER
PAGE_SIZE = 50


class AsOf(Schema):
    as_of: dt.date | None = None


def _as_of(query: AsOf) -> dt.date:
    today = timezone.localdate()
    return min(query.as_of or today, today)


def _body[S: Schema](request: HttpRequest, schema: type[S]) -> S:
    """The JSON body, read only after the access policy has passed."""
    try:
        return schema.model_validate_json(request.body or b"{}")
    except PydanticValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in error.errors()
        )
        raise HttpError(422, f"Send a JSON body like the example in the docs. {problems}") from None


def _request_body(schema: type[Schema]) -> dict[str, object]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema.model_json_schema()}},
        }
    }


def _refusal(refusal: CaseRefused) -> Status[RefusalOut]:
    return Status(422, RefusalOut(detail=refusal.message, rule=refusal.rule, field=refusal.field))


def case_out(
    reading: Reading, *, reporter: str | None, full: bool, people: bool = False
) -> CaseOut:
    """``full`` for staff, investigators and the appeal officer; the subject sees no
    description, reasons, recipients or seats, and the reporter only if they agreed.
    ``people`` (officers and auditors) lists who else is involved."""
    case, view = reading.case, reading.view
    left = {d.deadline.key: d.working_days_left for d in reading.dues}
    window = view.appeal_window
    outcome = view.outcome
    return CaseOut(
        id=case.pk,
        reference=case.reference,
        as_of=reading.as_of,
        kind=case.kind,
        member=str(case.member),
        state=view.state.value if view.state else None,
        level=view.level,
        level_reason=view.level_reason,
        escalated_by=view.escalated_by,
        description=case.description if full else None,
        setting=case.setting or None,
        clauses=list(case.clauses),
        raised_by=case.raised_by or None,
        reporter=reporter,
        routed_to=case.routed_to,
        deadlines=[
            DeadlineOut(
                key=d.key,
                label=d.label,
                rules=list(d.rules),
                start=d.start,
                due=d.due,
                target=d.target,
                met_on=d.met_on,
                status=d.status.value,
                working_days_left=left.get(d.key),
            )
            for d in view.deadlines
        ],
        next_steps=[
            NextStepOut(kind=s.kind.value, options=list(s.options), by=[r.title for r in s.by])
            for s in view.next_steps
        ]
        if full
        else [],
        outcomes_on_offer=[
            OutcomeOut(key=o.key, label=o.label, effect=o.effect.value)
            for o in view.outcomes_on_offer
        ]
        if full
        else [],
        outcome=OutcomeOut(
            key=outcome.key,
            label=outcome.label,
            effect=outcome.effect.value,
            on=outcome.on,
            offered=outcome.offered,
            reason=outcome.reason if full else None,
        )
        if outcome
        else None,
        appeal=AppealOut(
            to=window.to.title if window else case.appeal_to or None,
            window_closes=window.closes if window else None,
            window_open=bool(window and window.open),
            lodged=view.appeal.lodged if view.appeal else None,
            late=bool(view.appeal and view.appeal.late),
            late_accepted=view.appeal.late_accepted if view.appeal else None,
            decided=view.appeal.decided if view.appeal else None,
            result=view.appeal.result.value if view.appeal and view.appeal.result else None,
        )
        if window or view.appeal
        else None,
        must_be_told=reading.parties_to_tell if full else [],
        seats=[
            SeatOut(
                id=seat.pk,
                role_key=seat.role_key,
                role=seat.role_title,
                name=seat.person_name,
                impartial=seat.impartial,
                seated_on=seat.seated_on,
            )
            for seat in case.seats.current().select_related("member", "user")
        ]
        if full
        else [],
        people=[
            PersonOut(id=p.pk, role=p.role, name=p.display_name)
            for p in case.parties.current().select_related("member", "user")
        ]
        if people
        else [],
        events=[
            EventOut(
                kind=e.kind,
                effective=e.effective,
                recorded_on=e.recorded_on,
                late=e.late,
                step=e.step,
                level=e.level,
                outcome=e.outcome,
                reason=e.reason if full else "",
                channel=e.channel,
                to=e.to if full else "",
                until=e.until,
                accepted=e.accepted,
                result=e.result,
            )
            for e in reading.events
        ],
    )


# -- the people of one case (registered first: "/mine" is not an organisation) ---


@router.get("/mine", response=list[CaseRowOut], summary="Cases you have a part in")
@api_signed_in
def my_cases(request: HttpRequest) -> list[CaseRowOut]:
    user = request.user
    ids: set[int] = set()
    for queryset in (
        Case.objects.about(user),
        Case.objects.for_investigator(user),
        Case.objects.for_appeal_officer(user),
    ):
        ids |= set(queryset.values_list("pk", flat=True))
    token = getattr(request, "api_token", None)
    cases = Case.objects.filter(pk__in=ids).select_related("member")
    if token is not None:
        cases = cases.filter(organisation=token.organisation_id)
    today = timezone.localdate()
    return [_row(c, today, None) for c in cases.order_by("-began_on", "-id")]


@router.get("/mine/{case}", response=CaseOut, summary="A case you have a part in, on as_of")
@api_case_participant
def my_case(request: HttpRequest, case: int, query: Query[AsOf]) -> CaseOut:
    record: Case = request.case  # type: ignore[attr-defined]
    roles = request.case_roles  # type: ignore[attr-defined]
    full = bool({"investigator", "appeal_officer"} & roles)
    reading = read_case(record, as_of=_as_of(query))
    reporter = (record.reporter_name or None) if full else reporter_for_subject(record)
    return case_out(reading, reporter=reporter, full=full)


@router.post(
    "/mine/{case}/appeal-decision",
    response={200: CaseOut, 422: RefusalOut},
    summary="Decide the appeal put to you (BR-12)",
    openapi_extra=_request_body(AppealDecisionIn),
)
@api_appeal_officer
def decide_appeal(request: HttpRequest, case: int) -> Status[Any]:
    record: Case = request.case  # type: ignore[attr-defined]
    data = _body(request, AppealDecisionIn)
    try:
        services.decide_appeal(
            case=record,
            result=data.result,
            reason=data.reason,
            outcome=data.outcome,
            effective=data.effective,
            actor=request.user,  # type: ignore[arg-type]
        )
    except CaseRefused as refusal:
        return _refusal(refusal)
    reading = read_case(record, as_of=timezone.localdate())
    return Status(200, case_out(reading, reporter=record.reporter_name or None, full=True))


# -- officers and auditors -------------------------------------------------------


def _row(case: Case, as_of: dt.date, calendar: Any) -> CaseRowOut:
    left = (
        calendar.working_days_between(as_of, case.next_due)
        if calendar is not None and case.next_due is not None
        else None
    )
    return CaseRowOut(
        id=case.pk,
        reference=case.reference,
        member=str(case.member),
        kind=case.kind,
        state=case.state,
        level=case.level,
        began_on=case.began_on,
        next_due=case.next_due,
        overdue=case.next_due is not None and case.next_due < as_of,
        working_days_left=left,
    )


class ListQuery(AsOf):
    page: int = 1


@router.get("/{org}", response=CasePageOut, summary="Cases by next due date, overdue first")
@api_staff(*READERS)
def list_cases(request: HttpRequest, org: str, query: Query[ListQuery]) -> CasePageOut:
    """``as_of`` limits the list to cases begun by then and counts overdue from it."""
    organisation = request.organisation  # type: ignore[attr-defined]
    as_of = _as_of(query)
    cases = (
        Case.objects.of(organisation)
        .filter(began_on__lte=as_of)
        .select_related("member")
        .by_next_due()
    )
    page = Paginator(cases, PAGE_SIZE).get_page(query.page)
    calendar = list_calendar(organisation)
    return CasePageOut(
        as_of=as_of,
        page=page.number,
        pages=page.paginator.num_pages,
        count=page.paginator.count,
        cases=[_row(c, as_of, calendar) for c in page],
    )


@router.post(
    "/{org}",
    response={201: CaseOut, 422: RefusalOut},
    summary="Raise a breach (BR-0, BR-1, BR-2, MEM-9)",
    openapi_extra=_request_body(RaiseIn),
)
@api_staff(OFFICER)
def raise_breach(request: HttpRequest, org: str) -> Status[Any]:
    organisation = request.organisation  # type: ignore[attr-defined]
    data = _body(request, RaiseIn)
    member = Member.objects.of(organisation).filter(pk=data.member_id).first()
    if member is None:
        return _refusal(
            CaseRefused("BR-1", "Choose a member of this organisation.", field="member_id")
        )
    try:
        case = services.raise_breach(
            organisation=organisation,
            member=member,
            actor=request.user,  # type: ignore[arg-type]
            effective=data.effective,
            description=data.description,
            setting=data.setting,
            clauses=data.clauses,
            raised_by=data.raised_by,
            reporter_name=data.reporter_name,
            reporter_consents_to_identity=data.reporter_consents_to_identity,
            reporter_contact=data.reporter_contact,
            reporter_agreed_to_letters=data.reporter_agreed_to_letters,
            anonymous=data.anonymous,
        )
    except CaseRefused as refusal:
        return _refusal(refusal)
    reading = read_case(case, as_of=timezone.localdate())
    return Status(201, case_out(reading, reporter=case.reporter_name or None, full=True))


def _case(request: HttpRequest, case_id: int) -> Case:
    return get_object_for(
        request.organisation,  # type: ignore[attr-defined]
        Case.objects.select_related("member", "policy_version", "organisation"),
        pk=case_id,
    )


@router.get("/{org}/{case_id}", response=CaseOut, summary="A case as it stood on as_of")
@api_staff(*READERS)
def get_case(request: HttpRequest, org: str, case_id: int, query: Query[AsOf]) -> CaseOut:
    case = _case(request, case_id)
    reading = read_case(case, as_of=_as_of(query))
    return case_out(reading, reporter=case.reporter_name or None, full=True, people=True)


def _step_data(request: HttpRequest, data: StepIn) -> dict[str, Any]:
    organisation = request.organisation  # type: ignore[attr-defined]
    values: dict[str, Any] = data.model_dump()
    values["member"] = (
        Member.objects.of(organisation).filter(pk=data.member_id).first()
        if data.member_id is not None
        else None
    )
    values["user"] = User.objects.filter(pk=data.user_id).first() if data.user_id else None
    # An informal step names who gave the guidance by ``user_id`` (Interpretation 11).
    values["given_by"] = values["user"]
    if data.member_id is not None and values["member"] is None:
        raise CaseRefused("BR-6", "Choose a member of this organisation.", field="member_id")
    return values


@router.post(
    "/{org}/{case_id}/steps/{action}",
    response={200: CaseOut, 404: RefusalOut, 422: RefusalOut},
    summary="Take a step: " + ", ".join(ACTIONS),
    openapi_extra=_request_body(StepIn),
)
@api_staff(OFFICER)
def take_step(request: HttpRequest, org: str, case_id: int, action: str) -> Status[Any]:
    """One step of the case through its domain function; refused steps name the rule."""
    case = _case(request, case_id)
    step = ACTIONS.get(action)
    if step is None:
        return Status(404, RefusalOut(detail=f"No step '{action}'. Steps: {', '.join(ACTIONS)}."))
    data = _body(request, StepIn)
    try:
        values = _step_data(request, data)
        for needed in _needs(action):
            if values.get(needed) in (None, ""):
                raise CaseRefused("API", f"Send {needed} for this step.", field=needed)
        step.perform(case, values, request.user)
    except CaseRefused as refusal:
        return _refusal(refusal)
    return Status(200, _staff_case_out(case))


@router.post(
    "/{org}/{case_id}/people/{party_id}/contact",
    response={200: PartyOut, 422: RefusalOut},
    summary="Record where a person known by name only agreed to be written to (BR-11)",
    openapi_extra=_request_body(PartyContactIn),
)
@api_staff(OFFICER)
def set_party_contact(request: HttpRequest, org: str, case_id: int, party_id: int) -> Status[Any]:
    case = _case(request, case_id)
    party = get_object_or_404(case.parties.current(), pk=party_id)
    data = _body(request, PartyContactIn)
    try:
        services.set_party_contact(
            party=party,
            contact=data.contact,
            agreed_to_letters=data.agreed_to_letters,
            actor=request.user,  # type: ignore[arg-type]
        )
    except CaseRefused as refusal:
        return _refusal(refusal)
    return Status(
        200,
        PartyOut(
            id=party.pk,
            role=party.role,
            name=party.display_name,
            contact=party.contact,
            agreed_to_letters=party.agreed_to_letters,
        ),
    )


def _staff_case_out(case: Case) -> CaseOut:
    reading = read_case(case, as_of=timezone.localdate())
    return case_out(reading, reporter=case.reporter_name or None, full=True, people=True)


def _with_reason(request: HttpRequest, case: Case, act: Callable[..., object]) -> Status[Any]:
    """Call ``act`` with the body's reason and date: the case as it is now, or 422."""
    data = _body(request, ReasonIn)
    try:
        act(reason=data.reason, effective=data.effective, actor=request.user)
    except CaseRefused as refusal:
        return _refusal(refusal)
    return Status(200, _staff_case_out(case))


@router.post(
    "/{org}/{case_id}/seats/{seat_id}/release",
    response={200: CaseOut, 422: RefusalOut},
    summary="Release a seat on the investigating group before it is convened (BR-6)",
    openapi_extra=_request_body(ReasonIn),
)
@api_staff(OFFICER)
def release_seat(request: HttpRequest, org: str, case_id: int, seat_id: int) -> Status[Any]:
    """Refused (422) without a ``reason`` and once the group is convened; a seat already
    released, or of another case, answers 404."""
    case = _case(request, case_id)
    seat = get_object_or_404(case.seats.current().select_related("member", "user"), pk=seat_id)
    seat.case = case
    return _with_reason(request, case, partial(services.release_seat, seat=seat))


@router.post(
    "/{org}/{case_id}/people/{party_id}/remove",
    response={200: CaseOut, 422: RefusalOut},
    summary="Take someone added by mistake off the case (Interpretation 11)",
    openapi_extra=_request_body(ReasonIn),
)
@api_staff(OFFICER)
def remove_party(request: HttpRequest, org: str, case_id: int, party_id: int) -> Status[Any]:
    """Refused (422) without a ``reason`` and for whoever raised the breach; someone
    already taken off, or of another case, answers 404."""
    case = _case(request, case_id)
    party = get_object_or_404(case.parties.current().select_related("member", "user"), pk=party_id)
    party.case = case
    return _with_reason(request, case, partial(services.remove_party, party=party))


_NEEDS = {
    "informal-step": ("step",),
    "add-person": ("role",),
    "seat": ("role_key",),
    "determine": ("level",),
    "outcome": ("outcome",),
    "notice": ("sent_on", "channel", "to"),
    "appeal": ("received_on",),
    "late-appeal": ("accepted", "reason"),
    "decide-appeal": ("result", "reason"),
    "withdraw": ("reason",),
}


def _needs(action: str) -> tuple[str, ...]:
    return _NEEDS.get(action, ())


@router.post(
    "/{org}/asked-to-leave/{record}/open",
    response={201: CaseOut, 422: RefusalOut},
    summary="Open a serious-breach case from a chair's asked-to-leave record (MTG-5)",
)
@api_staff(OFFICER)
def open_from_meeting(request: HttpRequest, org: str, record: int) -> Status[Any]:
    from panelkeeper.meetings.models import AskedToLeave

    row = get_object_for(
        request.organisation,  # type: ignore[attr-defined]
        AskedToLeave.objects.select_related("meeting__group__organisation", "member"),
        via="meeting__group__organisation",
        pk=record,
    )
    try:
        case = services.open_case_from_asked_to_leave(record_=row, actor=request.user)  # type: ignore[arg-type]
    except CaseRefused as refusal:
        return _refusal(refusal)
    reading = read_case(case, as_of=timezone.localdate())
    return Status(201, case_out(reading, reporter=case.reporter_name or None, full=True))


@router.post(
    "/{org}/missed-meetings/{decision}/open",
    response={201: CaseOut, 422: RefusalOut},
    summary="Open an exclusion case from a decision that ended membership (MTG-2)",
)
@api_staff(OFFICER)
def open_exclusion(request: HttpRequest, org: str, decision: int) -> Status[Any]:
    from panelkeeper.meetings.models import MissedMeetings

    row = get_object_for(
        request.organisation,  # type: ignore[attr-defined]
        MissedMeetings.objects.select_related("member__group__organisation"),
        via="group__organisation",
        pk=decision,
    )
    try:
        case = services.open_exclusion_from_missed_meetings(decision=row, actor=request.user)  # type: ignore[arg-type]
    except CaseRefused as refusal:
        return _refusal(refusal)
    reading = read_case(case, as_of=timezone.localdate())
    return Status(201, case_out(reading, reporter=None, full=True))
