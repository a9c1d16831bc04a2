"""Staff pages for what happens at a meeting: agenda items, decisions and votes (MTG-3),
actions (MTG-6), a member asked to leave (MTG-5), a missed-meetings decision (MTG-2)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import bound, button_change, form_applied, line_field
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.actions import allocate_action, complete_action
from panelkeeper.meetings.agenda import add_agenda_item
from panelkeeper.meetings.codes import meeting_rules
from panelkeeper.meetings.conduct import record_asked_to_leave
from panelkeeper.meetings.decisions import cast_vote, close_decision, open_decision
from panelkeeper.meetings.forms import (
    ActionForm,
    AskedToLeaveForm,
    DecisionForm,
    ItemForm,
    MissedDecisionForm,
    VoteForm,
)
from panelkeeper.meetings.lookups import action_in, decision_in, missed_in, paper_in
from panelkeeper.meetings.missed import decide_missed_meetings
from panelkeeper.meetings.models import Decision, MeetingStatus, MissedMeetings, Paper
from panelkeeper.meetings.papers import attach_paper, remove_paper
from panelkeeper.meetings.queries import expected_members
from panelkeeper.meetings.views.common import paper_download
from panelkeeper.meetings.views.officer import meeting_change_page, meeting_for


class PaperForm(forms.Form):
    title = line_field("Title", limit=200, missing="Enter the title of the paper")
    file = forms.FileField(label="File", error_messages={"required": "Select the paper's file"})


FORM_PAGE = "meetings/form.html"
"""A page with one ``form`` under a ``heading``, sent by a ``button``."""


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_item(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = ItemForm(**bound(request))
    return meeting_change_page(
        request,
        FORM_PAGE,
        meeting=meeting,
        form=form,
        change=lambda: add_agenda_item(meeting=meeting, **form.cleaned_data, actor=request.user),
        done="Agenda item added",
        heading="Add an agenda item",
        button="Add",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_paper(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = PaperForm(**bound(request))
    return meeting_change_page(
        request,
        FORM_PAGE,
        meeting=meeting,
        form=form,
        change=lambda: attach_paper(meeting=meeting, **form.cleaned_data, actor=request.user),
        done="Paper attached",
        heading="Attach a paper",
        button="Attach",
        upload=True,
    )


def _current_paper(request: StaffRequest, pk: int) -> Paper:
    return paper_in(request.organisation, pk=pk)


@staff(*READERS)
@require_GET
def paper(request: StaffRequest, org: str, pk: int) -> FileResponse:
    return paper_download(_current_paper(request, pk))


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def take_off_paper(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Ask the officer to confirm on GET; remove the paper and its file on POST."""
    found = _current_paper(request, pk)
    if request.method == "POST":
        button_change(
            request,
            lambda: remove_paper(paper=found, actor=request.user),
            done=f"Paper removed: {found.title}",
        )
        return redirect("meetings:detail", org=org, pk=found.meeting_id)
    return staff_page(request, "meetings/remove_paper.html", paper=found, meeting=found.meeting)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def new_decision(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    rules = meeting_rules(request.organisation, meeting.date)
    form = DecisionForm(**bound(request), items=list(meeting.agenda.all()), meetings=rules)
    return meeting_change_page(
        request,
        FORM_PAGE,
        meeting=meeting,
        form=form,
        change=lambda: open_decision(meeting=meeting, **form.chosen(), actor=request.user),
        done="Decision recorded",
        heading="Record a decision",
        button="Save",
    )


def _decision(request: StaffRequest, pk: int) -> Decision:
    return decision_in(request.organisation, pk=pk)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def vote(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    meeting = decision.meeting
    form = VoteForm(**bound(request), members=expected_members(meeting))
    return meeting_change_page(
        request,
        FORM_PAGE,
        meeting=meeting,
        form=form,
        change=lambda: cast_vote(decision=decision, **form.chosen(), actor=request.user),
        done="Vote recorded",
        heading=f"Record a vote: {decision}",
        button="Record vote",
    )


@staff(OFFICER)
@require_POST
def close(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    button_change(
        request, lambda: close_decision(decision=decision, actor=request.user), done="Votes counted"
    )
    return redirect("meetings:detail", org=org, pk=decision.meeting_id)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def new_action(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    staff_users = User.objects.filter(grants__organisation=request.organisation).distinct()
    form = ActionForm(**bound(request), members=expected_members(meeting), staff=list(staff_users))
    return meeting_change_page(
        request,
        FORM_PAGE,
        meeting=meeting,
        form=form,
        change=lambda: allocate_action(meeting=meeting, **form.chosen(), actor=request.user),
        done="Action recorded",
        heading="Record an action",
        button="Save",
    )


@staff(OFFICER)
@require_POST
def action_done(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    action = action_in(request.organisation, pk=pk)
    today = timezone.localdate()
    button_change(
        request,
        lambda: complete_action(action=action, done_on=today, actor=request.user, today=today),
        done="Action marked done",
    )
    return redirect("meetings:actions", org=org)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def asked_to_leave(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = AskedToLeaveForm(**bound(request), members=expected_members(meeting))
    return meeting_change_page(
        request,
        FORM_PAGE,
        meeting=meeting,
        form=form,
        change=lambda: record_asked_to_leave(meeting=meeting, **form.chosen(), actor=request.user),
        done="Recorded: member asked to leave",
        heading="Record a member asked to leave",
        button="Save",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def decide_missed(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    decision = missed_in(request.organisation, pk=pk)
    form = MissedDecisionForm(**bound(request))

    def decide() -> MissedMeetings:
        data = form.cleaned_data
        # The meeting that decided is the one held that day on which the decision was put.
        held = (
            decision.items.filter(
                meeting__date=data["decided_on"], meeting__status=MeetingStatus.HELD
            )
            .select_related("meeting")
            .first()
        )
        return decide_missed_meetings(
            decision=decision,
            accept=data["outcome"] == "accept",
            reason=data["reason"],
            decided_on=data["decided_on"],
            meeting=held.meeting if held else None,
            actor=request.user,
            today=timezone.localdate(),
        )

    if form_applied(request, form, decide):
        messages.success(request, "Decision on missed meetings recorded")
        return redirect("meetings:list", org=org)
    return staff_page(
        request, FORM_PAGE, form=form, heading=str(decision), button="Save", meeting=None
    )
