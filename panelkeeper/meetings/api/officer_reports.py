"""API operations for missed meetings, attendance with counts, calendar feeds and the portal."""

from django.urls import reverse
from django.utils import timezone
from ninja import Query, Status
from ninja.errors import HttpError

from panelkeeper.accounts.permissions import (
    api_members,
    api_officers,
    api_readers,
    get_object_for,
)
from panelkeeper.lib.api import PageQuery, paged, read_body
from panelkeeper.lib.requests import MemberRequest, StaffRequest
from panelkeeper.meetings.api import schemas as s
from panelkeeper.meetings.api.common import (
    _group,
    _meeting,
    _member,
    _summary,
    page_out,
    router,
)
from panelkeeper.meetings.attendance import send_apologies, withdraw_apologies
from panelkeeper.meetings.calendars import create_feed, revoke_feed
from panelkeeper.meetings.counts import CountedMembers, Period, group_counts
from panelkeeper.meetings.listing import group_of, meetings_to_come, missed_listed
from panelkeeper.meetings.lookups import missed_in
from panelkeeper.meetings.missed import decide_missed_meetings
from panelkeeper.meetings.models import Attendance, CalendarFeed, Meeting, MissedMeetings
from panelkeeper.meetings.queries import period
from panelkeeper.meetings.seats import attendance_between

# -- missed meetings, attendance, feeds ------------------------------------------------


@api_readers.get(router, "/{org}/missed-meetings", s.MissedPageOut)
def list_missed(request: StaffRequest, org: str, query: Query[s.MissedQuery]) -> s.MissedPageOut:
    """Missed-meetings decisions (MTG-2), the latest opened first: of one group, with one
    status."""
    organisation = request.organisation
    group = group_of(organisation, query.group_id)
    rows, counts = paged(missed_listed(organisation, status=query.status, group=group), query)
    return page_out(s.MissedPageOut, counts, decisions=rows)


@api_officers.post(
    router,
    "/{org}/missed-meetings/{decision_id}/decide",
    s.MissedMeetingsOut,
    body=s.MissedDecisionIn,
)
def decide_missed(request: StaffRequest, org: str, decision_id: int) -> MissedMeetings:
    """Accept exceptional circumstances, or confirm that membership ends."""
    decision = missed_in(request.organisation, pk=decision_id)
    data = read_body(request, s.MissedDecisionIn)
    return decide_missed_meetings(
        decision=decision,
        accept=data.accept,
        reason=data.reason,
        decided_on=data.decided_on,
        meeting=_meeting(request, data.meeting_id) if data.meeting_id else None,
        actor=request.user,
        today=timezone.localdate(),
    )


@api_readers.get(router, "/{org}/groups/{group_id}/attendance", s.GroupAttendanceOut)
def group_attendance(
    request: StaffRequest, org: str, group_id: int, query: Query[s.PeriodPageQuery]
) -> s.GroupAttendanceOut:
    """Attendance with its counts: the whole group's, and a page of its members'."""
    group = _group(request, group_id)
    first, last = period(query.start, query.end, timezone.localdate())
    counted = Period(group.pk, first=first, last=last, today=timezone.localdate())
    shown, counts = paged(CountedMembers(counted), query)
    return s.GroupAttendanceOut(
        start=first,
        end=last,
        **counts,
        meetings=Meeting.objects.of_group_between(group.pk, first=first, last=last).count(),
        total=_summary(group_counts(counted)),
        members=[
            s.MemberAttendanceOut(
                member_id=r.member.pk, full_name=r.member.full_name, summary=_summary(r.summary)
            )
            for r in shown
        ],
    )


@api_readers.get(router, "/{org}/members/{member_id}/attendance", s.MemberRecordOut)
def member_attendance(
    request: StaffRequest, org: str, member_id: int, query: Query[s.PeriodPageQuery]
) -> s.MemberRecordOut:
    """One member's attendance, meeting by meeting (a page of them), with its counts."""
    member = _member(request, member_id)
    today = timezone.localdate()
    first, last = period(query.start, query.end, today)
    _, [row] = attendance_between(member.group_id, [member], first=first, last=last, today=today)
    seats, counts = paged(row.seats, query)
    return s.MemberRecordOut(
        member_id=member.pk,
        start=first,
        end=last,
        **counts,
        summary=_summary(row.summary),
        seats=[
            s.MeetingSeatOut(
                meeting_id=meeting.pk,
                date=meeting.date,
                standing=seat.standing,
                presence=seat.presence,
                late_apologies=seat.late_apologies,
            )
            for meeting, seat, _ in seats
        ],
    )


@api_officers.post(router, "/{org}/groups/{group_id}/calendar-feeds", s.FeedOut, status=201)
def create_group_feed(request: StaffRequest, org: str, group_id: int) -> Status[s.FeedOut]:
    """Make a private calendar feed of a group's meetings; its URL is shown once."""
    made = create_feed(group=_group(request, group_id), actor=request.user)
    url = request.build_absolute_uri(reverse("meetings:feed", kwargs={"secret": made.secret}))
    return Status(201, s.FeedOut(id=made.feed.pk, url=url))


@api_officers.delete(router, "/{org}/calendar-feeds/{feed_id}", None, status=204)
def delete_feed(request: StaffRequest, org: str, feed_id: int) -> Status[None]:
    """Turn a calendar feed off."""
    feed = get_object_for(request.organisation, CalendarFeed.objects.all(), pk=feed_id)
    revoke_feed(feed=feed, actor=request.user)
    return Status(204, None)


# -- the member's own -----------------------------------------------------------------


@api_members.get(router, "/portal/{member}/meetings", s.MeetingPageOut)
def my_meetings(request: MemberRequest, member: int, query: Query[PageQuery]) -> s.MeetingPageOut:
    """Your group's meetings to come, soonest first."""
    rows, counts = paged(meetings_to_come(request.member, today=timezone.localdate()), query)
    return page_out(s.MeetingPageOut, counts, meetings=rows)


@api_members.post(
    router,
    "/portal/{member}/meetings/{meeting_id}/apologies",
    s.AttendanceOut,
    status=201,
    body=s.ApologiesIn,
)
def my_apologies(request: MemberRequest, member: int, meeting_id: int) -> Status[Attendance]:
    """Send apologies for a meeting to come (MTG-1)."""
    me = request.member
    meeting = _my_meeting(request, meeting_id)
    data = read_body(request, s.ApologiesIn)
    entry = send_apologies(
        meeting=meeting,
        member=me,
        reason=data.reason,
        arrives_at=data.arrives_at,
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(201, entry)


@api_members.delete(router, "/portal/{member}/meetings/{meeting_id}/apologies", None, status=204)
def withdraw_my_apologies(request: MemberRequest, member: int, meeting_id: int) -> Status[None]:
    """Withdraw the apologies you sent for a meeting to come: you are expected again (MTG-1)."""
    withdraw_apologies(
        meeting=_my_meeting(request, meeting_id),
        member=request.member,
        actor=request.user,
        today=timezone.localdate(),
    )
    return Status(204, None)


def _my_meeting(request: MemberRequest, meeting_id: int) -> Meeting:
    """A meeting of the member's own group; any other answers 404."""
    meeting = Meeting.objects.filter(group_id=request.member.group_id, pk=meeting_id).first()
    if meeting is None:
        raise HttpError(404, "Not Found")
    return meeting
