"""Staff pages for meetings: list, schedule, the meeting page, move, cancel, attendance,
apologies withdrawn for a member, .ics."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.api import PAGE_SIZE
from panelkeeper.lib.downloads import ICS, download
from panelkeeper.lib.forms import bound, button_change, form_applied, form_result
from panelkeeper.lib.links import row_link
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.actions import actions_of, overdue
from panelkeeper.meetings.attendance import withdraw_apologies
from panelkeeper.meetings.calendars import calendar
from panelkeeper.meetings.codes import meeting_rules
from panelkeeper.meetings.forms import (
    CancelForm,
    ChairForm,
    ScheduleForm,
    TimeAndPlaceForm,
)
from panelkeeper.meetings.list_forms import MeetingFilterForm
from panelkeeper.meetings.listing import meetings_listed
from panelkeeper.meetings.models import Attendance, Meeting
from panelkeeper.meetings.queries import meeting_page
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

VIA = "group__organisation"


def meeting_for(request: StaffRequest, pk: int) -> Meeting:
    queryset = Meeting.objects.select_related("group__organisation", "chair")
    return get_object_for(request.organisation, queryset, via=VIA, pk=pk)


@staff(*READERS)
@require_GET
def meeting_list(request: StaffRequest, org: str) -> HttpResponse:
    """The organisation's meetings, upcoming first then the most recent, a page at a time,
    filtered by group, upcoming or past, and dates."""
    organisation = request.organisation
    groups = list(Group.objects.filter(organisation=organisation))
    filters = MeetingFilterForm(request.GET or None, groups=groups)
    today = timezone.localdate()
    meetings = meetings_listed(organisation, filters.filters(), today=today)
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    link = row_link("meetings:detail", "pk", org=organisation.slug)
    return staff_page(
        request,
        "meetings/list.html",
        page_obj=page,
        rows=[(meeting, link(meeting.pk)) for meeting in page],
        filters=filters,
        overdue=overdue(actions_of(organisation), today=today).count(),
        groups=groups,
    )


def back_to_meeting(request: HttpRequest, org: str, pk: int, message: str) -> HttpResponse:
    """Back to the meeting's page, saying what was done."""
    messages.success(request, message)
    return redirect("meetings:detail", org=org, pk=pk)


def meeting_change_page(
    request: StaffRequest,
    template: str,
    *,
    meeting: Meeting,
    form: forms.Form,
    change: Callable[[], object],
    done: str,
    **context: object,
) -> HttpResponse:
    """The page of ``form``, a change to ``meeting``: once ``change`` (a domain function
    call) has applied it, back to the meeting saying ``done``; until then ``template``
    again, with the form, the meeting and ``context``."""
    if form_applied(request, form, change):
        return back_to_meeting(request, request.organisation.slug, meeting.pk, done)
    return staff_page(request, template, meeting=meeting, form=form, **context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def schedule(request: StaffRequest, org: str, group: int) -> HttpResponse:
    organisation = request.organisation
    the_group = get_object_for(organisation, Group.objects.all(), pk=group)
    members = list(Member.objects.filter(group=the_group))
    rules = meeting_rules(organisation, timezone.localdate())
    form = ScheduleForm(**bound(request), members=members, meetings=rules)
    meeting = form_result(
        request,
        form,
        lambda: schedule_meeting(
            group=the_group, **form.chosen(), actor=request.user, today=timezone.localdate()
        ),
    )
    if meeting is not None:
        return back_to_meeting(
            request, org, meeting.pk, f"Meeting on {day_month_year(meeting.date)} added"
        )
    return staff_page(request, "meetings/schedule.html", group=the_group, form=form)


@staff(*READERS)
@require_GET
def detail(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    context = meeting_page(meeting)
    # The attendance of a large group, fifty members at a time.
    attendance = Paginator(context.pop("rows"), PAGE_SIZE).get_page(request.GET.get("page"))
    return staff_page(
        request,
        "meetings/detail.html",
        **context,
        page_obj=attendance,
        today=timezone.localdate(),
    )


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
    if form_applied(
        request,
        form,
        lambda: reschedule_meeting(
            meeting=meeting, **form.time_and_place(), actor=request.user, today=timezone.localdate()
        ),
    ):
        return back_to_meeting(
            request, org, pk, f"Meeting changed: now on {day_month_year(meeting.date)}"
        )
    apologies = Attendance.objects.filter(meeting=meeting, presence=Presence.APOLOGIES)
    return staff_page(
        request, "meetings/reschedule.html", meeting=meeting, form=form, apologies=apologies.count()
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def change_chair(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Change who chairs a meeting still to come (MTG-4); the form starts filled in."""
    meeting = meeting_for(request, pk)
    members = list(Member.objects.filter(group=meeting.group).order_by("full_name"))
    initial = {"chair_basis": meeting.chair_basis, "chair": meeting.chair_id or ""}
    rules = meeting_rules(request.organisation, meeting.date)
    form = ChairForm(**bound(request), initial=initial, members=members, meetings=rules)
    return meeting_change_page(
        request,
        "meetings/change_chair.html",
        meeting=meeting,
        form=form,
        change=lambda: name_chair(
            meeting=meeting, **form.chosen(), actor=request.user, today=timezone.localdate()
        ),
        done="Chair for the meeting changed",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def cancel(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    form = CancelForm(**bound(request))
    return meeting_change_page(
        request,
        "meetings/cancel.html",
        meeting=meeting,
        form=form,
        change=lambda: cancel_meeting(
            meeting=meeting, **form.cleaned_data, actor=request.user, today=timezone.localdate()
        ),
        done="Meeting cancelled",
    )


@staff(OFFICER)
@require_POST
def withdraw_apologies_for(request: StaffRequest, org: str, pk: int, member: int) -> HttpResponse:
    """Withdraw a member's apologies for a meeting to come, for them (MTG-1)."""
    meeting = meeting_for(request, pk)
    found = get_object_for(request.organisation, Member.objects.all(), via=VIA, pk=member)
    button_change(
        request,
        lambda: withdraw_apologies(
            meeting=meeting, member=found, actor=request.user, today=timezone.localdate()
        ),
        done=f"Apologies withdrawn: {found.full_name} is expected at the meeting again",
    )
    return redirect("meetings:detail", org=org, pk=pk)


@staff(*READERS)
@require_GET
def ics(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    meeting = meeting_for(request, pk)
    url = request.build_absolute_uri(reverse("meetings:detail", kwargs={"org": org, "pk": pk}))
    text = calendar([meeting], lambda m: url, name=f"Meeting of {meeting.group.name}")
    return download(text, f"meeting-{meeting.pk}.ics", ICS)
