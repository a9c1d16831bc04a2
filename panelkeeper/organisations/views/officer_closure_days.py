"""Pages for closure days, which working-day deadlines skip."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.models import Grant
from panelkeeper.accounts.permissions import staff
from panelkeeper.lib.forms import add_refusal, bound
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.closure_days import add_closure_day
from panelkeeper.organisations.forms import ClosureDayForm
from panelkeeper.organisations.models import ClosureDay
from panelkeeper.rules.dates import day_month_year

OFFICER = Grant.Role.OFFICER


@staff(OFFICER, Grant.Role.AUDITOR)
@require_GET
def closure_day_list(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    context = {
        "organisation": organisation,
        "days": ClosureDay.objects.filter(organisation=organisation),
        "is_officer": OFFICER in request.roles,
    }
    return render(request, "organisations/closure_day_list.html", context)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add(request: StaffRequest, org: str) -> HttpResponse:
    organisation = request.organisation
    form = ClosureDayForm(**bound(request))
    if request.method == "POST" and form.is_valid():
        try:
            day = add_closure_day(
                organisation=organisation,
                date=form.cleaned_data["date"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except Refused as refusal:
            add_refusal(form, refusal)
        else:
            messages.success(request, f"Closure on {day_month_year(day.date)} added")
            return redirect("organisations:closure_days", org=org)
    return render(
        request, "organisations/add_closure_day.html", {"organisation": organisation, "form": form}
    )
