"""Staff pages for what happens at a meeting: agenda items, decisions and votes (MTG-3),
actions (MTG-6), a member asked to leave (MTG-5), a missed-meetings decision (MTG-2)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import get_object_for, staff
from panelkeeper.lib.forms import add_refusal, bound
from panelkeeper.lib.refusals import Refused
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
from panelkeeper.meetings.views.officer import OFFICER, READERS, meeting_for


class PaperForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the title of the paper"}
    )
    file = forms.FileField(label="File", error_messages={"required": "Select the paper's file"})


def _page(request: StaffRequest, template: str, **context: Any) -> HttpResponse:
    context["organisation"] = request.organisation
    return render(request, f"meetings/{template}.html", context)


def _done(request: HttpRequest, org: str, pk: int, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("meetings:detail", org=org, pk=pk)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_item(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = ItemForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            add_agenda_item(meeting=meeting, title=form.cleaned_data["title"], actor=request.user)
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            return _done(request, org, pk, "Agenda item added")
    return _page(
        request, "form", meeting=meeting, form=form, heading="Add an agenda item", button="Add"
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_paper(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = PaperForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            attach_paper(
                meeting=meeting,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
                actor=request.user,
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            return _done(request, org, pk, "Paper attached")
    return _page(
        request,
        "form",
        meeting=meeting,
        form=form,
        heading="Attach a paper",
        button="Attach",
        upload=True,
    )


@staff(*READERS)
@require_GET
def paper(request: StaffRequest, org: str, pk: int) -> FileResponse:
    found = get_object_for(
        request.organisation,
        Paper.objects.current().select_related("meeting"),
        via="meeting__group__organisation",
        pk=pk,
    )
    return FileResponse(
        found.file.open("rb"), as_attachment=True, filename=found.file.name.rsplit("/", 1)[-1]
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def take_off_paper(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Ask the officer to confirm on GET; remove the paper and its file on POST."""
    found = get_object_for(
        request.organisation,
        Paper.objects.current().select_related("meeting__group__organisation"),
        via="meeting__group__organisation",
        pk=pk,
    )
    if request.method == "POST":
        try:
            remove_paper(paper=found, actor=request.user)
        except Refused as refusal:
            messages.error(request, refusal.message)
            return redirect("meetings:detail", org=org, pk=found.meeting_id)
        return _done(request, org, found.meeting_id, f"Paper removed: {found.title}")
    return _page(request, "remove_paper", paper=found, meeting=found.meeting)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def new_decision(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = DecisionForm(**bound(request), items=list(meeting.agenda.all()))
    if request.method == "POST" and form.is_valid():
        try:
            open_decision(
                meeting=meeting,
                motion=form.cleaned_data["motion"],
                method=form.cleaned_data["method"],
                item=form.items.get(form.cleaned_data["item"] or ""),
                actor=request.user,
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            return _done(request, org, pk, "Decision recorded")
    return _page(
        request, "form", meeting=meeting, form=form, heading="Record a decision", button="Save"
    )


def _decision(request: StaffRequest, pk: int) -> Decision:
    return get_object_for(
        request.organisation,
        Decision.objects.select_related("meeting__group__organisation", "item__work"),
        via="meeting__group__organisation",
        pk=pk,
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def vote(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    meeting = decision.meeting
    form = VoteForm(**bound(request), members=expected_members(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            cast_vote(
                decision=decision,
                member=form.members[form.cleaned_data["member"]],
                vote=form.cleaned_data["vote"],
                actor=request.user,
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            return _done(request, org, meeting.pk, "Vote recorded")
    return _page(
        request,
        "form",
        meeting=meeting,
        form=form,
        heading=f"Record a vote: {decision}",
        button="Record vote",
    )


@staff(OFFICER)
@require_POST
def close(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    decision = _decision(request, pk)
    try:
        close_decision(decision=decision, actor=request.user)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("meetings:detail", org=org, pk=decision.meeting_id)
    return _done(request, org, decision.meeting_id, "Votes counted")


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def new_action(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    staff_users = User.objects.filter(grants__organisation=request.organisation).distinct()
    form = ActionForm(**bound(request), members=expected_members(meeting), staff=list(staff_users))
    if request.method == "POST" and form.is_valid():
        owner = form.owners.get(form.cleaned_data["owner"])
        try:
            allocate_action(
                meeting=meeting,
                description=form.cleaned_data["description"],
                due_on=form.cleaned_data["due_on"],
                owner_member=None if isinstance(owner, User) else owner,
                owner_user=owner if isinstance(owner, User) else None,
                actor=request.user,
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            return _done(request, org, pk, "Action recorded")
    return _page(
        request, "form", meeting=meeting, form=form, heading="Record an action", button="Save"
    )


@staff(OFFICER)
@require_POST
def action_done(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    action = get_object_for(
        request.organisation,
        Action.objects.select_related("meeting__group__organisation"),
        via="meeting__group__organisation",
        pk=pk,
    )
    today = timezone.localdate()
    try:
        complete_action(action=action, done_on=today, actor=request.user, today=today)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, "Action marked done")
    return redirect("meetings:actions", org=org)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def asked_to_leave(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = AskedToLeaveForm(**bound(request), members=expected_members(meeting))
    if request.method == "POST" and form.is_valid():
        try:
            record_asked_to_leave(
                meeting=meeting,
                member=form.members[form.cleaned_data["member"]],
                what_happened=form.cleaned_data["what_happened"],
                actor=request.user,
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            return _done(request, org, pk, "Recorded: member asked to leave")
    return _page(
        request,
        "form",
        meeting=meeting,
        form=form,
        heading="Record a member asked to leave",
        button="Save",
    )


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
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        held = (
            decision.items.filter(
                meeting__date=data["decided_on"], meeting__status=MeetingStatus.HELD
            )
            .select_related("meeting")
            .first()
        )
        try:
            decide_missed_meetings(
                decision=decision,
                accept=data["outcome"] == "accept",
                reason=data["reason"],
                decided_on=data["decided_on"],
                meeting=held.meeting if held else None,
                actor=request.user,
                today=timezone.localdate(),
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "Decision on missed meetings recorded")
            return redirect("meetings:list", org=org)
    return _page(request, "form", form=form, heading=str(decision), button="Save", meeting=None)
