"""Staff pages for what happens at a meeting: agenda items, decisions and votes (MTG-3),
actions (MTG-6), a member asked to leave (MTG-5), a missed-meetings decision (MTG-2)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import get_object_for, staff
from panelkeeper.lib.forms import bound, button_change, form_applied
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.actions import allocate_action, complete_action
from panelkeeper.meetings.agenda import add_agenda_item
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
from panelkeeper.meetings.missed import decide_missed_meetings
from panelkeeper.meetings.models import Action, Decision, MeetingStatus, MissedMeetings, Paper
from panelkeeper.meetings.papers import attach_paper, remove_paper
from panelkeeper.meetings.queries import expected_members
from panelkeeper.meetings.views.common import paper_download
from panelkeeper.meetings.views.officer import OFFICER, READERS, back_to_meeting, meeting_for
from panelkeeper.members.models import Member


class PaperForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the title of the paper"}
    )
    file = forms.FileField(label="File", error_messages={"required": "Select the paper's file"})


VIA_MEETING = "meeting__group__organisation"


def _page(request: StaffRequest, template: str, **context: Any) -> HttpResponse:
    context["organisation"] = request.organisation
    return render(request, f"meetings/{template}.html", context)


def _form_page(
    request: StaffRequest, form: forms.Form, heading: str, *, button: str = "Save", **context: Any
) -> HttpResponse:
    """A page with one form under ``heading``, sent by ``button``."""
    return _page(request, "form", form=form, heading=heading, button=button, **context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_item(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = ItemForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: add_agenda_item(
            meeting=meeting, title=form.cleaned_data["title"], actor=request.user
        ),
    ):
        return back_to_meeting(request, org, pk, "Agenda item added")
    return _form_page(request, form, "Add an agenda item", button="Add", meeting=meeting)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_paper(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = PaperForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: attach_paper(meeting=meeting, **form.cleaned_data, actor=request.user),
    ):
        return back_to_meeting(request, org, pk, "Paper attached")
    return _form_page(
        request, form, "Attach a paper", button="Attach", meeting=meeting, upload=True
    )


def _current_paper(request: StaffRequest, pk: int) -> Paper:
    return get_object_for(
        request.organisation,
        Paper.objects.current().select_related("meeting__group__organisation"),
        via=VIA_MEETING,
        pk=pk,
    )


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
    return _page(request, "remove_paper", paper=found, meeting=found.meeting)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def new_decision(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = DecisionForm(**bound(request), items=list(meeting.agenda.all()))
    if form_applied(
        request,
        form,
        lambda: open_decision(
            meeting=meeting,
            motion=form.cleaned_data["motion"],
            method=form.cleaned_data["method"],
            item=form.items.get(form.cleaned_data["item"] or ""),
            actor=request.user,
        ),
    ):
        return back_to_meeting(request, org, pk, "Decision recorded")
    return _form_page(request, form, "Record a decision", meeting=meeting)


def _decision(request: StaffRequest, pk: int) -> Decision:
    return get_object_for(
        request.organisation,
        Decision.objects.select_related("meeting__group__organisation", "item__work"),
        via=VIA_MEETING,
        pk=pk,
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def vote(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    meeting = decision.meeting
    form = VoteForm(**bound(request), members=expected_members(meeting))
    if form_applied(
        request,
        form,
        lambda: cast_vote(
            decision=decision,
            member=form.members[form.cleaned_data["member"]],
            vote=form.cleaned_data["vote"],
            actor=request.user,
        ),
    ):
        return back_to_meeting(request, org, meeting.pk, "Vote recorded")
    heading = f"Record a vote: {decision}"
    return _form_page(request, form, heading, button="Record vote", meeting=meeting)


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

    def allocate() -> Action:
        owner = form.owners.get(form.cleaned_data["owner"])
        return allocate_action(
            meeting=meeting,
            description=form.cleaned_data["description"],
            due_on=form.cleaned_data["due_on"],
            owner_member=owner if isinstance(owner, Member) else None,
            owner_user=owner if isinstance(owner, User) else None,
            actor=request.user,
        )

    if form_applied(request, form, allocate):
        return back_to_meeting(request, org, pk, "Action recorded")
    return _form_page(request, form, "Record an action", meeting=meeting)


@staff(OFFICER)
@require_POST
def action_done(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    action = get_object_for(
        request.organisation,
        Action.objects.select_related("meeting__group__organisation"),
        via=VIA_MEETING,
        pk=pk,
    )
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
    if form_applied(
        request,
        form,
        lambda: record_asked_to_leave(
            meeting=meeting,
            member=form.members[form.cleaned_data["member"]],
            what_happened=form.cleaned_data["what_happened"],
            actor=request.user,
        ),
    ):
        return back_to_meeting(request, org, pk, "Recorded: member asked to leave")
    return _form_page(request, form, "Record a member asked to leave", meeting=meeting)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def decide_missed(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    decision = get_object_for(
        request.organisation,
        MissedMeetings.objects.select_related("member", "group__organisation"),
        via="group__organisation",
        pk=pk,
    )
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
    return _form_page(request, form, str(decision), meeting=None)
