"""Pages for closure days, which working-day deadlines skip."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.api import PAGE_SIZE
from panelkeeper.lib.forms import bound, form_applied
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.closure_days import add_closure_day
from panelkeeper.organisations.forms import ClosureDayForm
from panelkeeper.organisations.models import ClosureDay
from panelkeeper.rules.dates import day_month_year


@staff(*READERS)
@require_GET
def closure_day_list(request: StaffRequest, org: str) -> HttpResponse:
    """The organisation's closure days, earliest first, 50 to a page."""
    days = ClosureDay.objects.filter(organisation=request.organisation).order_by("date", "id")
    page = Paginator(days, PAGE_SIZE).get_page(request.GET.get("page"))
    return staff_page(request, "organisations/closure_day_list.html", page_obj=page)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def add(request: StaffRequest, org: str) -> HttpResponse:
    form = ClosureDayForm(**bound(request))
    if form_applied(
        request,
        form,
        lambda: add_closure_day(
            organisation=request.organisation, actor=request.user, **form.cleaned_data
        ),
    ):
        added_on = day_month_year(form.cleaned_data["date"])
        messages.success(request, f"Closure on {added_on} added")
        return redirect("organisations:closure_days", org=org)
    return staff_page(request, "organisations/add_closure_day.html", form=form)
