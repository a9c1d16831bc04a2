"""API operations for what happens at a meeting: decisions, votes, actions, asked to leave."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Status

from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import (
    api_officers,
    api_readers,
)
from panelkeeper.lib.api import paged, read_body
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.actions import allocate_action, complete_action
from panelkeeper.meetings.api import schemas as s
from panelkeeper.meetings.api.common import (
    _meeting,
    _member,
    action_out,
    decision_out,
    page_out,
    router,
)
from panelkeeper.meetings.calendars import calendar
from panelkeeper.meetings.conduct import record_asked_to_leave
from panelkeeper.meetings.decisions import cast_vote, close_decision, open_decision
from panelkeeper.meetings.listing import actions_listed, group_of
from panelkeeper.meetings.lookups import action_in, decision_in, paper_in
from panelkeeper.meetings.models import (
    AgendaItem,
    AskedToLeave,
    Decision,
    Paper,
    VoteCast,
)
from panelkeeper.meetings.papers import attach_paper, remove_paper

# -- decisions, actions, asked to leave ----------------------------------------------


@api_officers.post(
    router, "/{org}/meetings/{meeting_id}/decisions", s.DecisionOut, status=201, body=s.DecisionIn
)
def create_decision(request: StaffRequest, org: str, meeting_id: int) -> Status[s.DecisionOut]:
    """Put a motion to a held meeting (MTG-3)."""
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.DecisionIn)
    item = None
    if data.item_id is not None:
        item = AgendaItem.objects.filter(meeting=meeting, pk=data.item_id).first()
        if item is None:
            raise Refused("Choose an item on this meeting's agenda.", field="item")
    decision = open_decision(
        meeting=meeting, motion=data.motion, method=data.method, item=item, actor=request.user
    )
    return Status(201, decision_out(decision))


def _decision_for(request: StaffRequest, decision_id: int) -> Decision:
    return decision_in(request.organisation, pk=decision_id)


@api_officers.post(
    router, "/{org}/decisions/{decision_id}/votes", s.VoteOut, status=201, body=s.VoteIn
)
def vote(request: StaffRequest, org: str, decision_id: int) -> Status[VoteCast]:
    """Record one member's vote; a second vote is refused."""
    decision = _decision_for(request, decision_id)
    data = read_body(request, s.VoteIn)
    member = _member(request, data.member_id)
    return Status(
        201, cast_vote(decision=decision, member=member, vote=data.vote, actor=request.user)
    )


@api_officers.post(router, "/{org}/decisions/{decision_id}/close", s.DecisionOut)
def close(request: StaffRequest, org: str, decision_id: int) -> s.DecisionOut:
    """Count the votes: simple majority."""
    decision = _decision_for(request, decision_id)
    return decision_out(close_decision(decision=decision, actor=request.user))


@api_officers.post(
    router, "/{org}/meetings/{meeting_id}/actions", s.ActionOut, status=201, body=s.ActionIn
)
def create_action(request: StaffRequest, org: str, meeting_id: int) -> Status[s.ActionOut]:
    """Allocate an action (MTG-6)."""
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.ActionIn)
    member = _member(request, data.owner_member_id) if data.owner_member_id else None
    user = None
    if data.owner_user_id is not None:
        user = User.objects.filter(
            pk=data.owner_user_id, grants__organisation=request.organisation
        ).first()
        if user is None:
            raise Refused("Choose a member of staff of this organisation.", field="owner")
    action = allocate_action(
        meeting=meeting,
        description=data.description,
        due_on=data.due_on,
        owner_member=member,
        owner_user=user,
        actor=request.user,
    )
    return Status(201, action_out(action, today=timezone.localdate()))


@api_readers.get(router, "/{org}/actions", s.ActionPageOut)
def list_actions(request: StaffRequest, org: str, query: Query[s.ActionsQuery]) -> s.ActionPageOut:
    """Open actions by due date, overdue flagged, or done ones, the latest first; of one
    group (MTG-6)."""
    organisation = request.organisation
    group = group_of(organisation, query.group_id)
    rows, counts = paged(actions_listed(organisation, state=query.state, group=group), query)
    today = timezone.localdate()
    return page_out(s.ActionPageOut, counts, actions=[action_out(a, today=today) for a in rows])


@api_officers.post(router, "/{org}/actions/{action_id}/done", s.ActionOut)
def done(request: StaffRequest, org: str, action_id: int) -> s.ActionOut:
    """Mark an action done today."""
    action = action_in(request.organisation, pk=action_id)
    today = timezone.localdate()
    completed = complete_action(action=action, done_on=today, actor=request.user, today=today)
    return action_out(completed, today=today)


@api_officers.post(
    router,
    "/{org}/meetings/{meeting_id}/asked-to-leave",
    s.AskedToLeaveOut,
    status=201,
    body=s.AskedToLeaveIn,
)
def asked_to_leave(request: StaffRequest, org: str, meeting_id: int) -> Status[AskedToLeave]:
    """Record that the chair asked a member to leave (MTG-5)."""
    meeting = _meeting(request, meeting_id)
    data = read_body(request, s.AskedToLeaveIn)
    member = _member(request, data.member_id)
    row = record_asked_to_leave(
        meeting=meeting, member=member, what_happened=data.what_happened, actor=request.user
    )
    return Status(201, row)


@api_officers.post(router, "/{org}/meetings/{meeting_id}/papers", s.PaperOut, status=201)
def add_paper(request: StaffRequest, org: str, meeting_id: int) -> Status[Paper]:
    """Attach a paper: a multipart form with title and file."""
    meeting = _meeting(request, meeting_id)
    upload = request.FILES.get("file")
    if upload is None:
        raise Refused("Send the paper as a file named file.", field="file")
    title = request.POST.get("title", "")
    return Status(201, attach_paper(meeting=meeting, title=title, file=upload, actor=request.user))


@api_officers.delete(router, "/{org}/papers/{paper_id}", None, status=204)
def delete_paper(request: StaffRequest, org: str, paper_id: int) -> Status[None]:
    """Remove a paper from its meeting and delete its file; the title stays on record."""
    paper = paper_in(request.organisation, pk=paper_id)
    remove_paper(paper=paper, actor=request.user)
    return Status(204, None)


@api_readers.get(router, "/{org}/meetings/{meeting_id}/ics", None)
def meeting_ics(request: StaffRequest, org: str, meeting_id: int) -> HttpResponse:
    """The meeting as an iCalendar file."""
    meeting = _meeting(request, meeting_id)
    url = request.build_absolute_uri(
        reverse("meetings:detail", kwargs={"org": org, "pk": meeting.pk})
    )
    text = calendar([meeting], lambda m: url, name=f"Meeting of {meeting.group.name}")
    return HttpResponse(text, content_type="text/calendar; charset=utf-8")
