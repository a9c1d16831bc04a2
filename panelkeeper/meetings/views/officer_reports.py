"""Attendance with context (never a bare percentage), actions, and calendar feeds."""

from __future__ import annotations

import datetime as dt

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, public, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.api import PAGE_SIZE
from panelkeeper.lib.forms import button_change
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.calendars import (
    calendar,
    create_feed,
    feed_for_secret,
    feed_meetings,
    revoke_feed,
)
from panelkeeper.meetings.counts import CountedMembers, Period, group_counts
from panelkeeper.meetings.forms import PeriodForm
from panelkeeper.meetings.list_forms import ActionFilterForm
from panelkeeper.meetings.listing import ActionState, actions_listed
from panelkeeper.meetings.models import CalendarFeed, Meeting
from panelkeeper.meetings.queries import period
from panelkeeper.meetings.seats import attendance_between
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group


def _period(request: HttpRequest) -> tuple[PeriodForm, tuple[dt.date, dt.date]]:
    form = PeriodForm(request.GET or None)
    today = timezone.localdate()
    if request.GET and form.is_valid():
        return form, period(form.cleaned_data["start"], form.cleaned_data["end"], today)
    return form, period(None, None, today)


@staff(*READERS)
@require_GET
def group_attendance(request: StaffRequest, org: str, group: int) -> HttpResponse:
    """Each member's meetings expected, attended, apologies and absent over a period, a
    page of members at a time; the whole group's counts above them."""
    the_group = get_object_for(request.organisation, Group.objects.all(), pk=group)
    form, (start, end) = _period(request)
    counted = Period(the_group.pk, first=start, last=end, today=timezone.localdate())
    return staff_page(
        request,
        "meetings/group_attendance.html",
        group=the_group,
        form=form,
        start=start,
        end=end,
        meetings=list(Meeting.objects.of_group_between(the_group.pk, first=start, last=end)),
        page_obj=Paginator(CountedMembers(counted), PAGE_SIZE).get_page(request.GET.get("page")),
        total=group_counts(counted),
    )


@staff(*READERS)
@require_GET
def member_attendance(request: StaffRequest, org: str, member: int) -> HttpResponse:
    the_member = get_object_for(
        request.organisation,
        Member.objects.select_related("group"),
        via="group__organisation",
        pk=member,
    )
    form, (start, end) = _period(request)
    _, [row] = attendance_between(
        the_member.group_id, [the_member], first=start, last=end, today=timezone.localdate()
    )
    return staff_page(
        request,
        "meetings/member_attendance.html",
        member=the_member,
        form=form,
        start=start,
        end=end,
        row=row,
        page_obj=Paginator(row.seats, PAGE_SIZE).get_page(request.GET.get("page")),
    )


@staff(*READERS)
@require_GET
def actions(request: StaffRequest, org: str) -> HttpResponse:
    """Open actions by due date, overdue ones flagged, or done ones; the officer's own
    marked as theirs (MTG-6). A page at a time, filtered by group."""
    groups = list(Group.objects.filter(organisation=request.organisation))
    filters = ActionFilterForm(request.GET or None, groups=groups)
    state = filters.state_chosen()
    rows = actions_listed(request.organisation, state=state, group=filters.group_chosen())
    return staff_page(
        request,
        "meetings/actions.html",
        page_obj=Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        filters=filters,
        done=state == ActionState.DONE,
        today=timezone.localdate(),
    )


@staff(*READERS)
@require_GET
def feeds(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    live = CalendarFeed.objects.filter(organisation=organisation, revoked_at__isnull=True)
    return staff_page(
        request,
        "meetings/feeds.html",
        feeds=live.select_related("member", "group"),
        groups=Group.objects.filter(organisation=organisation),
    )


@staff(OFFICER)
@require_POST
def new_group_feed(request: StaffRequest, org: str, group: int) -> HttpResponse:
    the_group = get_object_for(request.organisation, Group.objects.all(), pk=group)
    made = create_feed(group=the_group, actor=request.user)
    url = request.build_absolute_uri(reverse("meetings:feed", kwargs={"secret": made.secret}))
    return staff_page(request, "meetings/feed_made.html", url=url, what=the_group.name)


@staff(OFFICER)
@require_POST
def revoke(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    feed = get_object_for(request.organisation, CalendarFeed.objects.all(), pk=pk)
    button_change(
        request,
        lambda: revoke_feed(feed=feed, actor=request.user),
        done="Calendar feed turned off",
    )
    return redirect("meetings:feeds", org=org)


@public
@require_GET
def feed(request: HttpRequest, secret: str) -> HttpResponse:
    """A private feed by its secret; anything else is 404 and says nothing more."""
    found = feed_for_secret(secret)
    if found is None:
        raise Http404("No such calendar.")
    if found.member is not None:
        member = found.member

        def url_for(meeting: Meeting) -> str:
            return request.build_absolute_uri(
                reverse("meetings:portal_meeting", kwargs={"member": member.pk, "pk": meeting.pk})
            )

        name = f"Meetings of {member.group.name}"
    else:
        assert found.group is not None
        slug = found.organisation.slug

        def url_for(meeting: Meeting) -> str:
            return request.build_absolute_uri(
                reverse("meetings:detail", kwargs={"org": slug, "pk": meeting.pk})
            )

        name = f"Meetings of {found.group.name}"
    text = calendar(feed_meetings(found), url_for, name=name)
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response
