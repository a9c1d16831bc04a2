"""API operations for meetings: everything the pages do, under ``/api/v1/meetings``.

Same policies as the pages: another organisation answers 404, the wrong role 403, an
anonymous caller 401. A refusal from a domain function answers 422 with ``detail`` and
the ``field`` it concerns; nothing is saved. Bodies are read only after the policy has
passed, so a caller without access learns nothing about them.
"""

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ValidationError as PydanticValidationError

from panelkeeper.accounts.models import Grant, User
from panelkeeper.accounts.permissions import api_member_self, api_staff, get_object_for
from panelkeeper.meetings import schemas as s
from panelkeeper.meetings.actions import actions_of, allocate_action, complete_action
from panelkeeper.meetings.agenda import add_agenda_item
from panelkeeper.meetings.attendance import record_attendance, send_apologies
from panelkeeper.meetings.calendars import create_feed, revoke_feed
from panelkeeper.meetings.conduct import record_asked_to_leave
from panelkeeper.meetings.decisions import cast_vote, close_decision, open_decision
from panelkeeper.meetings.missed import decide_missed_meetings
from panelkeeper.meetings.models import (
    Action,
    AgendaItem,
    CalendarFeed,
    Decision,
    Meeting,
    MissedMeetings,
)
from panelkeeper.meetings.queries import meeting_page, period
from panelkeeper.meetings.schedule import cancel_meeting, schedule_meeting
from panelkeeper.meetings.seats import attendance_rows, group_summary
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group
from panelkeeper.organisations.policies import Refused
from panelkeeper.rules.attendance import AttendanceSummary

router = Router(tags=["meetings"])

READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
OFFICER = Grant.Role.OFFICER
VIA = "group__organisation"


def _body[S: Schema](request: HttpRequest, schema: type[S]) -> S:
    try:
        return schema.model_validate_json(request.body or b"{}")
    except PydanticValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in error.errors()
        )
        raise HttpError(422, f"Send a JSON body like the example in the docs. {problems}") from None


def _doc(schema: type[Schema]) -> dict[str, object]:
    content = {"application/json": {"schema": schema.model_json_schema()}}
    return {"requestBody": {"required": True, "content": content}}


def _refused(refusal: Refused) -> Status[s.RefusalOut]:
    return Status(422, s.RefusalOut(detail=refusal.message, field=refusal.field))


def _org(request: HttpRequest) -> object:
    return request.organisation  # type: ignore[attr-defined]


def _meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return get_object_for(
        _org(request), Meeting.objects.select_related("group"), via=VIA, pk=meeting_id
    )  # type: ignore[arg-type]


def _member(request: HttpRequest, member_id: int) -> Member:
    return get_object_for(_org(request), Member.objects.all(), via=VIA, pk=member_id)  # type: ignore[arg-type]


def _group(request: HttpRequest, group_id: int) -> Group:
    return get_object_for(_org(request), Group.objects.all(), pk=group_id)  # type: ignore[arg-type]


def _summary(summary: AttendanceSummary) -> s.SummaryOut:
    return s.SummaryOut(in_words=summary.in_words, **summary.__dict__)


def _action(action: Action, today: dt.date) -> s.ActionOut:
    return s.ActionOut(
        id=action.pk,
        meeting_id=action.meeting_id,
        description=action.description,
        owner_member_id=action.owner_member_id,
        owner_user_id=action.owner_user_id,
        due_on=action.due_on,
        done_on=action.done_on,
        overdue=action.is_overdue(today),
    )


def _decision(decision: Decision) -> s.DecisionOut:
    return s.DecisionOut(
        id=decision.pk,
        item_id=decision.item_id,
        motion=decision.motion,
        method=decision.method,
        outcome=decision.outcome,
        votes=[s.VoteOut(member_id=v.member_id, vote=v.vote) for v in decision.votes.all()],
    )


# -- meetings ---------------------------------------------------------------------


@router.get("/{org}/meetings", response=list[s.MeetingOut], summary="Every meeting, newest first")
@api_staff(*READERS)
def list_meetings(request: HttpRequest, org: str) -> list[Meeting]:
    return list(Meeting.objects.of(_org(request)))


@router.post(
    "/{org}/groups/{group_id}/meetings",
    response={201: s.MeetingOut, 422: s.RefusalOut},
    summary="Schedule a meeting, or record one already held",
    openapi_extra=_doc(s.MeetingIn),
)
@api_staff(OFFICER)
def create_meeting(request: HttpRequest, org: str, group_id: int) -> Status[object]:
    group = _group(request, group_id)
    data = _body(request, s.MeetingIn)
    chair = None
    if data.chair_member_id is not None:
        chair = Member.objects.filter(group=group, pk=data.chair_member_id).first()
        if chair is None:
            return Status(
                422, s.RefusalOut(detail="Choose a member of this group to chair.", field="chair")
            )
    try:
        meeting = schedule_meeting(
            group=group,
            date=data.date,
            starts_at=data.starts_at,
            place=data.place,
            online_link=data.online_link,
            chair=chair,
            chair_basis=data.chair_basis,
            held=data.held,
            actor=request.user,  # type: ignore[arg-type]
            today=timezone.localdate(),
        )
    except Refused as refusal:
        return _refused(refusal)
    return Status(201, meeting)


@router.get(
    "/{org}/meetings/{meeting_id}", response=s.MeetingDetailOut, summary="A meeting in full"
)
@api_staff(*READERS)
def get_meeting(request: HttpRequest, org: str, meeting_id: int) -> s.MeetingDetailOut:
    meeting = _meeting(request, meeting_id)
    page = meeting_page(meeting)
    today = timezone.localdate()
    items = [
        s.ItemOut(
            id=v.item.pk,
            position=v.item.position,
            kind=v.item.kind,
            title=v.item.title,
            work_id=v.item.work_id,
            gift_id=v.item.gift_id,
            missed_meetings_id=v.item.missed_meetings_id,
            conflicted_member_ids=[m.pk for m in v.conflicted],
            undecided_member_ids=[m.pk for m in v.undecided],
        )
        for v in page["items"]
    ]
    attendance = [
        s.AttendanceOut.model_validate(entry, from_attributes=True)
        for _, entry in page["rows"]
        if entry is not None
    ]
    return s.MeetingDetailOut(
        **s.MeetingOut.model_validate(meeting, from_attributes=True).model_dump(),
        agenda=items,
        attendance=attendance,
        decisions=[_decision(d) for d in page["decisions"]],
        actions=[_action(a, today) for a in page["actions"]],
        asked_to_leave=[
            s.AskedToLeaveOut(
                id=r.pk,
                meeting_id=r.meeting_id,
                member_id=r.member_id,
                what_happened=r.what_happened,
            )
            for r in page["sent_out"]
        ],
    )


@router.post(
    "/{org}/meetings/{meeting_id}/cancel",
    response={200: s.MeetingOut, 422: s.RefusalOut},
    summary="Cancel a scheduled meeting",
    openapi_extra=_doc(s.CancelIn),
)
@api_staff(OFFICER)
def cancel(request: HttpRequest, org: str, meeting_id: int) -> Status[object]:
    meeting = _meeting(request, meeting_id)
    data = _body(request, s.CancelIn)
    try:
        meeting = cancel_meeting(
            meeting=meeting, reason=data.reason, actor=request.user, today=timezone.localdate()
        )  # type: ignore[arg-type]
    except Refused as refusal:
        return _refused(refusal)
    return Status(200, meeting)


@router.put(
    "/{org}/meetings/{meeting_id}/attendance/{member_id}",
    response={200: s.AttendanceOut, 422: s.RefusalOut},
    summary="Record or correct one member's attendance (MTG-1)",
    openapi_extra=_doc(s.AttendanceIn),
)
@api_staff(OFFICER)
def put_attendance(
    request: HttpRequest, org: str, meeting_id: int, member_id: int
) -> Status[object]:
    meeting = _meeting(request, meeting_id)
    member = _member(request, member_id)
    data = _body(request, s.AttendanceIn)
    try:
        entry = record_attendance(
            meeting=meeting,
            member=member,
            presence=data.presence,
            apologies_given_on=data.apologies_given_on,
            reason=data.reason,
            arrives_at=data.arrives_at,
            actor=request.user,  # type: ignore[arg-type]
            today=timezone.localdate(),
        )
    except Refused as refusal:
        return _refused(refusal)
    return Status(200, entry)


@router.post(
    "/{org}/meetings/{meeting_id}/items",
    response={201: s.ItemOut, 422: s.RefusalOut},
    summary="Add an agenda item",
    openapi_extra=_doc(s.ItemIn),
)
@api_staff(OFFICER)
def add_item(request: HttpRequest, org: str, meeting_id: int) -> Status[object]:
    meeting = _meeting(request, meeting_id)
    data = _body(request, s.ItemIn)
    try:
        item = add_agenda_item(meeting=meeting, title=data.title, actor=request.user)  # type: ignore[arg-type]
    except Refused as refusal:
        return _refused(refusal)
    return Status(201, item)


# -- decisions, actions, asked to leave ----------------------------------------------


@router.post(
    "/{org}/meetings/{meeting_id}/decisions",
    response={201: s.DecisionOut, 422: s.RefusalOut},
    summary="Put a motion to a held meeting (MTG-3)",
    openapi_extra=_doc(s.DecisionIn),
)
@api_staff(OFFICER)
def create_decision(request: HttpRequest, org: str, meeting_id: int) -> Status[object]:
    meeting = _meeting(request, meeting_id)
    data = _body(request, s.DecisionIn)
    item = None
    if data.item_id is not None:
        item = AgendaItem.objects.filter(meeting=meeting, pk=data.item_id).first()
        if item is None:
            return Status(
                422, s.RefusalOut(detail="Choose an item on this meeting's agenda.", field="item")
            )
    try:
        decision = open_decision(
            meeting=meeting, motion=data.motion, method=data.method, item=item, actor=request.user
        )  # type: ignore[arg-type]
    except Refused as refusal:
        return _refused(refusal)
    return Status(201, _decision(decision))


def _decision_for(request: HttpRequest, decision_id: int) -> Decision:
    return get_object_for(
        _org(request),  # type: ignore[arg-type]
        Decision.objects.select_related("meeting__group", "item__work"),
        via="meeting__group__organisation",
        pk=decision_id,
    )


@router.post(
    "/{org}/decisions/{decision_id}/votes",
    response={201: s.VoteOut, 422: s.RefusalOut},
    summary="Record one member's vote; a second vote is refused",
    openapi_extra=_doc(s.VoteIn),
)
@api_staff(OFFICER)
def vote(request: HttpRequest, org: str, decision_id: int) -> Status[object]:
    decision = _decision_for(request, decision_id)
    data = _body(request, s.VoteIn)
    member = _member(request, data.member_id)
    try:
        cast = cast_vote(decision=decision, member=member, vote=data.vote, actor=request.user)  # type: ignore[arg-type]
    except Refused as refusal:
        return _refused(refusal)
    return Status(201, s.VoteOut(member_id=cast.member_id, vote=cast.vote))


@router.post(
    "/{org}/decisions/{decision_id}/close",
    response={200: s.DecisionOut, 422: s.RefusalOut},
    summary="Count the votes: simple majority",
)
@api_staff(OFFICER)
def close(request: HttpRequest, org: str, decision_id: int) -> Status[object]:
    decision = _decision_for(request, decision_id)
    try:
        decision = close_decision(decision=decision, actor=request.user)  # type: ignore[arg-type]
    except Refused as refusal:
        return _refused(refusal)
    return Status(200, _decision(decision))


@router.post(
    "/{org}/meetings/{meeting_id}/actions",
    response={201: s.ActionOut, 422: s.RefusalOut},
    summary="Allocate an action (MTG-6)",
    openapi_extra=_doc(s.ActionIn),
)
@api_staff(OFFICER)
def create_action(request: HttpRequest, org: str, meeting_id: int) -> Status[object]:
    meeting = _meeting(request, meeting_id)
    data = _body(request, s.ActionIn)
    member = _member(request, data.owner_member_id) if data.owner_member_id else None
    user = None
    if data.owner_user_id is not None:
        user = User.objects.filter(
            pk=data.owner_user_id, grants__organisation=_org(request)
        ).first()
        if user is None:
            return Status(
                422,
                s.RefusalOut(
                    detail="Choose a member of staff of this organisation.", field="owner"
                ),
            )
    try:
        action = allocate_action(
            meeting=meeting,
            description=data.description,
            due_on=data.due_on,
            owner_member=member,
            owner_user=user,
            actor=request.user,  # type: ignore[arg-type]
        )
    except Refused as refusal:
        return _refused(refusal)
    return Status(201, _action(action, timezone.localdate()))


@router.get("/{org}/actions", response=list[s.ActionOut], summary="Open actions, overdue flagged")
@api_staff(*READERS)
def list_actions(request: HttpRequest, org: str) -> list[s.ActionOut]:
    today = timezone.localdate()
    return [_action(a, today) for a in actions_of(_org(request)).filter(done_on__isnull=True)]  # type: ignore[arg-type]


@router.post(
    "/{org}/actions/{action_id}/done",
    response={200: s.ActionOut, 422: s.RefusalOut},
    summary="Mark an action done today",
)
@api_staff(OFFICER)
def done(request: HttpRequest, org: str, action_id: int) -> Status[object]:
    action = get_object_for(
        _org(request),
        Action.objects.select_related("meeting__group"),
        via="meeting__group__organisation",
        pk=action_id,
    )  # type: ignore[arg-type]
    today = timezone.localdate()
    try:
        complete_action(action=action, done_on=today, actor=request.user, today=today)  # type: ignore[arg-type]
    except Refused as refusal:
        return _refused(refusal)
    return Status(200, _action(action, today))


@router.post(
    "/{org}/meetings/{meeting_id}/asked-to-leave",
    response={201: s.AskedToLeaveOut, 422: s.RefusalOut},
    summary="Record that the chair asked a member to leave (MTG-5)",
    openapi_extra=_doc(s.AskedToLeaveIn),
)
@api_staff(OFFICER)
def asked_to_leave(request: HttpRequest, org: str, meeting_id: int) -> Status[object]:
    meeting = _meeting(request, meeting_id)
    data = _body(request, s.AskedToLeaveIn)
    member = _member(request, data.member_id)
    try:
        row = record_asked_to_leave(
            meeting=meeting, member=member, what_happened=data.what_happened, actor=request.user
        )  # type: ignore[arg-type]
    except Refused as refusal:
        return _refused(refusal)
    return Status(
        201,
        s.AskedToLeaveOut(
            id=row.pk, meeting_id=meeting.pk, member_id=member.pk, what_happened=row.what_happened
        ),
    )


# -- missed meetings, attendance, feeds ------------------------------------------------


@router.get(
    "/{org}/missed-meetings",
    response=list[s.MissedMeetingsOut],
    summary="Missed-meetings decisions (MTG-2)",
)
@api_staff(*READERS)
def list_missed(request: HttpRequest, org: str) -> list[MissedMeetings]:
    return list(MissedMeetings.objects.filter(group__organisation=_org(request)))


@router.post(
    "/{org}/missed-meetings/{decision_id}/decide",
    response={200: s.MissedMeetingsOut, 422: s.RefusalOut},
    summary="Accept exceptional circumstances, or confirm that membership ends",
    openapi_extra=_doc(s.MissedDecisionIn),
)
@api_staff(OFFICER)
def decide_missed(request: HttpRequest, org: str, decision_id: int) -> Status[object]:
    decision = get_object_for(
        _org(request),
        MissedMeetings.objects.select_related("member", "group"),
        via=VIA,
        pk=decision_id,
    )  # type: ignore[arg-type]
    data = _body(request, s.MissedDecisionIn)
    meeting = _meeting(request, data.meeting_id) if data.meeting_id else None
    try:
        decision = decide_missed_meetings(
            decision=decision,
            accept=data.accept,
            reason=data.reason,
            decided_on=data.decided_on,
            meeting=meeting,
            actor=request.user,  # type: ignore[arg-type]
            today=timezone.localdate(),
        )
    except Refused as refusal:
        return _refused(refusal)
    return Status(200, decision)


@router.get(
    "/{org}/groups/{group_id}/attendance",
    response=s.GroupAttendanceOut,
    summary="Attendance with its counts",
)
@api_staff(*READERS)
def group_attendance(
    request: HttpRequest,
    org: str,
    group_id: int,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> s.GroupAttendanceOut:
    group = _group(request, group_id)
    first, last = period(start, end, timezone.localdate())
    meetings = list(
        Meeting.objects.filter(group=group, date__range=(first, last)).order_by("date", "id")
    )
    rows = attendance_rows(
        list(Member.objects.filter(group=group)), meetings, today=timezone.localdate()
    )
    return s.GroupAttendanceOut(
        start=first,
        end=last,
        meetings=len(meetings),
        total=_summary(group_summary(rows)),
        members=[
            s.MemberAttendanceOut(
                member_id=r.member.pk, full_name=r.member.full_name, summary=_summary(r.summary)
            )
            for r in rows
        ],
    )


@router.post(
    "/{org}/groups/{group_id}/calendar-feeds",
    response={201: s.FeedOut},
    summary="Make a private calendar feed of a group's meetings; its URL is shown once",
)
@api_staff(OFFICER)
def create_group_feed(request: HttpRequest, org: str, group_id: int) -> Status[object]:
    made = create_feed(group=_group(request, group_id), actor=request.user)  # type: ignore[arg-type]
    url = request.build_absolute_uri(reverse("meetings:feed", kwargs={"secret": made.secret}))
    return Status(201, s.FeedOut(id=made.feed.pk, url=url))


@router.delete(
    "/{org}/calendar-feeds/{feed_id}",
    response={204: None, 422: s.RefusalOut},
    summary="Turn a calendar feed off",
)
@api_staff(OFFICER)
def delete_feed(request: HttpRequest, org: str, feed_id: int) -> Status[object]:
    feed = get_object_for(_org(request), CalendarFeed.objects.all(), pk=feed_id)  # type: ignore[arg-type]
    try:
        revoke_feed(feed=feed, actor=request.user)  # type: ignore[arg-type]
    except Refused as refusal:
        return _refused(refusal)
    return Status(204, None)


# -- the member's own -----------------------------------------------------------------


@router.get(
    "/portal/{member}/meetings",
    response=list[s.MeetingOut],
    summary="Your group's meetings to come",
)
@api_member_self
def my_meetings(request: HttpRequest, member: int) -> list[Meeting]:
    me = request.member  # type: ignore[attr-defined]
    return list(
        Meeting.objects.filter(group_id=me.group_id, date__gte=timezone.localdate()).order_by(
            "date"
        )
    )


@router.post(
    "/portal/{member}/meetings/{meeting_id}/apologies",
    response={201: s.AttendanceOut, 422: s.RefusalOut},
    summary="Send apologies for a meeting to come (MTG-1)",
    openapi_extra=_doc(s.ApologiesIn),
)
@api_member_self
def my_apologies(request: HttpRequest, member: int, meeting_id: int) -> Status[object]:
    me = request.member  # type: ignore[attr-defined]
    meeting = Meeting.objects.filter(group_id=me.group_id, pk=meeting_id).first()
    if meeting is None:
        raise HttpError(404, "Not Found")
    data = _body(request, s.ApologiesIn)
    try:
        entry = send_apologies(
            meeting=meeting,
            member=me,
            reason=data.reason,
            arrives_at=data.arrives_at,
            actor=request.user,
            today=timezone.localdate(),  # type: ignore[arg-type]
        )
    except Refused as refusal:
        return _refused(refusal)
    return Status(201, entry)
