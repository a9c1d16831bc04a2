"""Pages for role holders: who holds each staff title the code declares (BR-2, BR-13)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.permissions import OFFICER, READERS, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import bound, form_result
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.forms import RoleHolderForm
from panelkeeper.organisations.models import RoleHolder
from panelkeeper.organisations.policies import declared_staff_titles
from panelkeeper.organisations.role_holders import assign_role_holder


@staff(*READERS)
@require_GET
def role_holder_list(request: StaffRequest, org: str) -> HttpResponse:
    """Each declared staff title with its current holder, then every earlier term."""
    organisation = request.organisation
    titles = declared_staff_titles(organisation, on=timezone.localdate())
    terms = list(RoleHolder.objects.filter(organisation=organisation).select_related("user"))
    current = {term.role_key: term for term in terms if term.effective_until is None}
    return staff_page(
        request,
        "organisations/role_holder_list.html",
        rows=[(title, current.get(title.key)) for title in titles],
        past=[term for term in terms if term.effective_until is not None],
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def assign(request: StaffRequest, org: str, role: str) -> HttpResponse:
    organisation = request.organisation
    today = timezone.localdate()
    titles = {t.key: t for t in declared_staff_titles(organisation, on=today)}
    if role not in titles:
        raise Http404("No such title in this organisation's code.")
    form = RoleHolderForm(
        **bound(request), organisation=organisation, initial={"effective_from": today}
    )
    holder = form_result(
        request,
        form,
        lambda: assign_role_holder(
            organisation=organisation,
            role_key=role,
            actor=request.user,
            today=today,
            **form.cleaned_data,
        ),
    )
    if holder is not None:
        messages.success(request, f"{holder.user} now holds the title {holder.role_title}")
        return redirect("organisations:role_holders", org=org)
    return staff_page(
        request, "organisations/assign_role_holder.html", title=titles[role], form=form
    )
