"""Staff pages for meetings: list, schedule, the meeting page, move, cancel, attendance, .ics."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import get_object_for, staff
from panelkeeper.lib.forms import add_refusal, bound
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.actions import actions_of, overdue
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.calendars import calendar
from panelkeeper.meetings.forms import (
    AttendanceForm,
    CancelForm,
    ChairForm,
    ScheduleForm,
    TimeAndPlaceForm,
)
from panelkeeper.meetings.models import Attendance, Meeting
from panelkeeper.meetings.queries import expected_members, meeting_page
from panelkeeper.meetings.schedule import (
    cancel_meeting,
    name_chair,
    reschedule_meeting,
    schedule_meeting,
)
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group
from panelkeeper.rules.attendance import Presence
from panelkeeper.rules.dates import day_month_year

OFFICER = Grant.Role.OFFICER
READERS = (Grant.Role.OFFICER, Grant.Role.AUDITOR)
VIA = "group__organisation"


def meeting_for(request: StaffRequest, pk: int) -> Meeting:
    queryset = Meeting.objects.select_related("group__organisation", "chair")
    return get_object_for(request.organisation, queryset, via=VIA, pk=pk)


def is_officer(request: StaffRequest) -> bool:
    return OFFICER in request.roles


@staff(*READERS)
@require_GET
def meeting_list(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    today = timezone.localdate()
    context = {
        "organisation": organisation,
        "meetings": Meeting.objects.of(organisation).select_related("group"),
        "overdue": overdue(actions_of(organisation), today=today).count(),
        "groups": Group.objects.filter(organisation=organisation),
        "is_officer": is_officer(request),
    }
    return render(request, "meetings/list.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def schedule(request: StaffRequest, org: str, group: int) -> HttpResponse:
    organisation = request.organisation
    the_group = get_object_for(organisation, Group.objects.all(), pk=group)
    members = list(Member.objects.filter(group=the_group))
    form = ScheduleForm(**bound(request), members=members)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = schedule_meeting(
                group=the_group,
                date=data["date"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                place=data["place"],
                online_link=data["online_link"],
                chair=form.chair_member(),
                chair_basis=data["chair_basis"],
                held=data["held"],
                actor=request.user,
                today=timezone.localdate(),
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Meeting on {day_month_year(meeting.date)} added")
            return redirect("meetings:detail", org=org, pk=meeting.pk)
    context = {"organisation": organisation, "group": the_group, "form": form}
    return render(request, "meetings/schedule.html", context)


@staff(*READERS)
@require_GET
def detail(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    context = meeting_page(meeting)
    context |= {
        "organisation": request.organisation,
        "is_officer": is_officer(request),
        "today": timezone.localdate(),
    }
    return render(request, "meetings/detail.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def reschedule(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Change the date, times or place of a meeting still to come; the form starts filled in."""
    meeting = meeting_for(request, pk)
    initial = {
        "date": meeting.date,
        "starts_at": f"{meeting.starts_at:%H:%M}",
        "ends_at": f"{meeting.ends_at:%H:%M}" if meeting.ends_at else "",
        "place": meeting.place,
        "online_link": meeting.online_link,
    }
    form = TimeAndPlaceForm(**bound(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reschedule_meeting(
                meeting=meeting,
                date=data["date"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                place=data["place"],
                online_link=data["online_link"],
                actor=request.user,
                today=timezone.localdate(),
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Meeting changed: now on {day_month_year(meeting.date)}")
            return redirect("meetings:detail", org=org, pk=pk)
    context = {
        "organisation": request.organisation,
        "meeting": meeting,
        "form": form,
        "apologies": Attendance.objects.filter(
            meeting=meeting, presence=Presence.APOLOGIES
        ).count(),
    }
    return render(request, "meetings/reschedule.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def change_chair(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Change who chairs a meeting still to come (MTG-4); the form starts filled in."""
    meeting = meeting_for(request, pk)
    members = list(Member.objects.filter(group=meeting.group).order_by("full_name"))
    initial = {"chair_basis": meeting.chair_basis, "chair": meeting.chair_id or ""}
    form = ChairForm(**bound(request), initial=initial, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            name_chair(
                meeting=meeting,
                chair=form.chair_member(),
                chair_basis=form.cleaned_data["chair_basis"],
                actor=request.user,
                today=timezone.localdate(),
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "Chair for the meeting changed")
            return redirect("meetings:detail", org=org, pk=pk)
    context = {
        "organisation": request.organisation,
        "meeting": meeting,
        "form": form,
    }
    return render(request, "meetings/change_chair.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def cancel(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = CancelForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            cancel_meeting(
                meeting=meeting,
                reason=form.cleaned_data["reason"],
                actor=request.user,
                today=timezone.localdate(),
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, "Meeting cancelled")
            return redirect("meetings:detail", org=org, pk=pk)
    context = {"organisation": request.organisation, "meeting": meeting, "form": form}
    return render(request, "meetings/cancel.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def attendance(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Record everyone's attendance at once; a refusal for one saves none (MTG-1)."""
    meeting = meeting_for(request, pk)
    members = expected_members(meeting)
    initial = {}
    for entry in meeting.attendance.all():
        initial[f"presence_{entry.member_id}"] = entry.presence
        initial[f"given_{entry.member_id}"] = entry.apologies_given_on
        initial[f"reason_{entry.member_id}"] = entry.reason
    form = AttendanceForm(**bound(request), members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        entries = form.entries()
        if not entries:
            form.add_error(None, "Select present, apologies or absent for at least one member")
        else:
            try:
                with transaction.atomic():
                    for member, presence, given, reason in entries:
                        try:
                            record_attendance(
                                meeting=meeting,
                                member=member,
                                presence=presence,
                                apologies_given_on=given,
                                reason=reason,
                                actor=request.user,
                                today=timezone.localdate(),
                            )
                        except Refused as refusal:
                            refusal.field = form.field_for(member, refusal.field)
                            raise
            except Refused as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, "Attendance recorded")
                return redirect("meetings:detail", org=org, pk=pk)
    context = {"organisation": request.organisation, "meeting": meeting, "form": form}
    return render(request, "meetings/attendance.html", context)


@staff(*READERS)
@require_GET
def ics(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    url = request.build_absolute_uri(reverse("meetings:detail", kwargs={"org": org, "pk": pk}))
    text = calendar([meeting], lambda m: url, name=f"Meeting of {meeting.group.name}")
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response
