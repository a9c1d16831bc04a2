"""API operations for meetings: everything the pages do, under ``/api/v1/meetings``.

Same policies as the pages: another organisation answers 404, the wrong role 403, an
anonymous caller 401. A refusal from a domain function answers 422 with ``detail`` and
the ``field`` it concerns; nothing is saved. Bodies are read only after the policy has
passed, so a caller without access learns nothing about them.
"""

from django.utils import timezone
from ninja import Query, Status

from panelkeeper.accounts.permissions import api_officers, api_readers
from panelkeeper.lib.api import paged, read_body
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.agenda import add_agenda_item
from panelkeeper.meetings.api import schemas as s
from panelkeeper.meetings.api.common import (
    _group,
    _meeting,
    _member,
    action_out,
    decision_out,
    page_out,
    router,
)
from panelkeeper.meetings.attendance import record_attendance, record_the_rest, withdraw_apologies
from panelkeeper.meetings.listing import (
    MeetingFilters,
    group_of,
    meetings_listed,
    members_listed,
    recorded_for,
    refuse_backwards,
    tally,
)
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


@api_readers.get(router, "/{org}/meetings", s.MeetingPageOut)
def list_meetings(
    request: StaffRequest, org: str, query: Query[s.MeetingsQuery]
) -> s.MeetingPageOut:
    """The meetings, upcoming first then the most recent, filtered as the meetings page
    filters them."""
    organisation = request.organisation
    refuse_backwards(query.start, query.end)
    group = group_of(organisation, query.group_id)
    filters = MeetingFilters(group=group, when=query.when or "", start=query.start, end=query.end)
    rows, counts = paged(meetings_listed(organisation, filters, today=timezone.localdate()), query)
    return page_out(s.MeetingPageOut, counts, meetings=rows)


@api_officers.post(
    router, "/{org}/groups/{group_id}/meetings", s.MeetingOut, status=201, body=s.MeetingIn
)
def create_meeting(request: StaffRequest, org: str, group_id: int) -> Status[Meeting]:
    """Schedule a meeting, or record one already held."""
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


@api_readers.get(router, "/{org}/meetings/{meeting_id}", s.MeetingDetailOut)
def get_meeting(request: StaffRequest, org: str, meeting_id: int) -> s.MeetingDetailOut:
    """A meeting in full."""
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
        decisions=[decision_out(d) for d in page["decisions"]],
        actions=[action_out(a, today=timezone.localdate()) for a in page["actions"]],
        asked_to_leave=[
            s.AskedToLeaveOut.model_validate(r, from_attributes=True) for r in page["sent_out"]
        ],
    )


@api_officers.post(router, "/{org}/meetings/{meeting_id}/cancel", s.MeetingOut, body=s.CancelIn)
def cancel(request: StaffRequest, org: str, meeting_id: int) -> Meeting:
    """Cancel a scheduled meeting."""
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.CancelIn)
    return cancel_meeting(
        meeting=meeting, reason=data.reason, actor=request.user, today=timezone.localdate()
    )


@api_officers.post(
    router, "/{org}/meetings/{meeting_id}/reschedule", s.MeetingOut, body=s.RescheduleIn
)
def reschedule(request: StaffRequest, org: str, meeting_id: int) -> Meeting:
    """Change the date, times or place of a meeting still to come."""
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.RescheduleIn)
    # Only what the caller sent changes; an explicit null clears the end time.
    now = {name: getattr(meeting, name) for name in MOVABLE_FIELDS}
    sent = data.model_dump(include=data.model_fields_set)
    new = now | {k: v for k, v in sent.items() if v is not None or k == "ends_at"}
    return reschedule_meeting(
        meeting=meeting, **new, actor=request.user, today=timezone.localdate()
    )


@api_officers.post(router, "/{org}/meetings/{meeting_id}/chair", s.MeetingOut, body=s.ChairIn)
def change_chair(request: StaffRequest, org: str, meeting_id: int) -> Meeting:
    """Change who chairs a meeting still to come (MTG-4)."""
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.ChairIn)
    return name_chair(
        meeting=meeting,
        chair=_chair(meeting.group, data.chair_member_id),
        chair_basis=data.chair_basis,
        actor=request.user,
        today=timezone.localdate(),
    )


@api_officers.put(
    router,
    "/{org}/meetings/{meeting_id}/attendance/{member_id}",
    s.AttendanceOut,
    body=s.AttendanceIn,
)
def put_attendance(request: StaffRequest, org: str, meeting_id: int, member_id: int) -> Attendance:
    """Record or correct one member's attendance (MTG-1)."""
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


@api_readers.get(router, "/{org}/meetings/{meeting_id}/attendance", s.MeetingAttendancePageOut)
def list_attendance(
    request: StaffRequest, org: str, meeting_id: int, query: Query[s.AttendanceQuery]
) -> s.MeetingAttendancePageOut:
    """The members expected at a meeting, a page at a time by name, with what is recorded
    for each (MTG-1), filtered as the attendance page filters them."""
    meeting = _meeting(request, meeting_id)
    listed = members_listed(meeting, name=query.name.strip(), shown=query.shown or "")
    rows, counts = paged(listed, query)
    recorded = recorded_for(meeting, rows)
    numbers = tally(meeting)
    return s.MeetingAttendancePageOut(
        **counts,
        **{name: getattr(numbers, name) for name in TALLIED},
        members=[
            s.ExpectedOut(
                member_id=m.pk,
                full_name=m.full_name,
                attendance=_attendance(recorded.get(m.pk)),
            )
            for m in rows
        ],
    )


TALLIED = ["expected", "present", "apologies", "absent", "not_recorded"]


def _attendance(entry: Attendance | None) -> s.AttendanceOut | None:
    return None if entry is None else s.AttendanceOut.model_validate(entry, from_attributes=True)


@api_officers.post(
    router, "/{org}/meetings/{meeting_id}/not-yet-recorded", s.RestOut, body=s.RestIn
)
def record_rest(request: StaffRequest, org: str, meeting_id: int) -> s.RestOut:
    """Record everyone expected and not yet recorded as present, or absent without
    apologies, all or none, as the attendance page does (MTG-1); apologies are refused:
    record them one member at a time."""
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.RestIn)
    recorded = record_the_rest(
        meeting=meeting, presence=data.presence, actor=request.user, today=timezone.localdate()
    )
    return s.RestOut(recorded=recorded)


@api_officers.delete(router, "/{org}/meetings/{meeting_id}/apologies/{member_id}", None, status=204)
def delete_apologies(
    request: StaffRequest, org: str, meeting_id: int, member_id: int
) -> Status[None]:
    """Withdraw a member's apologies for a meeting to come, for them (MTG-1).

    The member is expected at the meeting again; the audit log keeps the withdrawal."""
    withdraw_apologies(
        meeting=_meeting(request, meeting_id),
        member=_member(request, member_id),
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(204, None)


@api_officers.post(
    router, "/{org}/meetings/{meeting_id}/items", s.ItemOut, status=201, body=s.ItemIn
)
def add_item(request: StaffRequest, org: str, meeting_id: int) -> Status[AgendaItem]:
    """Add an agenda item."""
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.ItemIn)
    return Status(201, add_agenda_item(meeting=meeting, title=data.title, actor=request.user))


__all__ = ["router"]
