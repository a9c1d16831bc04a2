"""Officers' pages for appointments and appraisals (MEM-4), expenses and rewards (MEM-5)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import get_object_for, staff
from panelkeeper.lib.forms import add_refusal, bound
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.models import Expense
from panelkeeper.members.support import decide_expense, record_appraisal, submit_expense
from panelkeeper.members.support_forms import AppraisalForm, ExpenseDecisionForm, ExpenseForm
from panelkeeper.members.views.officer import member_for

OFFICER = Grant.Role.OFFICER


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_appraisal(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    member = member_for(request, pk)
    form = AppraisalForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            appraisal = record_appraisal(
                member=member, actor=request.user, today=timezone.localdate(), **form.cleaned_data
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"{appraisal.get_kind_display()} recorded")
            return redirect("members:detail", org=org, pk=member.pk)
    context = {"organisation": request.organisation, "member": member, "form": form}
    return render(request, "members/appraisal_form.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_expense(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    member = member_for(request, pk)
    form = ExpenseForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            expense = submit_expense(
                member=member, actor=request.user, today=timezone.localdate(), **form.cleaned_data
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(
                request, f"{expense.get_kind_display()} of £{expense.amount} submitted"
            )
            return redirect("members:detail", org=org, pk=member.pk)
    context = {"organisation": request.organisation, "member": member, "form": form}
    return render(request, "members/expense_form.html", context)


@staff(OFFICER)
@require_POST
def decide(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Approve, refuse with a reason, or mark paid; the answer shows on the member page."""
    expense = get_object_for(
        request.organisation,
        Expense.objects.select_related("member__group__organisation"),
        via="member__group__organisation",
        pk=pk,
    )
    form = ExpenseDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Select a decision")
    else:
        try:
            decide_expense(
                expense=expense, actor=request.user, today=timezone.localdate(), **form.cleaned_data
            )
        except Refused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, f"Claim {expense.get_state_display().lower()}")
    return redirect("members:detail", org=org, pk=expense.member_id)
