"""The member's own pages: their meetings, apologies (MTG-1), record and actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from panelkeeper.accounts.permissions import member_self
from panelkeeper.lib.forms import bound, button_change, form_result
from panelkeeper.lib.requests import MemberRequest
from panelkeeper.meetings.attendance import send_apologies, withdraw_apologies
from panelkeeper.meetings.calendars import create_feed, revoke_feed
from panelkeeper.meetings.codes import code_on
from panelkeeper.meetings.forms import ApologiesForm
from panelkeeper.meetings.listing import meetings_to_come
from panelkeeper.meetings.models import (
    Action,
    Attendance,
    CalendarFeed,
    Meeting,
    MeetingStatus,
    Paper,
)
from panelkeeper.meetings.queries import apologies_sent, apologies_to_come
from panelkeeper.meetings.seats import attendance_rows
from panelkeeper.meetings.views.common import paper_download
from panelkeeper.members.models import Member
from panelkeeper.rules.calendar.working_days import add_months
from panelkeeper.rules.dates import day_month_year

MY_PAGE = 10
"""Meetings to come on a page of the member's meetings: few, on a phone."""


@member_self
@require_GET
def meetings(request: MemberRequest, member: int) -> HttpResponse:
    """Meetings to come, the member's attendance over the last year, and their actions."""
    me = request.member
    today = timezone.localdate()
    to_come = meetings_to_come(me, today=today).filter(status=MeetingStatus.SCHEDULED)
    page = Paginator(to_come, MY_PAGE).get_page(request.GET.get("page"))
    upcoming = list(page)
    sent = apologies_sent(me, upcoming)
    past = list(
        Meeting.objects.filter(
            group_id=me.group_id, date__gt=add_months(today, -12), date__lte=today
        ).order_by("date", "id")
    )
    [row] = attendance_rows([me], past, today=today)
    context = {
        "member": me,
        "upcoming": [(m, sent.get(m.pk)) for m in upcoming],
        "page_obj": page,
        "apologies_sent": apologies_to_come(me, today=today),
        "row": row,
        "actions": Action.objects.filter(owner_member=me, done_on__isnull=True).select_related(
            "meeting"
        ),
        "today": today,
        "feeds": CalendarFeed.objects.filter(member=me, revoked_at__isnull=True),
    }
    return render(request, "meetings/portal.html", context)


def _meeting(request: MemberRequest, pk: int) -> Meeting:
    me = request.member
    return get_object_or_404(Meeting.objects.select_related("group"), group_id=me.group_id, pk=pk)


@member_self
@require_GET
def meeting(request: MemberRequest, member: int, pk: int) -> HttpResponse:
    found = _meeting(request, pk)
    context = {
        "member": request.member,
        "meeting": found,
        "papers": found.papers.current(),
        "sent": _apologies_sent(found, request.member),
        "today": timezone.localdate(),
    }
    return render(request, "meetings/portal_meeting.html", context)


def _apologies_sent(meeting: Meeting, member: Member) -> Attendance | None:
    return apologies_sent(member, [meeting]).get(meeting.pk)


@member_self
@require_GET
def paper(request: MemberRequest, member: int, pk: int, paper: int) -> FileResponse:
    """A paper of one of the member's group's meetings, to read beforehand (MTG-6)."""
    found = get_object_or_404(Paper.objects.current(), meeting=_meeting(request, pk), pk=paper)
    return paper_download(found)


@member_self
@require_http_methods(["GET", "POST"])
def apologies(request: MemberRequest, member: int, pk: int) -> HttpResponse:
    """Send apologies for a meeting to come, or change those already sent (MTG-1)."""
    found = _meeting(request, pk)
    sent = _apologies_sent(found, request.member)
    initial = {"reason": sent.reason, "arrives_at": sent.arrives_at} if sent else {}
    policy = code_on(found.group.organisation, found.date)
    needed = bool(policy and policy.attendance and policy.attendance.apologies_with_reasons)
    form = ApologiesForm(**bound(request), initial=initial, reason_needed=needed)
    entry = form_result(
        request,
        form,
        lambda: send_apologies(
            meeting=found,
            member=request.member,
            **form.cleaned_data,
            actor=request.user,
            today=timezone.localdate(),
        ),
    )
    if entry is not None:
        done = "changed" if sent else "sent"
        late = " They are later than the code asks, so they are marked late." if entry.late else ""
        messages.success(request, f"Apologies {done} for {day_month_year(found.date)}.{late}")
        return redirect("pages:home", member=member)
    context = {"member": request.member, "meeting": found, "form": form, "sent": sent}
    return render(request, "meetings/portal_apologies.html", context)


@member_self
@require_POST
def withdraw(request: MemberRequest, member: int, pk: int) -> HttpResponse:
    """Withdraw the apologies sent for a meeting to come: the member is expected again."""
    found = _meeting(request, pk)
    button_change(
        request,
        lambda: withdraw_apologies(
            meeting=found, member=request.member, actor=request.user, today=timezone.localdate()
        ),
        done=f"Apologies withdrawn. We expect you at the meeting on {day_month_year(found.date)}.",
    )
    return redirect("pages:home", member=member)


@member_self
@require_POST
def new_feed(request: MemberRequest, member: int) -> HttpResponse:
    made = create_feed(member=request.member, actor=request.user)
    url = request.build_absolute_uri(reverse("meetings:feed", kwargs={"secret": made.secret}))
    return render(
        request,
        "meetings/feed_made.html",
        {"url": url, "what": "your meetings", "member": request.member},
    )


@member_self
@require_POST
def revoke_my_feed(request: MemberRequest, member: int, pk: int) -> HttpResponse:
    """Turn off one of the member's own calendar feeds (if its address was shared, say)."""
    feed = get_object_or_404(CalendarFeed, member=request.member, pk=pk)
    button_change(
        request,
        lambda: revoke_feed(feed=feed, actor=request.user),
        done="Calendar feed turned off",
    )
    return redirect("meetings:portal", member=member)
