"""Staff pages: Today, the home of an organisation's officers and auditors, and the search
for a member or a case."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.summary import code_in_force
from panelkeeper.today.forms import SearchForm
from panelkeeper.today.items import today_for
from panelkeeper.today.search import search


@staff(*READERS)
@require_GET
def today(request: StaffRequest, org: str) -> HttpResponse:
    """Deadlines due soon and overdue, and everything waiting for staff, each with a link to
    the page that acts on it; the code of conduct in force below."""
    day = timezone.localdate()
    found = today_for(request.organisation, today=day, is_officer=OFFICER in request.roles)
    return staff_page(
        request,
        "today/today.html",
        today=found,
        code=code_in_force(request.organisation, today=day, version=found.code),
        # By name: of one organisation, so not joined to it to sort by its name first.
        groups=request.organisation.groups.order_by("name"),
    )


@staff(*READERS)
@require_GET
def search_page(request: StaffRequest, org: str) -> HttpResponse:
    """Members found by name or email, and cases by reference or member; the form again,
    with what to enter, when the search is empty or too long."""
    asked = "q" in request.GET
    form = SearchForm({"q": request.GET.get("q", "").strip()} if asked else None)
    found = search(request.organisation, form.cleaned_data["q"]) if form.is_valid() else None
    return staff_page(request, "today/search.html", form=form, found=found)
