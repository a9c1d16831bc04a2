"""The Staff page: who holds which role, the invitations waiting, and the officers'
changes (invite, resend, withdraw, change a role, remove someone)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from panelkeeper.accounts.invitations import invite
from panelkeeper.accounts.models import Invitation, User
from panelkeeper.accounts.permissions import OFFICER, READERS, get_object_for, staff
from panelkeeper.accounts.views.common import invitation_buttons, invitation_page, staff_page
from panelkeeper.lib.api import PAGE_SIZE
from panelkeeper.lib.filters import page_filters
from panelkeeper.lib.forms import bound, button_change, form_applied
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.organisations.staff import change_role, remove_staff, staff_of, staff_people
from panelkeeper.organisations.staff_forms import InviteForm, RoleForm, StaffShownForm

FIRST_INVITATIONS = 10
"""Invitations waiting listed on the Staff page itself; the rest a link away."""


def _back(org: str) -> dict[str, str]:
    return {
        "back_url": reverse("organisations:staff", kwargs={"org": org}),
        "back_text": "Back to staff",
    }


def _invitation(request: StaffRequest, pk: int) -> Invitation:
    return get_object_for(request.organisation, Invitation.objects.staff(), pk=pk)


def _person(request: StaffRequest, pk: int) -> User:
    return get_object_or_404(staff_people(request.organisation), pk=pk)


@staff(*READERS)
@require_GET
def staff_list(request: StaffRequest, org: str) -> HttpResponse:
    """Everyone with a role here, by name, 50 to a page, and the first invitations
    waiting; every invitation waiting, 50 to a page, with ``?shown=invitations``."""
    _, chosen = page_filters(StaffShownForm, request)
    pending = (
        Invitation.objects.staff()
        .pending(now=timezone.now())
        .filter(organisation=request.organisation)
        .order_by("email", "id")
    )
    if chosen.get("shown") == StaffShownForm.INVITATIONS:
        return staff_page(
            request,
            "organisations/staff_invitations.html",
            page_obj=Paginator(pending, PAGE_SIZE).get_page(request.GET.get("page")),
        )
    page = Paginator(staff_people(request.organisation), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return staff_page(
        request,
        "organisations/staff_list.html",
        people=staff_of(request.organisation, list(page)),
        page_obj=page,
        invitations=list(pending[:FIRST_INVITATIONS]),
        invitations_waiting=pending.count(),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def invite_staff(request: StaffRequest, org: str) -> HttpResponse:
    form = InviteForm(**bound(request))
    staff_list = reverse("organisations:staff", kwargs={"org": org})
    return invitation_page(
        request,
        form,
        lambda: invite(organisation=request.organisation, actor=request.user, **form.cleaned_data),
        sent_to=staff_list,
        template="organisations/invite_staff.html",
        page_title="Invite someone",
        submit="Send invitation",
        back_url=staff_list,
        back_text="Back to staff",
    )


def _staff_invitation(request: StaffRequest, pk: int) -> tuple[Invitation, str]:
    """The organisation's invitation to its staff ``pk``, on the Staff page."""
    staff_list = reverse("organisations:staff", kwargs={"org": request.organisation.slug})
    return _invitation(request, pk), staff_list


resend_invitation, withdraw_invitation = invitation_buttons(_staff_invitation)


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def change_staff_role(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    person = _person(request, pk)
    form = RoleForm(**bound(request))
    role_changed = form_applied(
        request,
        form,
        lambda: change_role(
            organisation=request.organisation,
            user=person,
            role=form.cleaned_data["role"],
            actor=request.user,
        ),
    )
    if role_changed:
        messages.success(request, f"{person} is now {form.cleaned_data['role']}")
        return redirect("organisations:staff", org=org)
    return staff_page(
        request,
        "organisations/_form_page.html",
        form=form,
        page_title=f"Change role of {person}",
        **_back(org),
    )


@staff(OFFICER)
@require_http_methods(["GET", "POST"])
def remove(request: StaffRequest, org: str, pk: int) -> HttpResponse:
    person = _person(request, pk)
    if request.method == "POST":
        revoked = button_change(
            request,
            lambda: remove_staff(
                organisation=request.organisation, user=person, actor=request.user
            ),
        )
        if revoked is not None:
            tokens = (
                f" and {revoked} API token{'s' if revoked != 1 else ''} revoked" if revoked else ""
            )
            messages.success(request, f"{person} removed from the staff{tokens}")
            if person == request.user:
                return redirect("organisations:start")
        return redirect("organisations:staff", org=org)
    return staff_page(request, "organisations/remove_staff.html", person=person)
