"""Officers' decisions: what happens to a gift (GIFT-2), pieces of work and the conflict
decisions on them and their revisions (COI-2, COI-3)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.filters import page_filters
from panelkeeper.lib.forms import bound, form_applied, form_result
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.lookups import member_in
from panelkeeper.members.models import Member
from panelkeeper.registers.conflicts import (
    conflict_check,
    conflicts_for,
    latest_decision,
    open_work_item,
    record_conflict_decision,
    route_for,
)
from panelkeeper.registers.forms import (
    ConflictDecisionForm,
    DecideGiftForm,
    ReviseConflictDecisionForm,
    WorkItemForm,
)
from panelkeeper.registers.gifts import decide_gift as decide
from panelkeeper.registers.list_forms import WorkFilterForm
from panelkeeper.registers.listing import gift_decision, work_list
from panelkeeper.registers.models import Gift, GiftStatus, WorkItem
from panelkeeper.registers.routing import ConflictRoute
from panelkeeper.registers.views.officer import paged


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def decide_gift(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Record what happens to a gift, once (GIFT-2)."""
    organisation = request.organisation
    gift = get_object_for(organisation, Gift.objects.select_related("member", "group"), pk=pk)
    form = DecideGiftForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: decide(
            gift=gift, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
    ):
        messages.success(request, "Decision recorded")
        return redirect("registers:gifts", org=org)
    return staff_page(
        request,
        "registers/decide_gift.html",
        gift=gift,
        form=form,
        decided=gift.status == GiftStatus.DECIDED,
        decision=gift_decision(gift),
    )


@staff(*READERS)
@require_GET
def work_items(request: StaffRequest, org: str) -> HttpResponse:
    """Pieces of work, latest first, a page at a time, filtered by title and kind."""
    form, filters = page_filters(WorkFilterForm, request, organisation=request.organisation)
    page = paged(request, work_list(request.organisation, filters))
    return staff_page(
        request,
        "registers/work_items.html",
        filter_form=form,
        filtered=bool(filters) and any(filters.values()),
        page_obj=page,
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_work_item(request: StaffRequest, org: str) -> HttpResponse:
    """Open a piece of work by hand (meetings and cases open theirs themselves)."""
    organisation = request.organisation
    form = WorkItemForm(**bound(request))
    work = form_result(
        request,
        form,
        lambda: open_work_item(organisation=organisation, actor=request.user, **form.cleaned_data),
    )
    if work is not None:
        messages.success(request, "Work added")
        return redirect("registers:work_item", org=org, pk=work.pk)
    return staff_page(request, "registers/add_work_item.html", form=form)


@staff(*READERS)
@require_GET
def work_item(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """The conflict check of one piece of work: interests current on its date, decisions."""
    work = get_object_for(request.organisation, WorkItem.objects.all(), pk=pk)
    return staff_page(
        request,
        "registers/work_item.html",
        work=work,
        lines=conflict_check(work),
        conflicts=conflicts_for(work, on=timezone.localdate()),
    )


def _decision_page(
    request: StaffRequest, org: str, pk: int, member: int
) -> tuple[WorkItem, Member, ConflictRoute] | HttpResponse:
    """The work, the member and the code's conflict rules, or a redirect to the work
    with the reason when no code was in force on its date."""
    organisation = request.organisation
    work = get_object_for(organisation, WorkItem.objects.all(), pk=pk)
    found = member_in(organisation, pk=member)
    try:
        return work, found, route_for(work)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect("registers:work_item", org=org, pk=pk)


def _recorded(
    request: StaffRequest, form: ConflictDecisionForm, work: WorkItem, member: Member
) -> bool:
    """Whether the POSTed decision (or revision) was valid and recorded."""
    return form_applied(
        request,
        form,
        lambda: record_conflict_decision(
            work=work,
            member=member,
            actor=request.user,
            today=timezone.localdate(),
            **form.cleaned_data,
        ),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def decide_conflict(request: StaffRequest, org: str, pk: int, member: int) -> HttpResponse:
    """Record the decision on one member's possible conflict with the work (COI-2, COI-3).

    Once one is recorded, this page sends the officer to revise it instead.
    """
    found = _decision_page(request, org, pk, member)
    if isinstance(found, HttpResponse):
        return found
    work, person, route = found
    if latest_decision(work, person) is not None:
        return redirect("registers:revise_conflict", org=org, pk=pk, member=member)
    form = ConflictDecisionForm(**bound(request), route=route)
    if _recorded(request, form, work, person):
        messages.success(request, "Decision recorded")
        return redirect("registers:work_item", org=org, pk=pk)
    return staff_page(
        request, "registers/decide_conflict.html", work=work, member=person, form=form
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def revise_conflict(request: StaffRequest, org: str, pk: int, member: int) -> HttpResponse:
    """Revise the latest decision on a member's conflict with the work: the form comes
    filled in with that decision, and asks why it is being revised. The revision applies
    from its own date; the earlier decision stays on record."""
    found = _decision_page(request, org, pk, member)
    if isinstance(found, HttpResponse):
        return found
    work, person, route = found
    latest = latest_decision(work, person)
    if latest is None:
        return redirect("registers:decide_conflict", org=org, pk=pk, member=member)
    initial = {
        name: getattr(latest, name)
        for name in ("decision", "parts", "grounds", "reason", "decided_by_role", "told_role")
    }
    initial["revises"] = latest.pk
    form = ReviseConflictDecisionForm(**bound(request), route=route, initial=initial)
    if _recorded(request, form, work, person):
        messages.success(request, "Decision revised")
        return redirect("registers:work_item", org=org, pk=pk)
    return staff_page(
        request,
        "registers/revise_conflict.html",
        work=work,
        member=person,
        form=form,
        latest=latest,
    )
