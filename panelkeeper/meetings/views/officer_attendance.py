"""Recording a meeting's attendance, a page of members at a time (MTG-1).

A group may have hundreds of members, so the page lists fifty at a time, by name, with a
name filter and a choice of only those not yet recorded. Saving a page changes only the
members chosen on it: what other pages recorded stays as it was. Everyone still not
recorded can then be marked present, or absent without apologies, at once.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from panelkeeper.accounts.models import User
from panelkeeper.accounts.permissions import OFFICER, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.api import PAGE_SIZE
from panelkeeper.lib.forms import bound, form_result
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.meetings.attendance import Entry, RefusedFor, record_attendances, record_the_rest
from panelkeeper.meetings.codes import code_on
from panelkeeper.meetings.forms import AttendanceForm, RestForm
from panelkeeper.meetings.list_forms import AttendanceFilterForm
from panelkeeper.meetings.listing import Expected, Tally, members_listed, recorded_for, tally
from panelkeeper.meetings.models import Meeting, MeetingStatus
from panelkeeper.meetings.views.officer import meeting_for
from panelkeeper.members.models import Member

PRESENCE = "presence_"


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def attendance(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """A page of the members expected, to record; a refusal for one saves none of the page."""
    meeting = meeting_for(request, pk)
    filters = AttendanceFilterForm(request.GET or None)
    counts = tally(meeting)
    page = _page(request, meeting, filters, counts)
    members = list(page) + _chosen_elsewhere(request, meeting, page)
    initial: dict[str, object] = {}
    for entry in recorded_for(meeting, members).values():
        initial[f"presence_{entry.member_id}"] = entry.presence
        initial[f"given_{entry.member_id}"] = entry.apologies_given_on
        initial[f"reason_{entry.member_id}"] = entry.reason
    form = AttendanceForm(**bound(request), members=members, initial=initial)
    saved = form_result(request, form, lambda: _record_page(meeting, form, actor=request.user))
    if saved is not None:
        messages.success(request, f"Attendance recorded for {_members(saved)} on this page")
        return redirect(request.get_full_path())
    return _attendance_page(request, meeting, counts, filters=filters, page=page, form=form)


@staff(OFFICER)
@require_POST
def record_rest(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Mark everyone expected and not yet recorded present, or absent without apologies."""
    meeting = meeting_for(request, pk)
    rest = RestForm(request.POST)

    def record() -> int:
        presence = rest.cleaned_data["presence"]
        today = timezone.localdate()
        return record_the_rest(meeting=meeting, presence=presence, actor=request.user, today=today)

    recorded = form_result(request, rest, record)
    if recorded is not None:
        messages.success(request, f"Attendance recorded for {_members(recorded)}")
        return redirect("meetings:attendance", org=org, pk=pk)
    filters = AttendanceFilterForm()
    counts = tally(meeting)
    page = _page(request, meeting, filters, counts)
    form = AttendanceForm(members=list(page))
    return _attendance_page(
        request, meeting, counts, filters=filters, page=page, form=form, rest=rest
    )


def _members(count: int) -> str:
    return f"{count} member{'' if count == 1 else 's'}"


def _page(
    request: HttpRequest, meeting: Meeting, filters: AttendanceFilterForm, counts: Tally
) -> Page[Member]:
    chosen = filters.applied
    listed = members_listed(meeting, name=chosen.get("name", ""), shown=chosen.get("shown", ""))
    # Everyone expected was counted with the tally: a page of them needs no count of its own.
    rows = listed if filters.narrows() else Expected(listed, count=counts.expected)
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _chosen_elsewhere(request: HttpRequest, meeting: Meeting, page: Page[Member]) -> list[Member]:
    """Members of the group chosen in the form posted but no longer on its page (someone
    joined or left the list meanwhile), so that what was chosen for them is not lost."""
    if request.method != "POST":
        return []
    on_page = {m.pk for m in page}
    ids = {
        int(key.removeprefix(PRESENCE))
        for key in request.POST
        if key.startswith(PRESENCE) and key.removeprefix(PRESENCE).isdecimal()
    }
    if not ids - on_page:
        return []
    found = Member.objects.filter(group_id=meeting.group_id, pk__in=sorted(ids - on_page))
    return list(found.order_by("full_name", "id"))


def _record_page(meeting: Meeting, form: AttendanceForm, *, actor: User) -> int:
    """Record the entries of a valid page of the attendance form, all or none; how many.

    A refusal names the field of the member it concerns, so the page shows it there.
    """
    entries = [Entry(member, **entry) for member, entry in form.entries()]
    try:
        record_attendances(
            meeting=meeting, entries=entries, actor=actor, today=timezone.localdate()
        )
    except RefusedFor as refusal:
        refusal.field = form.field_for(refusal.member, refusal.field)
        raise
    return len(entries)


def _attendance_page(
    request: StaffRequest,
    meeting: Meeting,
    counts: Tally,
    *,
    filters: AttendanceFilterForm,
    page: Page[Member],
    form: AttendanceForm,
    rest: RestForm | None = None,
) -> HttpResponse:
    today = timezone.localdate()
    rest_shown = _rest_allowed(meeting, today) and counts.not_recorded > 0
    # The code's rule on missed meetings is read only for the warning above that form.
    policy = code_on(request.organisation, today) if rest_shown else None
    rules = policy.attendance if policy else None
    return staff_page(
        request,
        "meetings/attendance.html",
        meeting=meeting,
        form=form,
        filters=filters,
        page_obj=page,
        tally=counts,
        rest=rest or RestForm(),
        rest_shown=rest_shown,
        missed_rule=rules.consecutive_absences if rules else None,
    )


def _rest_allowed(meeting: Meeting, today: dt.date) -> bool:
    """Present and absent are recorded only for a meeting held, on the day or after."""
    return meeting.status != MeetingStatus.CANCELLED and meeting.date <= today
