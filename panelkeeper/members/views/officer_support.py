"""Officers' pages for appointments and appraisals (MEM-4), expenses and rewards (MEM-5)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from panelkeeper.accounts.permissions import OFFICER, staff
from panelkeeper.lib.forms import bound, button_change
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.members.lookups import expense_in
from panelkeeper.members.support import decide_expense, record_appraisal, submit_expense
from panelkeeper.members.support_forms import AppraisalForm, ExpenseDecisionForm, ExpenseForm
from panelkeeper.members.views.officer import member_for, member_form_page


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_appraisal(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    return member_form_page(
        request,
        member_for(request, pk),
        AppraisalForm(**bound(request)),
        record_appraisal,
        template="members/appraisal_form.html",
        done=lambda appraisal: f"{appraisal.get_kind_display()} recorded",
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add_expense(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    return member_form_page(
        request,
        member_for(request, pk),
        ExpenseForm(**bound(request)),
        submit_expense,
        template="members/expense_form.html",
        done=lambda expense: f"{expense.get_kind_display()} of £{expense.amount} submitted",
    )


@staff(OFFICER)
@require_POST
def decide(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    """Approve, refuse with a reason, or mark paid; the answer shows on the member page."""
    expense = expense_in(request.organisation, pk=pk)
    form = ExpenseDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Select a decision")
        return redirect("members:detail", org=org, pk=expense.member_id)
    decided = button_change(
        request,
        lambda: decide_expense(
            expense=expense, actor=request.user, today=timezone.localdate(), **form.cleaned_data
        ),
    )
    if decided is not None:
        messages.success(request, f"Claim {decided.get_state_display().lower()}")
    return redirect("members:detail", org=org, pk=expense.member_id)
