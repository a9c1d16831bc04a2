"""The organisation's home page, the rulebook of the code in force, and the start page."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from panelkeeper.accounts.permissions import READERS, signed_in, staff
from panelkeeper.accounts.views.common import staff_page
from panelkeeper.lib.forms import add_refusal
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import SignedInRequest, StaffRequest
from panelkeeper.organisations.forms import PlannerForm
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.planning import plan_deadlines, planner_steps
from panelkeeper.organisations.policies import InvalidPolicy
from panelkeeper.organisations.rulebooks import rulebook_of


@signed_in
@require_GET
def start(request: SignedInRequest) -> HttpResponse:
    """Send a signed-in user to their organisation's Today page, or to the list when they
    have several."""
    organisations = list(Organisation.objects.for_user(request.user)[:2])
    if len(organisations) == 1:
        return redirect("today:today", org=organisations[0].slug)
    user = request.user
    if not organisations and (user.memberships.exists() or user.advocated_members.exists()):
        return redirect("members:portal")  # a member or an advocate, with no staff grant
    return redirect("organisations:list")


@signed_in
@require_GET
def organisation_list(request: SignedInRequest) -> HttpResponse:
    organisations = Organisation.objects.for_user(request.user)
    return render(request, "organisations/list.html", {"organisations": organisations})


@staff(*READERS)
@require_GET
def home(request: StaffRequest, org: str) -> HttpResponse:
    """The organisation's home for staff is their Today page."""
    return redirect("today:today", org=org)


@staff(*READERS)
@require_GET
def rulebook(request: StaffRequest, org: str) -> HttpResponse:
    """The rulebook of the code in force, generated from the policy, with the deadline
    planner: a step and a date sent by GET give the table of the deadlines that follow."""
    today = timezone.localdate()
    in_force = PolicyVersion.objects.in_force(request.organisation, on=today)
    context: dict[str, object] = {"rulebook": None, "problems": ()}
    if in_force is not None:
        try:
            context["rulebook"] = rulebook_of(in_force)
        except InvalidPolicy as error:
            context["problems"] = error.file_problems
    steps = planner_steps(request.organisation, today=today)
    asked = "step" in request.GET or "on_day" in request.GET
    form = PlannerForm(request.GET if asked else None, steps=steps)
    if asked and form.is_valid():
        try:
            context["planned"] = plan_deadlines(
                request.organisation, **form.cleaned_data, today=today
            )
        except Refused as refused:
            add_refusal(form, refused)
    return staff_page(
        request,
        "organisations/rulebook.html",
        version=in_force,
        form=form if steps else None,
        **context,
    )
