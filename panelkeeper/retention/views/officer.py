"""Officers' pages: the retention schedule, what is due to go, legal holds and erasure."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.filters import page_filters
from panelkeeper.lib.forms import bound, form_applied, form_result
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.lookups import member_in
from panelkeeper.retention.erasure import erase_member, reasons_to_keep
from panelkeeper.retention.forms import (
    DueFilterForm,
    EraseForm,
    HoldFilterForm,
    HoldForm,
    PeriodForm,
    ReasonForm,
)
from panelkeeper.retention.holds import held_record, lift_hold, place_hold
from panelkeeper.retention.kinds import BY_KEY
from panelkeeper.retention.listing import PAGE_SIZE, due_chosen, holds_chosen
from panelkeeper.retention.models import LegalHold
from panelkeeper.retention.purge import preview
from panelkeeper.retention.schedule import Period, months_in_words, schedule_of, set_period
from panelkeeper.rules.dates import long_date


def _form_page(
    request: StaffRequest,
    form: forms.Form,
    *,
    heading: str,
    back: tuple[str, str],
    button: str,
    intro: list[str] | None = None,
    warning: bool = False,
) -> HttpResponse:
    """One form on a page of its own, under a heading, with a way back."""
    view, back_text = back
    return staff_page(
        request,
        "retention/form.html",
        form=form,
        heading=heading,
        back_url=reverse(view, kwargs={"org": request.organisation.slug}),
        back_text=back_text,
        intro=intro or [],
        button=button,
        warning=warning,
    )


@staff(*READERS)
@require_GET
def schedule(request: StaffRequest, org: str) -> HttpResponse:
    """Each kind of record, how long it is kept, how many are due now and when the next is."""
    previews = preview(request.organisation, today=timezone.localdate(), first=0)
    return staff_page(request, "retention/schedule.html", previews=previews)


@staff(*READERS)
@require_GET
def due(request: StaffRequest, org: str) -> HttpResponse:
    """What the next purge would remove or anonymise, and why: a dry run. Each kind shows
    its first records; one kind's page (``?kind=``) lists them all, 50 to a page."""
    today = timezone.localdate()
    filters, chosen = page_filters(DueFilterForm, request)
    if chosen.get("kind"):
        rows = due_chosen(request.organisation, today=today, kind=chosen["kind"])
        return staff_page(
            request,
            "retention/due.html",
            filters=filters,
            kind=BY_KEY[chosen["kind"]],
            page_obj=Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
        )
    previews = preview(request.organisation, today=today)
    any_due = any(item.total for item in previews)
    context = {"previews": previews, "any_due": any_due, "filters": filters}
    return staff_page(request, "retention/due.html", **context)


def _change(request: StaffRequest, period: Period) -> HttpResponse:
    """The form that sets how long one row of the schedule is kept."""
    form = PeriodForm(**bound(request), initial={"months": period.months})
    if form_applied(
        request,
        form,
        lambda: set_period(
            organisation=request.organisation,
            kind=period.kind.key,
            outcome=period.outcome,
            months=form.cleaned_data["months"],
            actor=request.user,
        ),
    ):
        messages.success(request, f"{period.label}: period changed")
        return redirect("retention:schedule", org=request.organisation.slug)
    default = (
        f"Unless you change it, they are kept as long as other cases that found a breach: "
        f"{months_in_words(period.default_months)}."
        if period.outcome
        else f"The product's default is {period.kind.default_months} months."
    )
    return _form_page(
        request,
        form,
        heading=period.label,
        back=("retention:schedule", "Back to the retention schedule"),
        intro=[
            f"Kept for {period.in_words} after {period.kind.counted_from}. {default}",
            period.kind.what_happens,
        ],
        button="Save",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def change_period(request: StaffRequest, org: str, kind: str) -> HttpResponse:
    found = [p for p in schedule_of(request.organisation) if p.kind.key == kind and not p.outcome]
    if not found:
        raise Http404
    return _change(request, found[0])


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def change_outcome_period(request: StaffRequest, org: str, outcome: str) -> HttpResponse:
    """How long closed cases with one outcome of the code in force are kept."""
    found = [p for p in schedule_of(request.organisation) if p.outcome == outcome]
    if not found:
        raise Http404
    return _change(request, found[0])


@staff(*READERS)
@require_GET
def holds(request: StaffRequest, org: str) -> HttpResponse:
    """Legal holds, newest first, 50 to a page: those in force, those lifted, or both."""
    filters, chosen = page_filters(HoldFilterForm, request)
    rows = holds_chosen(request.organisation, chosen).select_related("placed_by", "lifted_by")
    return staff_page(
        request,
        "retention/holds.html",
        filters=filters,
        filtered=any(chosen.values()),
        page_obj=Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def hold(request: StaffRequest, org: str) -> HttpResponse:
    form = HoldForm(**bound(request))
    placed = form_result(
        request,
        form,
        lambda: place_hold(
            organisation=request.organisation,
            reason=form.cleaned_data["reason"],
            actor=request.user,
            **held_record(
                request.organisation,
                record=form.cleaned_data["record"],
                reference=form.cleaned_data["reference"],
            ),
        ),
        renamed={"record": "reference"},
    )
    if placed is not None:
        messages.success(request, f"Legal hold placed on {placed.record_label}")
        return redirect("retention:holds", org=org)
    return _form_page(
        request,
        form,
        heading="Place a legal hold",
        back=("retention:holds", "Back to legal holds"),
        button="Place the hold",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def lift(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    held = get_object_for(request.organisation, LegalHold.objects.in_force(), pk=pk)
    form = ReasonForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: lift_hold(hold=held, reason=form.cleaned_data["reason"], actor=request.user),
    ):
        messages.success(request, f"Legal hold on {held.record_label} lifted")
        return redirect("retention:holds", org=org)
    return _form_page(
        request,
        form,
        heading=f"Lift the hold on {held.record_label}",
        back=("retention:holds", "Back to legal holds"),
        intro=[
            f"Placed by {held.placed_by} on {long_date(held.placed_on)}: {held.reason}",
            "Once lifted, these records go when the retention schedule says.",
        ],
        button="Lift the hold",
        warning=True,
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def erase(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    member = member_in(request.organisation, pk=pk)
    form = EraseForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: erase_member(member=member, organisation=request.organisation, actor=request.user),
    ):
        messages.success(request, f"The records of member {member.pk} have been erased")
        return redirect("retention:schedule", org=org)
    reasons = reasons_to_keep(member, request.organisation)
    return staff_page(request, "retention/erase.html", form=form, member=member, reasons=reasons)
