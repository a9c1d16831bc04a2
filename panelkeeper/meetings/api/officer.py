"""API operations for meetings: everything the pages do, under ``/api/v1/meetings``.

Same policies as the pages: another organisation answers 404, the wrong role 403, an
anonymous caller 401. A refusal from a domain function answers 422 with ``detail`` and
the ``field`` it concerns; nothing is saved. Bodies are read only after the policy has
passed, so a caller without access learns nothing about them.
"""

from django.utils import timezone
from ninja import Status

from panelkeeper.accounts.permissions import OFFICER, READERS, api_staff
from panelkeeper.lib.api import REFUSED, body_doc, read_body
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.agenda import add_agenda_item
from panelkeeper.meetings.api import schemas as s
from panelkeeper.meetings.api.common import (
    _group,
    _meeting,
    _member,
    router,
)
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.models import AgendaItem, Attendance, Meeting
from panelkeeper.meetings.queries import meeting_page
from panelkeeper.meetings.schedule import (
    MOVABLE_FIELDS,
    cancel_meeting,
    name_chair,
    reschedule_meeting,
    schedule_meeting,
)
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group

# -- meetings ---------------------------------------------------------------------


def _chair(group: Group, member_id: int | None) -> Member | None:
    """The member of ``group`` named to chair, or None for the standing Chair."""
    if member_id is None:
        return None
    chair = Member.objects.filter(group=group, pk=member_id).first()
    if chair is None:
        raise Refused("Choose a member of this group to chair.", field="chair")
    return chair


@router.get("/{org}/meetings", response=list[s.MeetingOut], summary="Every meeting, newest first")
@api_staff(*READERS)
def list_meetings(request: StaffRequest, org: str) -> list[Meeting]:
    return list(Meeting.objects.of(request.organisation))


@router.post(
    "/{org}/groups/{group_id}/meetings",
    response={201: s.MeetingOut, **REFUSED},
    summary="Schedule a meeting, or record one already held",
    openapi_extra=body_doc(s.MeetingIn),
)
@api_staff(OFFICER)
def create_meeting(request: StaffRequest, org: str, group_id: int) -> Status[Meeting]:
    group = _group(request, group_id)
    data = read_body(request, s.MeetingIn)
    meeting = schedule_meeting(
        group=group,
        **data.model_dump(exclude={"chair_member_id"}),
        chair=_chair(group, data.chair_member_id),
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(201, meeting)


@router.get(
    "/{org}/meetings/{meeting_id}", response=s.MeetingDetailOut, summary="A meeting in full"
)
@api_staff(*READERS)
def get_meeting(request: StaffRequest, org: str, meeting_id: int) -> s.MeetingDetailOut:
    meeting = _meeting(request, meeting_id)
    page = meeting_page(meeting)
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
        papers=[s.PaperOut(id=p.pk, title=p.title) for p in page["papers"]],
        agenda=items,
        attendance=attendance,
        decisions=[s.DecisionOut.model_validate(d) for d in page["decisions"]],
        actions=[s.ActionOut.model_validate(a) for a in page["actions"]],
        asked_to_leave=[
            s.AskedToLeaveOut.model_validate(r, from_attributes=True) for r in page["sent_out"]
        ],
    )


@router.post(
    "/{org}/meetings/{meeting_id}/cancel",
    response={200: s.MeetingOut, **REFUSED},
    summary="Cancel a scheduled meeting",
    openapi_extra=body_doc(s.CancelIn),
)
@api_staff(OFFICER)
def cancel(request: StaffRequest, org: str, meeting_id: int) -> Meeting:
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.CancelIn)
    return cancel_meeting(
        meeting=meeting, reason=data.reason, actor=request.user, today=timezone.localdate()
    )


@router.post(
    "/{org}/meetings/{meeting_id}/reschedule",
    response={200: s.MeetingOut, **REFUSED},
    summary="Change the date, times or place of a meeting still to come",
    openapi_extra=body_doc(s.RescheduleIn),
)
@api_staff(OFFICER)
def reschedule(request: StaffRequest, org: str, meeting_id: int) -> Meeting:
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.RescheduleIn)
    # Only what the caller sent changes; an explicit null clears the end time.
    now = {name: getattr(meeting, name) for name in MOVABLE_FIELDS}
    sent = data.model_dump(include=data.model_fields_set)
    new = now | {k: v for k, v in sent.items() if v is not None or k == "ends_at"}
    return reschedule_meeting(
        meeting=meeting, **new, actor=request.user, today=timezone.localdate()
    )


@router.post(
    "/{org}/meetings/{meeting_id}/chair",
    response={200: s.MeetingOut, **REFUSED},
    summary="Change who chairs a meeting still to come (MTG-4)",
    openapi_extra=body_doc(s.ChairIn),
)
@api_staff(OFFICER)
def change_chair(request: StaffRequest, org: str, meeting_id: int) -> Meeting:
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.ChairIn)
    return name_chair(
        meeting=meeting,
        chair=_chair(meeting.group, data.chair_member_id),
        chair_basis=data.chair_basis,
        actor=request.user,
        today=timezone.localdate(),
    )


@router.put(
    "/{org}/meetings/{meeting_id}/attendance/{member_id}",
    response={200: s.AttendanceOut, **REFUSED},
    summary="Record or correct one member's attendance (MTG-1)",
    openapi_extra=body_doc(s.AttendanceIn),
)
@api_staff(OFFICER)
def put_attendance(request: StaffRequest, org: str, meeting_id: int, member_id: int) -> Attendance:
    meeting = _meeting(request, meeting_id)
    member = _member(request, member_id)
    data = read_body(request, s.AttendanceIn)
    return record_attendance(
        meeting=meeting,
        member=member,
        **data.model_dump(),
        actor=request.user,
        today=timezone.localdate(),
    )


@router.post(
    "/{org}/meetings/{meeting_id}/items",
    response={201: s.ItemOut, **REFUSED},
    summary="Add an agenda item",
    openapi_extra=body_doc(s.ItemIn),
)
@api_staff(OFFICER)
def add_item(request: StaffRequest, org: str, meeting_id: int) -> Status[AgendaItem]:
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.ItemIn)
    return Status(201, add_agenda_item(meeting=meeting, title=data.title, actor=request.user))


__all__ = ["router"]
